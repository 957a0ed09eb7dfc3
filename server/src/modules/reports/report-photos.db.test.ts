// 举报照片 through the API: a reporter — anonymous, or a citizen's account — uploads photos first (JPEG/PNG/WebP only,
// the files platform's 10 MB, a neutral stored name) and names them in the report with the token each upload answered.
// Read by the office the report is routed to (and the district), by the submitting account and under the tracking
// code; never by another street, another citizen or another report's code. Someone else's upload, a wrong or used
// token, a seventh photo or garbage is a bilingual 4xx that changes nothing; unclaimed uploads are swept after a day.
// The officer's intake with photos is in report-intake-photos.db.test.ts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { auditLog } from '../../db/schema';
import { claimTokenHash } from '../../platform/files';
import { minimalPdf, realPhoto, tinyJpeg } from '../../platform/files.fixtures';
import type { Client } from '../../../test/app';
import { discardUnattachedUploads } from '../../platform/unattached-uploads';
import * as w from './report-photos.fixtures';
import { as, counts, fileRow, ids, nextIp, reportIdOf, storedFiles, submit, ticket, upload, type Ticket } from './report-photos.fixtures';

beforeAll(w.setUpPhotosWorld);
afterAll(w.tearDownPhotosWorld);

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
    const tracked = await w.t.app.inject({ method: 'GET', url: `/api/public/reports/${code.toLowerCase()}` });
    expect(tracked.statusCode).toBe(200);
    const photos = tracked.json().photos as { id: string; url: string; thumbnailUrl: string }[];
    expect(photos.map((p) => p.id)).toEqual([first.id, second.id]);
    expect(photos[0]!.url).toBe(`/api/public/reports/${code}/photos/${first.id}`);
    const got = await w.t.app.inject({ method: 'GET', url: photos[0]!.url });
    expect(got.statusCode).toBe(200);
    expect(got.headers['content-type']).toBe('image/jpeg');
    expect(got.headers['x-content-type-options']).toBe('nosniff');
    expect(got.headers['content-security-policy']).toBe("default-src 'none'; sandbox");
    const thumb = await w.t.app.inject({ method: 'GET', url: photos[0]!.thumbnailUrl });
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
    expect((await w.t.app.inject({ method: 'GET', url: `/api/files/${first.id}` })).statusCode).toBe(401);

    // Audited: each upload (no account, the client's address) and the submission naming its photos.
    const audit = await w.t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityType, 'file'), eq(auditLog.entityId, first.id)));
    expect(audit.map((a) => [a.action, a.actorId])).toEqual([['file.upload', null]]);
    expect(audit[0]!.after).toMatchObject({ originalName: 'report-photo.jpg', mime: 'image/jpeg' });
    const [submitted] = await w.t.database.db
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
    const get = (url: string) => w.t.app.inject({ method: 'GET', url });
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
    expect((await w.t.app.inject({ method: 'GET', url: `/api/public/reports/${ok.json().trackingCode}` })).json().photos).toHaveLength(6);
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
    const json = await w.t.app.inject({
      method: 'POST',
      url: '/api/public/reports/photos',
      payload: { file: 'x' },
      remoteAddress: nextIp(),
    });
    expect(json.statusCode).toBe(415);
    expect(json.json().error.details[0]).toMatchObject({ field: 'file' });
    const cut = await w.t.app.inject({
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

describe('unclaimed uploads', () => {
  it('are discarded after a day with their bytes, audited; claimed and recent ones stay', async () => {
    const abandoned = await ticket();
    const citizens = await ticket(tinyJpeg(), as.citizen);
    const claimed = await ticket();
    expect((await submit({ photos: [claimed] })).statusCode).toBe(200);
    const diskBefore = storedFiles().length;
    // An hour later nothing is old enough.
    expect((await discardUnattachedUploads(w.t.database.db, w.dataDir, new Date(Date.now() + 3_600_000))).discarded).toBe(0);
    const swept = await discardUnattachedUploads(w.t.database.db, w.dataDir, new Date(Date.now() + 25 * 3_600_000));
    expect(swept.discarded).toBeGreaterThanOrEqual(2);
    expect(await fileRow(abandoned.id)).toBeNull();
    expect(await fileRow(citizens.id)).toBeNull();
    expect(await fileRow(claimed.id)).not.toBeNull();
    expect(storedFiles().length).toBe(diskBefore - swept.discarded);
    const audit = await w.t.database.db.select().from(auditLog).where(eq(auditLog.entityId, abandoned.id));
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
