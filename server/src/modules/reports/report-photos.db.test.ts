// 举报照片 through the API: a reporter — anonymous, or a citizen's account — uploads photos first (JPEG/PNG/WebP only,
// the files platform's 10 MB, a neutral stored name) and names them in the report with the token each upload answered.
// Read by the office the report is routed to (and the district), by the submitting account and under the tracking
// code; never by another street, another citizen or another report's code. Someone else's upload, a wrong or used
// token, a seventh photo or garbage is a bilingual 4xx that changes nothing; unclaimed uploads are swept after a day.
// An officer recording a report from another channel (intake) attaches photos through the signed-in upload path
// instead: the officer's own uploads, named by id, photos only; someone else's file or another kind is refused alike.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import type { Role } from '@anjian/contracts';
import { buildTestApp, loginAs, type Client, type TestApp } from '../../../test/app';
import { auditLog, files } from '../../db/schema';
import { buildOrg, buildStreet, buildUser } from '../../seed/factories';
import { loadConfig } from '../../platform/config';
import { rowsOf } from '../../platform/db';
import { claimTokenHash } from '../../platform/files';
import { minimalPdf, multipart, phonePhoto, realPhoto, SECRET, tinyJpeg } from '../../platform/files.fixtures';
import { discardUnclaimedUploads } from '../../platform/public-uploads';

let t: TestApp;
let dataDir: string;
const as: Record<string, Client> = {};
const ids: Record<string, string> = {};
let streetA: string;
let ipSeq = 0;
const nextIp = () => `10.7.${Math.floor(ipSeq / 200)}.${(ipSeq++ % 200) + 1}`;

beforeAll(async () => {
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
});
afterAll(async () => {
  await t.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

interface Ticket {
  id: string;
  token: string;
}

/** One photo uploaded without an account (or as `c`, with its session and CSRF token, as the web app sends it). */
function upload(data: Buffer = tinyJpeg(), opts: { c?: Client; name?: string; type?: string; lang?: string } = {}) {
  const m = multipart(opts.name ?? '张三拍的现场.jpg', opts.type ?? 'image/jpeg', data);
  const headers = { ...m.headers, ...(opts.lang ? { 'accept-language': opts.lang } : {}) };
  const req = { method: 'POST' as const, url: '/api/public/reports/photos', payload: m.payload, headers };
  return opts.c ? opts.c.request(req) : t.app.inject({ ...req, remoteAddress: nextIp() });
}

async function ticket(data?: Buffer, c?: Client): Promise<Ticket> {
  const res = await upload(data, { c });
  expect(res.statusCode, res.body).toBe(201);
  const { id, token } = res.json() as Ticket;
  return { id, token };
}

const body = (o: Record<string, unknown> = {}) => ({
  category: 'hidden_danger',
  areaCode: streetA,
  address: '甲街道工业路8号',
  enterpriseName: '某五金厂',
  occurredOn: '2026-11-20',
  description: '车间消防通道被货物堵塞，灭火器过期。',
  ...o,
});

function submit(o: Record<string, unknown> = {}, opts: { c?: Client; lang?: string } = {}) {
  const headers = opts.lang ? { 'accept-language': opts.lang } : undefined;
  if (opts.c) return opts.c.request({ method: 'POST', url: '/api/public/reports', payload: body(o), headers });
  return t.app.inject({ method: 'POST', url: '/api/public/reports', payload: body(o), headers, remoteAddress: nextIp() });
}

async function reportIdOf(code: string) {
  return rowsOf<{ id: string }>(await t.database.db.execute(sql`select id from reports where tracking_code = ${code}`))[0]!.id;
}

async function fileRow(id: string) {
  const [row] = await t.database.db.select().from(files).where(eq(files.id, id));
  return row ?? null;
}

async function counts() {
  const n = (q: ReturnType<typeof sql>) => t.database.db.execute(q).then((r) => rowsOf<{ n: number }>(r)[0]!.n);
  return {
    reports: await n(sql`select count(*)::int as n from reports`),
    claimed: await n(sql`select count(*)::int as n from files where owner_id is not null`),
    files: await n(sql`select count(*)::int as n from files`),
    disk: storedFiles().length,
  };
}

function storedFiles(): string[] {
  const root = path.join(dataDir, 'files');
  if (!fs.existsSync(root)) return [];
  return fs
    .readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .map((d) => d.name);
}

describe('an anonymous reporter attaches photos', () => {
  it('uploads, submits, and the photos reach the office in scope and the tracking code — nobody else', async () => {
    const photo = await realPhoto(640, 480, 1);
    const up = await upload(photo);
    expect(up.statusCode, up.body).toBe(201);
    const first = up.json() as Ticket & { mime: string; size: number };
    expect(first.mime).toBe('image/jpeg');
    expect(first.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    // Stored without an uploader, under a neutral name (the sent name could identify the reporter), the token hashed.
    const stored = (await fileRow(first.id))!;
    expect(stored).toMatchObject({ uploadedBy: null, ownerId: null, originalName: 'report-photo.jpg' });
    expect(stored.claimTokenHash).toBe(claimTokenHash(first.token));
    expect(JSON.stringify(stored)).not.toContain(first.token);
    // Nobody reads an unattached anonymous upload, not even through another route.
    expect((await as.district!.get(`/api/files/${first.id}`)).statusCode).toBe(404);
    expect((await as.citizen!.get(`/api/files/${first.id}`)).statusCode).toBe(404);

    const second = await ticket();
    const res = await submit({ photos: [{ id: first.id, token: first.token }, second] });
    expect(res.statusCode, res.body).toBe(200);
    const code = (res.json() as { trackingCode: string }).trackingCode;
    const reportId = await reportIdOf(code);
    for (const id of [first.id, second.id]) {
      expect(await fileRow(id)).toMatchObject({ ownerType: 'report', ownerId: reportId, claimTokenHash: null });
    }

    // The tracking code lists them and serves them (photo and thumbnail), as files that never run as a page.
    const tracked = await t.app.inject({ method: 'GET', url: `/api/public/reports/${code.toLowerCase()}` });
    expect(tracked.statusCode).toBe(200);
    const photos = tracked.json().photos as { id: string; url: string; thumbnailUrl: string }[];
    expect(photos.map((p) => p.id)).toEqual([first.id, second.id]);
    expect(photos[0]!.url).toBe(`/api/public/reports/${code}/photos/${first.id}`);
    const got = await t.app.inject({ method: 'GET', url: photos[0]!.url });
    expect(got.statusCode).toBe(200);
    expect(got.headers['content-type']).toBe('image/jpeg');
    expect(got.headers['x-content-type-options']).toBe('nosniff');
    expect(got.headers['content-security-policy']).toBe("default-src 'none'; sandbox");
    const thumb = await t.app.inject({ method: 'GET', url: photos[0]!.thumbnailUrl });
    expect(thumb.statusCode).toBe(200);
    expect(thumb.headers['content-type']).toBe('image/jpeg');
    expect(thumb.rawPayload.length).toBeLessThan(got.rawPayload.length);

    // The office the report is routed to, and the district, see them on the report and read them through /api/files.
    for (const who of ['streetA', 'district']) {
      const detail = await as[who]!.get(`/api/reports/${reportId}`);
      expect(detail.statusCode).toBe(200);
      expect(detail.json().photos.map((p: { id: string }) => p.id)).toEqual([first.id, second.id]);
      expect(detail.json().photos[0]).toMatchObject({ url: `/api/files/${first.id}`, thumbnailUrl: `/api/files/${first.id}/thumbnail` });
      expect((await as[who]!.get(`/api/files/${first.id}`)).statusCode).toBe(200);
      expect((await as[who]!.get(`/api/files/${first.id}/thumbnail`)).statusCode).toBe(200);
    }
    // Another street, a citizen who did not submit it, a role without report.read: 404, like a file that does not exist.
    for (const who of ['streetB', 'otherCitizen', 'citizen', 'auditor']) {
      expect((await as[who]!.get(`/api/files/${first.id}`)).statusCode, who).toBe(404);
      expect((await as[who]!.get(`/api/files/${first.id}/thumbnail`)).statusCode, who).toBe(404);
    }
    expect((await t.app.inject({ method: 'GET', url: `/api/files/${first.id}` })).statusCode).toBe(401);

    // Audited: each upload (no account, the client's address) and the submission naming its photos.
    const audit = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityType, 'file'), eq(auditLog.entityId, first.id)));
    expect(audit.map((a) => [a.action, a.actorId])).toEqual([['file.upload', null]]);
    expect(audit[0]!.after).toMatchObject({ originalName: 'report-photo.jpg', mime: 'image/jpeg' });
    const [submitted] = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'report.submit'), eq(auditLog.entityId, reportId)));
    expect(submitted!.after).toMatchObject({ photos: [first.id, second.id] });
  });

  it('reaches a photo under its own report’s code only', async () => {
    const mine = await ticket();
    const other = await ticket();
    const a = (await submit({ photos: [mine] })).json().trackingCode as string;
    const b = (await submit({ photos: [other] })).json().trackingCode as string;
    const unattached = await ticket();
    const get = (url: string) => t.app.inject({ method: 'GET', url });
    expect((await get(`/api/public/reports/${a}/photos/${mine.id}`)).statusCode).toBe(200);
    expect((await get(`/api/public/reports/${a}/photos/${other.id}`)).statusCode).toBe(404);
    expect((await get(`/api/public/reports/${b}/photos/${mine.id}/thumbnail`)).statusCode).toBe(404);
    expect((await get(`/api/public/reports/ABCDEFGHJKLM/photos/${mine.id}`)).statusCode).toBe(404);
    expect((await get(`/api/public/reports/${a}/photos/${unattached.id}`)).statusCode).toBe(404);
    const garbage = await get(`/api/public/reports/${a}/photos/not-a-uuid`);
    expect(garbage.statusCode).toBe(400);
    expect(garbage.json().error.code).toBe('VALIDATION');
  });
});

describe('a citizen’s account', () => {
  it('reads its own upload before submitting and its report’s photos afterwards, listed under "my reports"', async () => {
    const own = await ticket(tinyJpeg(), as.citizen);
    expect((await fileRow(own.id))!.uploadedBy).toBe(ids.citizen);
    expect((await as.citizen!.get(`/api/files/${own.id}`)).statusCode).toBe(200);
    expect((await as.otherCitizen!.get(`/api/files/${own.id}`)).statusCode).toBe(404);
    const res = await submit({ photos: [own] }, { c: as.citizen });
    expect(res.statusCode, res.body).toBe(200);
    const reportId = await reportIdOf(res.json().trackingCode);
    const mine = (await as.citizen!.get('/api/reports/mine')).json() as { id: string; photos: { id: string; url: string }[] }[];
    expect(mine.find((r) => r.id === reportId)!.photos).toEqual([expect.objectContaining({ id: own.id, url: `/api/files/${own.id}` })]);
    expect((await as.citizen!.get(`/api/files/${own.id}`)).statusCode).toBe(200);
    expect((await as.citizen!.get(`/api/files/${own.id}/thumbnail`)).statusCode).toBe(200);
    expect((await as.otherCitizen!.get(`/api/files/${own.id}`)).statusCode).toBe(404);
    expect((await as.otherCitizen!.get('/api/reports/mine')).json()).toEqual([]);
    expect((await as.streetA!.get(`/api/files/${own.id}`)).statusCode).toBe(200);
  });
});

describe('refusals change nothing', () => {
  it('refuses someone else’s upload, a wrong, reused or unknown token, bilingually', async () => {
    const citizens = await ticket(tinyJpeg(), as.citizen);
    const anon = await ticket();
    const used = await ticket();
    expect((await submit({ photos: [used] })).statusCode).toBe(200);
    const cases: [string, unknown[], Client | undefined][] = [
      ['another citizen presents a citizen’s upload with its token', [citizens], as.otherCitizen],
      ['an anonymous reporter presents a citizen’s upload with its token', [citizens], undefined],
      ['a wrong token', [{ id: anon.id, token: citizens.token }], undefined],
      ['a photo already attached to a report', [used], undefined],
      ['a file that does not exist', [{ id: '00000000-0000-4000-8000-00000000abcd', token: anon.token }], undefined],
      ['one good photo and one bad one', [anon, { id: citizens.id, token: anon.token }], undefined],
      ['the same photo twice with different tokens', [anon, { id: anon.id, token: citizens.token }], undefined],
    ];
    for (const [what, photos, c] of cases) {
      const before = await counts();
      const res = await submit({ photos }, { c });
      expect(res.statusCode, what).toBe(400);
      expect(res.json().error).toMatchObject({
        code: 'VALIDATION',
        details: [{ field: 'photos', message: '照片不存在、已过期或已被使用，或不是您上传的' }],
      });
      expect(await counts(), what).toEqual(before);
    }
    const en = await submit({ photos: [citizens] }, { c: as.otherCitizen, lang: 'en' });
    expect(en.json().error.details[0].message).toBe('A photo does not exist, has expired, is already used, or is not yours');
    // Still unattached and still claimable by their own uploaders.
    expect(await fileRow(citizens.id)).toMatchObject({ ownerId: null, claimTokenHash: claimTokenHash(citizens.token) });
    expect((await submit({ photos: [citizens] }, { c: as.citizen })).statusCode).toBe(200);
    expect((await submit({ photos: [anon] })).statusCode).toBe(200);
  });

  it('takes at most six photos', async () => {
    const six = await Promise.all(Array.from({ length: 6 }, () => ticket()));
    const seventh = await ticket();
    const before = await counts();
    const res = await submit({ photos: [...six, seventh] });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details).toEqual([{ field: 'photos', message: '每件举报最多附 6 张照片' }]);
    const en = await submit({ photos: [...six, seventh] }, { lang: 'en' });
    expect(en.json().error.details).toEqual([{ field: 'photos', message: 'A report takes at most 6 photos' }]);
    expect(await counts()).toEqual(before);
    const ok = await submit({ photos: six });
    expect(ok.statusCode, ok.body).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: `/api/public/reports/${ok.json().trackingCode}` })).json().photos).toHaveLength(6);
  });

  it('refuses malformed tickets in the one error shape', async () => {
    const good = await ticket();
    const before = await counts();
    for (const photos of [
      [{ id: good.id, token: 'short' }],
      [{ id: good.id }],
      [{ id: 'x', token: good.token }],
      [{ ...good, extra: 1 }],
      'not a list',
      [good.id],
    ]) {
      const res = await submit({ photos });
      expect(res.statusCode, JSON.stringify(photos)).toBe(400);
      expect(res.json().error.code).toBe('VALIDATION');
      expect(res.json().error.details[0].field).toMatch(/^photos/);
    }
    const token = await submit({ photos: [{ id: good.id, token: 'short' }] });
    expect(token.json().error.details[0].message).toBe('照片凭据格式不正确，请重新上传该照片');
    expect(await counts()).toEqual(before);
  });

  const attacks: [string, () => Buffer, string, string, number, string?][] = [
    ['a PDF', () => minimalPdf(), 'scan.pdf', 'application/pdf', 415, '仅支持 JPEG、PNG、WebP 照片'],
    [
      'an HTML page named .jpg',
      () => Buffer.from('<html><script>alert(1)</script></html>'),
      'x.jpg',
      'image/jpeg',
      415,
      '仅支持 JPEG、PNG、WebP 照片',
    ],
    ['random bytes', () => Buffer.from('garbage garbage garbage'), 'x.png', 'image/png', 415],
    ['a photo over 10 MB', () => tinyJpeg([], 10 * 1024 * 1024 + 1), 'big.jpg', 'image/jpeg', 413],
    ['a name that climbs folders', () => tinyJpeg(), '../../etc/x.jpg', 'image/jpeg', 400],
    ['an empty file', () => Buffer.alloc(0), 'empty.jpg', 'image/jpeg', 415],
  ];
  for (const [what, data, name, type, status, message] of attacks) {
    it(`refuses ${what} with ${status} and stores nothing`, async () => {
      const before = await counts();
      const res = await upload(data(), { name, type });
      expect(res.statusCode, res.body).toBe(status);
      expect(Object.keys(res.json())).toEqual(['error']);
      if (message) expect(res.json().error.details[0].message).toBe(message);
      expect(await counts()).toEqual(before);
    });
  }

  it('refuses what is not a multipart upload', async () => {
    const before = await counts();
    const json = await t.app.inject({ method: 'POST', url: '/api/public/reports/photos', payload: { file: 'x' }, remoteAddress: nextIp() });
    expect(json.statusCode).toBe(415);
    expect(json.json().error.details[0]).toMatchObject({ field: 'file' });
    const cut = await t.app.inject({
      method: 'POST',
      url: '/api/public/reports/photos',
      payload: '--b\r\nContent-Disposition: form-data; name="file"; filename="a.jpg"\r\n\r\n\xff\xd8\xff',
      headers: { 'content-type': 'multipart/form-data; boundary=b' },
      remoteAddress: nextIp(),
    });
    expect(cut.statusCode).toBeGreaterThanOrEqual(400);
    expect(cut.statusCode).toBeLessThan(500);
    const en = await upload(minimalPdf(), { name: 'a.pdf', type: 'application/pdf', lang: 'en' });
    expect(en.json().error.details[0].message).toBe('Only JPEG, PNG and WebP photos are accepted');
    expect(await counts()).toEqual(before);
  });
});

describe('an officer records a report from another channel with photos', () => {
  /** One photo uploaded by a signed-in officer for an intake (POST /api/reports/photos). */
  function intakeUpload(c: Client, data: Buffer = tinyJpeg(), o: { name?: string; type?: string; lang?: string } = {}) {
    const m = multipart(o.name ?? '王先生微信发来的.jpg', o.type ?? 'image/jpeg', data);
    const headers = { ...m.headers, ...(o.lang ? { 'accept-language': o.lang } : {}) };
    return c.request({ method: 'POST', url: '/api/reports/photos', payload: m.payload, headers });
  }
  async function intakePhoto(c: Client = as.district!, data?: Buffer): Promise<string> {
    const res = await intakeUpload(c, data);
    expect(res.statusCode, res.body).toBe(201);
    return res.json().id as string;
  }
  const intake = (c: Client, o: Record<string, unknown> = {}, lang?: string) =>
    c.request({
      method: 'POST',
      url: '/api/reports',
      payload: body({ channel: 'hotline_12350', channelRef: 'RX-2026-0815', ...o }),
      headers: lang ? { 'accept-language': lang } : undefined,
    });

  it('uploads photos stripped of their location, attaches them on saving, and shows them like the public ones', async () => {
    const up = await intakeUpload(as.district!, phonePhoto().photo);
    expect(up.statusCode, up.body).toBe(201);
    const first = up.json() as { id: string; mime: string; url: string; thumbnailUrl: string };
    expect(first).toMatchObject({ mime: 'image/jpeg', url: `/api/files/${first.id}`, thumbnailUrl: `/api/files/${first.id}/thumbnail` });
    expect(first).not.toHaveProperty('token');
    // The officer's own upload: no claim token, a neutral name, and the location gone from the stored bytes.
    const stored = (await fileRow(first.id))!;
    expect(stored).toMatchObject({ uploadedBy: ids.district, ownerId: null, claimTokenHash: null, originalName: 'report-photo.jpg' });
    expect(fs.readFileSync(path.join(dataDir, 'files', stored.storageName)).includes(SECRET)).toBe(false);
    // Before saving, only its uploader reads it.
    expect((await as.district!.get(`/api/files/${first.id}`)).statusCode).toBe(200);
    expect((await as.streetA!.get(`/api/files/${first.id}`)).statusCode).toBe(404);

    const second = await intakePhoto(as.district!, await realPhoto(640, 480, 1));
    const res = await intake(as.district!, { photos: [first.id, second] });
    expect(res.statusCode, res.body).toBe(200);
    const detail = res.json() as { id: string; trackingCode?: string; photos: { id: string; url: string; thumbnailUrl: string }[] };
    expect(detail.photos.map((p) => p.id)).toEqual([first.id, second]);
    for (const id of [first.id, second]) expect(await fileRow(id)).toMatchObject({ ownerType: 'report', ownerId: detail.id });
    // The office the report is routed to reads them as it reads a public report's photos; another street does not.
    const routed = (await as.streetA!.get(`/api/reports/${detail.id}`)).json();
    expect(routed.photos[1]).toMatchObject({ id: second, url: `/api/files/${second}`, thumbnailUrl: `/api/files/${second}/thumbnail` });
    expect((await as.streetA!.get(`/api/files/${second}/thumbnail`)).statusCode).toBe(200);
    for (const who of ['streetB', 'citizen', 'auditor']) expect((await as[who]!.get(`/api/files/${second}`)).statusCode, who).toBe(404);
    // Under the tracking code the reporter was given on the phone, too.
    const [{ code }] = rowsOf<{ code: string }>(
      await t.database.db.execute(sql`select tracking_code as code from reports where id = ${detail.id}`),
    ) as [{ code: string }];
    const tracked = await t.app.inject({ method: 'GET', url: `/api/public/reports/${code}` });
    expect(tracked.json().photos.map((p: { id: string }) => p.id)).toEqual([first.id, second]);
    // Audited: the uploads as the officer's, the record naming its photos.
    const [upload] = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityType, 'file'), eq(auditLog.entityId, second)));
    expect([upload!.action, upload!.actorId]).toEqual(['file.upload', ids.district]);
    const [recorded] = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'report.record'), eq(auditLog.entityId, detail.id)));
    expect(recorded!.after).toMatchObject({ photos: [first.id, second] });
  });

  it('refuses someone else’s file, another kind of file, a used one and a seventh photo, bilingually, writing nothing', async () => {
    const mine = await intakePhoto();
    const streets = await intakePhoto(as.streetA!);
    const publicOne = await ticket();
    const used = await intakePhoto();
    expect((await intake(as.district!, { photos: [used] })).statusCode).toBe(200);
    // A document the same officer uploaded for a hidden danger: the officer's own, but not a photo.
    const m = multipart('整改报告.pdf', 'application/pdf', minimalPdf());
    const doc = await as.district!.request({ method: 'POST', url: '/api/hazards/attachments', payload: m.payload, headers: m.headers });
    expect(doc.statusCode, doc.body).toBe(201);
    const document = doc.json().id as string;
    const notYours = '照片不存在、不是您上传的，或已被使用';
    const cases: [string, string[], string][] = [
      ['another officer’s upload', [streets], notYours],
      ['a public upload', [publicOne.id], notYours],
      ['a photo already attached to a report', [used], notYours],
      ['a file that does not exist', ['00000000-0000-4000-8000-00000000abcd'], notYours],
      ['one good photo and another officer’s', [mine, streets], notYours],
      ['the officer’s own document', [document], '只能附 JPEG、PNG、WebP 照片'],
      ['a good photo and the officer’s own document', [mine, document], '只能附 JPEG、PNG、WebP 照片'],
    ];
    for (const [what, photos, message] of cases) {
      const before = await counts();
      const res = await intake(as.district!, { photos, description: `电话举报：${what}` });
      expect(res.statusCode, what).toBe(400);
      expect(res.json().error, what).toMatchObject({ code: 'VALIDATION', details: [{ field: 'photos', message }] });
      expect(await counts(), what).toEqual(before);
    }
    const en = await intake(as.district!, { photos: [document] }, 'en');
    expect(en.json().error.details[0].message).toBe('Only JPEG, PNG and WebP photos can be attached');
    const enOther = await intake(as.district!, { photos: [streets] }, 'en');
    expect(enOther.json().error.details[0].message).toBe('A photo does not exist, was not uploaded by you, or is already used');
    // Nothing was attached on the way: the good photo and the others are still unattached and their uploaders' own.
    for (const id of [mine, streets, document]) expect((await fileRow(id))!.ownerId, id).toBeNull();
    expect((await fileRow(publicOne.id))!.claimTokenHash).toBe(claimTokenHash(publicOne.token));

    // At most six, as on the public form.
    const seven = [mine, ...(await Promise.all(Array.from({ length: 6 }, () => intakePhoto())))];
    const before = await counts();
    const tooMany = await intake(as.district!, { photos: seven });
    expect(tooMany.statusCode).toBe(400);
    expect(tooMany.json().error.details).toEqual([{ field: 'photos', message: '每件举报最多附 6 张照片' }]);
    expect(await counts()).toEqual(before);
    const six = await intake(as.district!, { photos: seven.slice(0, 6) });
    expect(six.statusCode, six.body).toBe(200);
    expect(six.json().photos).toHaveLength(6);
  });

  it('takes photos only, from those who record reports', async () => {
    const before = await counts();
    const pdf = await intakeUpload(as.district!, minimalPdf(), { name: 'a.pdf', type: 'application/pdf' });
    expect(pdf.statusCode).toBe(415);
    expect(pdf.json().error.details[0].message).toBe('仅支持 JPEG、PNG、WebP 照片');
    const en = await intakeUpload(as.district!, minimalPdf(), { name: 'a.pdf', type: 'application/pdf', lang: 'en' });
    expect(en.json().error.details[0].message).toBe('Only JPEG, PNG and WebP photos are accepted');
    expect((await intakeUpload(as.district!, tinyJpeg([], 10 * 1024 * 1024 + 1))).statusCode).toBe(413);
    for (const who of ['citizen', 'auditor']) expect((await intakeUpload(as[who]!)).statusCode, who).toBe(403);
    const anonymous = multipart('a.jpg', 'image/jpeg', tinyJpeg());
    expect(
      (await t.app.inject({ method: 'POST', url: '/api/reports/photos', payload: anonymous.payload, headers: anonymous.headers }))
        .statusCode,
    ).toBe(401);
    expect(await counts()).toEqual(before);
  });
});

describe('unclaimed uploads', () => {
  it('are discarded after a day with their bytes, audited; claimed and recent ones stay', async () => {
    const abandoned = await ticket();
    const citizens = await ticket(tinyJpeg(), as.citizen);
    const claimed = await ticket();
    expect((await submit({ photos: [claimed] })).statusCode).toBe(200);
    const diskBefore = storedFiles().length;
    // An hour later nothing is old enough.
    expect((await discardUnclaimedUploads(t.database.db, dataDir, new Date(Date.now() + 3_600_000))).discarded).toBe(0);
    const swept = await discardUnclaimedUploads(t.database.db, dataDir, new Date(Date.now() + 25 * 3_600_000));
    expect(swept.discarded).toBeGreaterThanOrEqual(2);
    expect(await fileRow(abandoned.id)).toBeNull();
    expect(await fileRow(citizens.id)).toBeNull();
    expect(await fileRow(claimed.id)).not.toBeNull();
    expect(storedFiles().length).toBe(diskBefore - swept.discarded);
    const audit = await t.database.db.select().from(auditLog).where(eq(auditLog.entityId, abandoned.id));
    expect(audit.map((a) => [a.action, a.actorRole])).toEqual([
      ['file.upload', null],
      ['file.discard', 'system'],
    ]);
    // Presenting a discarded photo is refused like any unknown one.
    const late = await submit({ photos: [abandoned] });
    expect(late.statusCode).toBe(400);
    expect(late.json().error.details[0].field).toBe('photos');
  });
});
