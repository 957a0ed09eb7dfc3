// The 举报照片 tests' world: a district with streets 甲 and 乙, a logged-in client per role in `as` (user ids in `ids`),
// a data directory of its own for the stored bytes, and the steps the tests take — an anonymous or signed-in upload to
// the public route, a report submitted on the public form, the rows and counts a refusal must leave unchanged. Shared
// by report-photos.db.test.ts (the public form) and report-intake-photos.db.test.ts (an officer's intake).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import type { Role } from '@anjian/contracts';
import { buildTestApp, loginAs, type Client, type TestApp } from '../../../test/app';
import { files } from '../../db/schema';
import { buildOrg, buildStreet, buildUser } from '../../seed/factories';
import { loadConfig } from '../../platform/config';
import { rowsOf } from '../../platform/db';
import { multipart, tinyJpeg } from '../../platform/files.fixtures';

export let t: TestApp;
export let dataDir: string;
export const as: Record<string, Client> = {};
export const ids: Record<string, string> = {};
export let streetA: string;
let ipSeq = 0;
export const nextIp = () => `10.7.${Math.floor(ipSeq / 200)}.${(ipSeq++ % 200) + 1}`;

/** Builds the streets, the logged-in clients and the app with its own data directory. */
export async function setUpPhotosWorld() {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'anjian-report-photos-'));
  const defaults = loadConfig({}, []).reports;
  // The per-address limits and the challenge have tests of their own (reports.db.test.ts); here they stay out of the way.
  t = await buildTestApp({ dataDir, reports: { ...defaults, perIpPerHour: 1000, challengeAfterPerHour: 1000, photosPerIpPerHour: 1000 } });
  const db = t.database.db;
  const a = await buildStreet(db, { name: '甲街道' });
  const district = (await db.query.areas.findFirst({ where: (x, { eq }) => eq(x.code, a.parentCode!) }))!;
  const b = await buildStreet(db, { district, name: '乙街道' });
  streetA = a.code;
  const login = async (key: string, role: Role, org: Awaited<ReturnType<typeof buildOrg>> | null) => {
    const u = await buildUser(db, { role, org });
    ids[key] = u.id;
    as[key] = await loginAs(t.app, u.username, u.password);
  };
  await login('district', 'district_officer', await buildOrg(db, { area: district }));
  await login('streetA', 'street_officer', await buildOrg(db, { area: a, kind: 'street_office' }));
  await login('streetB', 'street_officer', await buildOrg(db, { area: b, kind: 'street_office' }));
  await login('citizen', 'public', null);
  await login('otherCitizen', 'public', null);
  await login('auditor', 'audit_admin', await buildOrg(db, { area: district }));
}

export async function tearDownPhotosWorld() {
  await t.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
}

export interface Ticket {
  id: string;
  token: string;
}

/** One photo uploaded without an account (or as `c`, with its session and CSRF token, as the web app sends it). */
export function upload(data: Buffer = tinyJpeg(), opts: { c?: Client; name?: string; type?: string; lang?: string } = {}) {
  const m = multipart(opts.name ?? '张三拍的现场.jpg', opts.type ?? 'image/jpeg', data);
  const headers = { ...m.headers, ...(opts.lang ? { 'accept-language': opts.lang } : {}) };
  const req = { method: 'POST' as const, url: '/api/public/reports/photos', payload: m.payload, headers };
  return opts.c ? opts.c.request(req) : t.app.inject({ ...req, remoteAddress: nextIp() });
}

export async function ticket(data?: Buffer, c?: Client): Promise<Ticket> {
  const res = await upload(data, { c });
  expect(res.statusCode, res.body).toBe(201);
  const { id, token } = res.json() as Ticket;
  return { id, token };
}

export const body = (o: Record<string, unknown> = {}) => ({
  category: 'hidden_danger',
  areaCode: streetA,
  address: '甲街道工业路8号',
  enterpriseName: '某五金厂',
  occurredOn: '2026-11-20',
  description: '车间消防通道被货物堵塞，灭火器过期。',
  ...o,
});

export function submit(o: Record<string, unknown> = {}, opts: { c?: Client; lang?: string } = {}) {
  const headers = opts.lang ? { 'accept-language': opts.lang } : undefined;
  if (opts.c) return opts.c.request({ method: 'POST', url: '/api/public/reports', payload: body(o), headers });
  return t.app.inject({ method: 'POST', url: '/api/public/reports', payload: body(o), headers, remoteAddress: nextIp() });
}

export async function reportIdOf(code: string) {
  return rowsOf<{ id: string }>(await t.database.db.execute(sql`select id from reports where tracking_code = ${code}`))[0]!.id;
}

export async function fileRow(id: string) {
  const [row] = await t.database.db.select().from(files).where(eq(files.id, id));
  return row ?? null;
}

export async function counts() {
  const n = (q: ReturnType<typeof sql>) => t.database.db.execute(q).then((r) => rowsOf<{ n: number }>(r)[0]!.n);
  return {
    reports: await n(sql`select count(*)::int as n from reports`),
    claimed: await n(sql`select count(*)::int as n from files where owner_id is not null`),
    files: await n(sql`select count(*)::int as n from files`),
    disk: storedFiles().length,
  };
}

export function storedFiles(): string[] {
  const root = path.join(dataDir, 'files');
  if (!fs.existsSync(root)) return [];
  return fs
    .readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .map((d) => d.name);
}
