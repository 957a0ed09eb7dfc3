// 举报 intake with photos through the API: an officer recording a report from another channel (hotline, letter) uploads
// the photos the reporter sent through the signed-in upload path — photos only, 10 MB, location data stripped, a neutral
// stored name — and names them by id on saving; they are then read like a public report's photos. Someone else's file,
// another kind of file, a used one or a seventh is a bilingual 400 that writes nothing.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import { auditLog } from '../../db/schema';
import { rowsOf } from '../../platform/db';
import { claimTokenHash } from '../../platform/files';
import { minimalPdf, multipart, phonePhoto, realPhoto, SECRET, tinyJpeg } from '../../platform/files.fixtures';
import type { Client } from '../../../test/app';
import * as w from './report-photos.fixtures';
import { as, body, counts, fileRow, ids, ticket } from './report-photos.fixtures';

beforeAll(w.setUpPhotosWorld);
afterAll(w.tearDownPhotosWorld);

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
    expect(fs.readFileSync(path.join(w.dataDir, 'files', stored.storageName)).includes(SECRET)).toBe(false);
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
      await w.t.database.db.execute(sql`select tracking_code as code from reports where id = ${detail.id}`),
    ) as [{ code: string }];
    const tracked = await w.t.app.inject({ method: 'GET', url: `/api/public/reports/${code}` });
    expect(tracked.json().photos.map((p: { id: string }) => p.id)).toEqual([first.id, second]);
    // Audited: the uploads as the officer's, the record naming its photos.
    const [upload] = await w.t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityType, 'file'), eq(auditLog.entityId, second)));
    expect([upload!.action, upload!.actorId]).toEqual(['file.upload', ids.district]);
    const [recorded] = await w.t.database.db
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
      (await w.t.app.inject({ method: 'POST', url: '/api/reports/photos', payload: anonymous.payload, headers: anonymous.headers }))
        .statusCode,
    ).toBe(401);
    expect(await counts()).toEqual(before);
  });
});
