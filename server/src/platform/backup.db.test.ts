// Backup and restore across engines: a database filled through the API (accounts, enterprises and their counts kept
// by triggers, a hidden danger with its photo, the audit chain) is backed up, restored into a fresh PGlite, backed up
// from there and restored into a fresh database of the test engine (PostgreSQL when TEST_DATABASE_URL is set, so
// PostgreSQL → PGlite → PostgreSQL; otherwise PGlite all along). Every table's checksum (md5 of its ordered rows)
// is equal at each step, the uploaded file comes back byte for byte, and the restored database works: the audit
// chain verifies and grows, ids continue past the restored ones, and the triggers are back on.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { buildHazardWorld, report, type HazardWorld } from '../modules/hazards/hazards.fixtures';
import { openTestDatabase } from '../../test/db';
import { backup, restore, tableChecksums } from './backup';
import { openPglite, rowsOf, type Database } from './db';
import { multipart, tinyJpeg } from './files.fixtures';
import { recordAudit } from './audit';
import { verifyAuditChain } from './audit-chain';
import { buildEnterprise } from '../seed/factories';
import { testAction } from '../../test/audit-codes';

let w: HazardWorld;
const opened: Database[] = [];
const tmp = (name: string) => fs.mkdtempSync(path.join(os.tmpdir(), `anjian-backup-${name}-`));

beforeAll(async () => {
  w = await buildHazardWorld();
  const photo = await w.entA.request({
    method: 'POST',
    url: '/api/hazards/attachments',
    ...multipart('配电箱.jpg', 'image/jpeg', tinyJpeg()),
  });
  expect(photo.statusCode).toBe(201);
  await report(w.entA, {
    enterpriseId: w.enterpriseA.id,
    source: 'enterprise_self_check',
    description: '配电箱门缺失，带电部位裸露',
    location: '二号车间东侧',
    category: 'unsafe_condition',
    accidentType: '05',
    grade: 'general',
    attachments: [photo.json().id],
  });
});
afterAll(async () => {
  for (const d of opened) await d.close();
  await w.close();
});

const count = async (d: Database, table: string) =>
  rowsOf<{ n: number }>(await d.db.execute(sql`select count(*)::int as n from ${sql.raw(table)}`))[0]!.n;

function filesUnder(dir: string): Record<string, string> {
  const root = path.join(dir, 'files');
  if (!fs.existsSync(root)) return {};
  const out: Record<string, string> = {};
  for (const e of fs.readdirSync(root, { recursive: true, withFileTypes: true })) {
    if (e.isFile()) {
      const full = path.join(e.parentPath, e.name);
      out[path.relative(root, full)] = fs.readFileSync(full).toString('base64');
    }
  }
  return out;
}

async function restoredInto(target: Database, from: string): Promise<string> {
  opened.push(target);
  const dataDir = tmp('data');
  await restore(target.db, { dataDir, from });
  return dataDir;
}

describe('backup and restore', () => {
  it('moves the database and files between engines with identical table checksums, and the result works', async () => {
    const source = w.t.database;
    const sums = await tableChecksums(source.db);
    for (const t of ['users', 'enterprises', 'enterprise_counts', 'hazards', 'hazard_stats_monthly', 'files', 'audit_log']) {
      expect(await count(source, t), t).toBeGreaterThan(0);
    }
    expect(Object.keys(filesUnder(w.dataDir)).length).toBeGreaterThan(0);

    const first = tmp('one');
    fs.rmSync(first, { recursive: true });
    const manifest = await backup(source.db, { engine: source.engine, dataDir: w.dataDir, out: first });
    expect(manifest.tables.find((t) => t.name === 'audit_log')!.rows).toBe(await count(source, 'audit_log'));

    const lite = await openPglite(null);
    await lite.migrate();
    const liteDir = await restoredInto(lite, first);
    expect(await tableChecksums(lite.db)).toEqual(sums);
    expect(filesUnder(liteDir)).toEqual(filesUnder(w.dataDir));

    const second = path.join(tmp('two'), 'dump');
    await backup(lite.db, { engine: lite.engine, dataDir: liteDir, out: second });
    const back = await openTestDatabase();
    const backDir = await restoredInto(back, second);
    expect(await tableChecksums(back.db)).toEqual(sums);
    expect(filesUnder(backDir)).toEqual(filesUnder(w.dataDir));

    // The restored database is live: the chain verifies and takes a new entry after the restored ids,
    // the aggregate trigger counts a new enterprise, and the audit log is append-only again.
    expect((await verifyAuditChain(back.db)).ok).toBe(true);
    await back.db.transaction((tx) => recordAudit(tx, { actor: null, ip: 'test' }, { action: testAction('backup.test') }));
    expect((await verifyAuditChain(back.db)).ok).toBe(true);
    const countsBefore = await tableChecksums(back.db);
    await buildEnterprise(back.db, { areaCode: w.enterpriseA.areaCode });
    expect((await tableChecksums(back.db)).enterprise_counts).not.toBe(countsBefore.enterprise_counts);
    await expect(back.db.execute(sql`update audit_log set action = 'x'`)).rejects.toThrow();
  }, 300_000); // four databases, two of them migrated here, and every table dumped twice and summed four times

  it('refuses a database that is in use, a non-empty files directory, and a dump of another schema version', async () => {
    const dump = path.join(tmp('three'), 'dump');
    await backup(w.t.database.db, { engine: 'x', dataDir: w.dataDir, out: dump });
    await expect(restore(w.t.database.db, { dataDir: tmp('empty'), from: dump })).rejects.toThrow(/new, empty database/);
    const lite = await openPglite(null);
    opened.push(lite);
    await lite.migrate();
    await expect(restore(lite.db, { dataDir: w.dataDir, from: dump })).rejects.toThrow(/not empty/);
    const manifest = JSON.parse(fs.readFileSync(path.join(dump, 'manifest.json'), 'utf8'));
    fs.writeFileSync(path.join(dump, 'manifest.json'), JSON.stringify({ ...manifest, schemaVersion: '1:0' }));
    await expect(restore(lite.db, { dataDir: tmp('empty'), from: dump })).rejects.toThrow(/same release/);
    expect(await count(lite, 'users')).toBe(0);
  }, 120_000);
});
