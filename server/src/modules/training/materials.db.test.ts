// 课件 through the API: an enterprise's own online course gets a PDF and an MP4 video (type from the bytes, stored
// like every upload); its accounts list and open them (the video with a byte range for phones); another enterprise
// and another street cannot (404); a street officer in scope reads but may not add or remove; a disguised file and a
// video where videos are not accepted are refused (bilingual 415); the owner removes one; adding and removing are audited.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '@anjian/contracts';
import { sql } from 'drizzle-orm';
import { buildTestApp, loginAs, type Client, type TestApp } from '../../../test/app';
import { buildCommunity, buildDistrict, buildEnterprise, buildOrg, buildStreet, buildUser } from '../../seed/factories';
import { rowsOf } from '../../platform/db';
import { minimalPdf, multipart } from '../../platform/files.fixtures';
import { cstDate } from '../../platform/time';

let t: TestApp;
const as: Record<string, Client> = {};
const today = cstDate();
let sessionId = '';

/** The smallest file an MP4 sniffer accepts: an `ftyp` box with the isom brand, then some bytes. */
const tinyMp4 = () => Buffer.concat([Buffer.from([0, 0, 0, 0x18]), Buffer.from('ftypisom'), Buffer.alloc(12), Buffer.alloc(200, 7)]);

beforeAll(async () => {
  t = await buildTestApp();
  const db = t.database.db;
  const district = await buildDistrict(db);
  const streetA = await buildStreet(db, { district });
  const streetB = await buildStreet(db, { district });
  const a = await buildEnterprise(db, { area: await buildCommunity(db, { street: streetA }) });
  const a2 = await buildEnterprise(db, { area: await buildCommunity(db, { street: streetA }) });
  const login = async (key: string, role: Role, o: Record<string, unknown>) => {
    const u = await buildUser(db, { role, ...o } as Parameters<typeof buildUser>[1]);
    as[key] = await loginAs(t.app, u.username, u.password);
  };
  await login('entA', 'enterprise_principal', { enterpriseId: a.id, org: null });
  await login('entA2', 'enterprise_safety_manager', { enterpriseId: a2.id, org: null });
  await login('streetA', 'street_officer', { org: await buildOrg(db, { area: streetA, kind: 'street_office' }) });
  await login('streetB', 'street_officer', { org: await buildOrg(db, { area: streetB, kind: 'street_office' }) });
  const s = await as.entA!.post('/api/training/sessions', {
    title: '三级教育：新员工岗前培训（线上）',
    kind: 'three_level',
    hours: 24,
    date: today,
    mode: 'online',
    lecturerName: '李讲师',
  });
  expect(s.statusCode, s.body).toBe(200);
  sessionId = s.json().id;
});
afterAll(() => t.close());

const upload = (c: Client, name: string, type: string, data: Buffer, lang = 'zh') => {
  const m = multipart(name, type, data);
  return c.request({
    method: 'POST',
    url: `/api/training/sessions/${sessionId}/materials`,
    payload: m.payload,
    headers: { ...m.headers, 'accept-language': lang },
  });
};
const audits = async (action: string) =>
  rowsOf<{ n: number }>(
    await t.database.db.execute(sql`select count(*)::int as n from audit_log where action = ${action} and entity_id = ${sessionId}`),
  )[0]!.n;

describe('course materials (课件)', () => {
  it('the owner adds a document and a video; learners in scope list and open them; others get 404', async () => {
    const pdf = await upload(as.entA!, '安全操作规程.pdf', 'application/pdf', minimalPdf());
    expect(pdf.statusCode, pdf.body).toBe(201);
    const video = await upload(as.entA!, '岗前培训第一课.mp4', 'video/mp4', tinyMp4());
    expect(video.statusCode, video.body).toBe(201);
    expect(video.json()).toMatchObject({ kind: 'video', mime: 'video/mp4', abilities: ['remove'] });
    expect(await audits('training_material.add')).toBe(2);

    const mine = (await as.entA!.get(`/api/training/sessions/${sessionId}/materials`)).json();
    expect(mine.canUpload).toBe(true);
    expect(mine.items.map((m: { name: string }) => m.name)).toEqual(['安全操作规程.pdf', '岗前培训第一课.mp4']);
    // The street in scope reads but may not remove; another enterprise and another street do not see the session.
    const street = (await as.streetA!.get(`/api/training/sessions/${sessionId}/materials`)).json();
    expect([street.canUpload, street.items[0].abilities]).toEqual([false, []]);
    expect((await as.entA2!.get(`/api/training/sessions/${sessionId}/materials`)).statusCode).toBe(404);
    expect((await as.streetB!.get(`/api/training/sessions/${sessionId}/materials`)).statusCode).toBe(404);

    // Opening: the whole file, or a byte range (phones play video from ranges); others 404.
    const vid = video.json().id as string;
    const whole = await as.entA!.get(`/api/files/${vid}`);
    expect([whole.statusCode, whole.headers['content-type'], whole.headers['accept-ranges']]).toEqual([200, 'video/mp4', 'bytes']);
    const part = await as.entA!.request({ method: 'GET', url: `/api/files/${vid}`, headers: { range: 'bytes=0-1' } });
    expect([part.statusCode, part.headers['content-range'], part.rawPayload.length]).toEqual([206, `bytes 0-1/${tinyMp4().length}`, 2]);
    expect((await as.streetA!.get(`/api/files/${vid}`)).statusCode).toBe(200);
    expect((await as.entA2!.get(`/api/files/${vid}`)).statusCode).toBe(404);
    expect((await as.streetB!.get(`/api/files/${vid}`)).statusCode).toBe(404);
  });

  it('refuses a disguised file, a video elsewhere and a non-owner; the owner removes one', async () => {
    const fake = await upload(as.entA!, '课件.pdf', 'application/pdf', Buffer.from('<html><script>alert(1)</script></html>'), 'en');
    expect(fake.statusCode).toBe(415);
    expect(fake.json().error.details[0].message).toMatch(/MP4/);
    // A video is accepted only as course material: the spot-check photo upload refuses it (415).
    const m = multipart('x.mp4', 'video/mp4', tinyMp4());
    const elsewhere = await as.streetA!.request({ method: 'POST', url: '/api/spot-checks/photos', payload: m.payload, headers: m.headers });
    expect(elsewhere.statusCode).toBe(415);
    // The street officer in scope is not the owner: 403 for add and remove.
    expect((await upload(as.streetA!, 'a.pdf', 'application/pdf', minimalPdf())).statusCode).toBe(403);
    const items = (await as.entA!.get(`/api/training/sessions/${sessionId}/materials`)).json().items as { id: string }[];
    expect((await as.streetA!.request({ method: 'DELETE', url: `/api/training/materials/${items[0]!.id}` })).statusCode).toBe(403);
    expect((await as.entA2!.request({ method: 'DELETE', url: `/api/training/materials/${items[0]!.id}` })).statusCode).toBe(404);
    const del = await as.entA!.request({ method: 'DELETE', url: `/api/training/materials/${items[0]!.id}` });
    expect(del.statusCode, del.body).toBe(200);
    expect((await as.entA!.get(`/api/training/sessions/${sessionId}/materials`)).json().items.length).toBe(1);
    expect((await as.entA!.get(`/api/files/${items[0]!.id}`)).statusCode).toBe(404);
    expect(await audits('training_material.remove')).toBe(1);
  });
});
