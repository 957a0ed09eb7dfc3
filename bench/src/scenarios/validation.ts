// Issue 12: the cost of the input edge guard (platform/input-guard.ts) on the hottest read (the enterprise list
// with a search) and the hottest write (an enterprise edit): the same app built twice over one database, with
// and without the guard, requests alternated one by one so both see the same load; p50 ratio with / without.
// The schema primitives (safeString, calendarDate) are part of both apps' schemas, so a second, in-process
// figure compares parsing an edit body with them against the same schema made of plain z.string().
import type { AddressInfo } from 'node:net';
import { z } from 'zod';
import { eq } from 'drizzle-orm';
import { isoDate, safeString } from '@anjian/contracts';
import { buildApp } from '../../../server/src/app';
import { loadConfig } from '../../../server/src/platform/config';
import { openPglite } from '../../../server/src/platform/db';
import { enterprises } from '../../../server/src/db/schema';
import { seedDemo } from '../../../server/src/seed/demo';
import { fastArgon2 } from '../../../server/src/seed/factories';
import { login, percentiles, type ScenarioResult } from '../lib';

const READS = 600;
const WRITES = 300;

export async function validationScenario(): Promise<ScenarioResult[]> {
  const database = await openPglite(null);
  await database.migrate();
  await seedDemo(database.db, fastArgon2);
  const config = { ...loadConfig({}, []), argon2: fastArgon2 };
  const apps = {
    with: (await buildApp(database, config, { webDir: null })).app,
    without: (await buildApp(database, config, { webDir: null, inputGuard: false })).app,
  };
  try {
    const url = { with: '', without: '' };
    for (const k of ['with', 'without'] as const) {
      await apps[k].listen({ port: 0, host: '127.0.0.1' });
      url[k] = `http://127.0.0.1:${(apps[k].server.address() as AddressInfo).port}`;
    }
    const session = await login(url.with, 'officer');
    const headers = { cookie: session.cookie, 'x-csrf-token': session.csrf, 'content-type': 'application/json' };
    const [hongda] = await database.db.select().from(enterprises).where(eq(enterprises.name, '深圳市龙岗区宏达五金制品有限公司'));

    const samples = { read: { with: [] as number[], without: [] as number[] }, write: { with: [] as number[], without: [] as number[] } };
    const fragments = ['五金', '机械', '科技', '电子', '塑胶', '物流'];
    for (let i = 0; i < READS + 20; i++) {
      for (const k of i % 2 ? (['with', 'without'] as const) : (['without', 'with'] as const)) {
        const t0 = performance.now();
        const res = await fetch(`${url[k]}/api/enterprises?q=${encodeURIComponent(fragments[i % fragments.length]!)}&pageSize=20`, {
          headers,
        });
        await res.arrayBuffer();
        if (!res.ok) throw new Error(`read ${res.status}`);
        if (i >= 20) samples.read[k].push(performance.now() - t0);
      }
    }
    let version = hongda!.version;
    for (let i = 0; i < WRITES + 10; i++) {
      for (const k of i % 2 ? (['with', 'without'] as const) : (['without', 'with'] as const)) {
        const body = JSON.stringify({
          version,
          address: `深圳市龙岗区龙城街道龙翔大道 ${88 + (i % 50)} 号 ${k === 'with' ? 3 : 4} 栋`,
          employees: 80 + (i % 20),
        });
        const t0 = performance.now();
        const res = await fetch(`${url[k]}/api/enterprises/${hongda!.id}`, { method: 'PATCH', headers, body });
        const json = (await res.json()) as { version: number };
        if (!res.ok) throw new Error(`write ${res.status} ${JSON.stringify(json)}`);
        version = json.version;
        if (i >= 10) samples.write[k].push(performance.now() - t0);
      }
    }
    const read = { with: percentiles(samples.read.with), without: percentiles(samples.read.without) };
    const write = { with: percentiles(samples.write.with), without: percentiles(samples.write.without) };
    const parse = schemaParseRatio();
    const limit = 1.05;
    const readRatio = read.with.p50ms / read.without.p50ms;
    const writeRatio = write.with.p50ms / write.without.p50ms;
    return [
      {
        name: 'input guard: GET /api/enterprises?q= with vs without',
        engine: 'pglite',
        metrics: read,
        ratios: { p50: readRatio },
        targets: { p50: { limit, met: readRatio <= limit } },
      },
      {
        name: 'input guard: PATCH /api/enterprises/:id with vs without',
        engine: 'pglite',
        metrics: write,
        ratios: { p50: writeRatio },
        targets: { p50: { limit, met: writeRatio <= limit } },
      },
      {
        name: 'schema primitives: parse an enterprise edit body, safe vs plain strings (in process)',
        engine: 'none',
        metrics: parse,
        ratios: { perParse: parse.safeMicros / parse.plainMicros },
        notes: 'a few microseconds per request either way; the request itself takes milliseconds',
      },
    ];
  } finally {
    await apps.with.close();
    await apps.without.close();
    await database.close();
  }
}

/** Microseconds to parse a typical edit body with the contracts' primitives and with plain strings. */
function schemaParseRatio() {
  const fields = ['name', 'address', 'legalRepresentative', 'principalName', 'safetyManagerName', 'landlord', 'note', 'businessScope'];
  const safe = z.object({ ...Object.fromEntries(fields.map((f) => [f, safeString().trim().max(200)])), on: isoDate }).strict();
  const plain = z
    .object({ ...Object.fromEntries(fields.map((f) => [f, z.string().trim().max(200)])), on: z.string().regex(/^\d{4}-\d{2}-\d{2}$/) })
    .strict();
  const body = {
    ...Object.fromEntries(fields.map((f, i) => [f, `深圳市龙岗区龙城街道龙翔大道 ${i} 号宏达五金制品有限公司`])),
    on: '2026-03-01',
  };
  const time = (s: z.ZodType) => {
    for (let i = 0; i < 2000; i++) s.parse(body);
    const t0 = performance.now();
    for (let i = 0; i < 20000; i++) s.parse(body);
    return ((performance.now() - t0) * 1000) / 20000;
  };
  const plainMicros = time(plain);
  const safeMicros = time(safe);
  return { plainMicros, safeMicros };
}
