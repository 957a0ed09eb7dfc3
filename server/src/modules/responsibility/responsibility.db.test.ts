// 责任清单与责任书 on a real database. Letters: the district drafts a target-responsibility letter to a street with
// targets linked to the year's assessment indicators (an unknown indicator is a bilingual 400 that writes nothing),
// issues it, the street signs it (history, outbox event and audit in the same transaction), passes it on to a
// community (the street records the paper signature) and to an enterprise (its principal signs); another street gets
// 404, a stale version 409 with `current`, the district may not sign. Lists: the enterprise keeps its posts and
// signed post letters; a duplicate post is 409; officers read it in scope only.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, count, eq } from 'drizzle-orm';
import type { Role } from '@anjian/contracts';
import { assessmentSchemes, auditLog, domainEvents, notifications, responsibilityLetters } from '../../db/schema';
import { consumeEvent } from '../../platform/queue';
import { notificationsConsumer } from '../notifications/notifications.consumer';
import { buildTestApp, loginAs, type Client, type TestApp } from '../../../test/app';
import { buildCommunity, buildEnterprise, buildOrg, buildStreet, buildUser } from '../../seed/factories';

let t: TestApp;
const as: Record<string, Client> = {};
const userIds: Record<string, string> = {};
let streetA: Awaited<ReturnType<typeof buildStreet>>;
let community: Awaited<ReturnType<typeof buildCommunity>>;
let ent: Awaited<ReturnType<typeof buildEnterprise>>;
let schemeId: string;

beforeAll(async () => {
  t = await buildTestApp();
  const db = t.database.db;
  streetA = await buildStreet(db, { name: '甲街道' });
  const district = (await db.query.areas.findFirst({ where: (x, { eq }) => eq(x.code, streetA.parentCode!) }))!;
  const streetB = await buildStreet(db, { district, name: '乙街道' });
  community = await buildCommunity(db, { street: streetA, name: '甲社区' });
  ent = await buildEnterprise(db, { street: streetA, name: '甲机械厂' });
  const login = async (key: string, role: Role, o: { org?: Awaited<ReturnType<typeof buildOrg>>; enterpriseId?: string }) => {
    const u = await buildUser(db, { role, ...o, org: o.org ?? null });
    userIds[key] = u.id;
    as[key] = await loginAs(t.app, u.username, u.password);
  };
  const bureau = await buildOrg(db, { area: district, name: '测试区应急管理局' });
  await login('district', 'district_officer', { org: bureau });
  await login('streetA', 'street_officer', { org: await buildOrg(db, { area: streetA, kind: 'street_office', name: '甲街道办' }) });
  await login('streetB', 'street_officer', { org: await buildOrg(db, { area: streetB, kind: 'street_office' }) });
  await login('principal', 'enterprise_principal', { enterpriseId: ent.id });
  const [s] = await db
    .insert(assessmentSchemes)
    .values({
      year: 2026,
      title: '2026年安全生产考核',
      issuerOrgId: bureau.id,
      areaCode: district.code,
      indicators: [{ key: 'deaths', name: '事故死亡人数', weight: 30, source: 'accidents', rule: { kind: 'double_decline' } }] as never,
      unitOrgIds: [bureau.id],
    })
    .returning();
  schemeId = s!.id;
});
afterAll(() => t.close());

const act = async (c: Client, id: string, body: Record<string, unknown>) => {
  const cur = (await c.get(`/api/responsibility-letters/${id}`)).json();
  return c.post(`/api/responsibility-letters/${id}/act`, { version: cur.version, ...body });
};

describe('target-responsibility letters', () => {
  let id: string;
  it('drafts a letter to a street with targets linked to the assessment; a bad indicator changes nothing', async () => {
    const body = {
      year: 2026,
      title: '2026年度安全生产目标责任书',
      recipientKind: 'street',
      recipientAreaCode: streetA.code,
      schemeId,
      targets: [{ text: '事故死亡人数同比下降', indicatorKey: 'deaths' }, { text: '不发生较大以上事故' }],
    };
    const before = (await t.database.db.select({ n: count() }).from(responsibilityLetters))[0]!.n;
    const bad = await as.district!.post('/api/responsibility-letters', { ...body, targets: [{ text: 'x', indicatorKey: 'nope' }] });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0]).toMatchObject({ field: 'targets.0.indicatorKey', message: '考核方案中没有该指标' });
    const far = await as.district!.post('/api/responsibility-letters', { ...body, recipientAreaCode: community.code });
    expect(far.statusCode).toBe(400);
    expect((await t.database.db.select({ n: count() }).from(responsibilityLetters))[0]!.n).toBe(before);
    const res = await as.district!.post('/api/responsibility-letters', body);
    expect(res.statusCode, res.body).toBe(200);
    const v = res.json();
    id = v.id;
    expect(v).toMatchObject({ status: 'draft', recipientName: '甲街道', issuerName: '测试区应急管理局', abilities: ['issue', 'withdraw'] });
    expect(v.targets[0]).toMatchObject({ indicatorKey: 'deaths', indicatorName: '事故死亡人数' });
  });

  it('answers 404 to another street, 409 on a stale version, and lets only the recipient sign', async () => {
    expect((await as.streetB!.get(`/api/responsibility-letters/${id}`)).statusCode).toBe(404);
    const a = (await as.streetA!.get(`/api/responsibility-letters/${id}`)).json();
    expect(a.abilities).toEqual([]);
    const stale = await as.district!.post(`/api/responsibility-letters/${id}/act`, { action: 'issue', version: 7 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().current).toMatchObject({ id, status: 'draft' });
    expect((await act(as.district!, id, { action: 'issue' })).json()).toMatchObject({ status: 'issued' });
    expect((await act(as.district!, id, { action: 'sign', signerName: '李四' })).statusCode).toBe(403);
    expect((await as.streetA!.get(`/api/responsibility-letters/${id}`)).json().abilities).toEqual(['sign']);
    const [issued] = await t.database.db
      .select({ id: domainEvents.id })
      .from(domainEvents)
      .where(and(eq(domainEvents.entityId, id), eq(domainEvents.type, 'responsibility_letter.issue')));
    await consumeEvent(t.database, notificationsConsumer, issued!.id);
    const told = await t.database.db.select({ userId: notifications.userId }).from(notifications).where(eq(notifications.entityId, id));
    expect(told.map((n) => n.userId)).toEqual([userIds.streetA]);
    const noName = await act(as.streetA!, id, { action: 'sign' });
    expect(noName.statusCode).toBe(400);
    expect(noName.json().error.details[0].field).toBe('signerName');
  });

  it('is signed by the street with history, event and audit', async () => {
    const res = await act(as.streetA!, id, { action: 'sign', signerName: '李四' });
    expect(res.statusCode, res.body).toBe(200);
    const v = res.json();
    expect(v).toMatchObject({ status: 'signed', signerName: '李四' });
    expect(v.history.map((h: { action: string }) => h.action)).toEqual(['create', 'issue', 'sign']);
    const events = await t.database.db.select().from(domainEvents).where(eq(domainEvents.entityId, id));
    expect(events.map((e) => e.type)).toEqual([
      'responsibility_letter.create',
      'responsibility_letter.issue',
      'responsibility_letter.sign',
    ]);
    const audits = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, id)));
    expect(audits.map((a) => a.action).sort()).toEqual(
      ['responsibility_letter.create', 'responsibility_letter.issue', 'responsibility_letter.sign'].sort(),
    );
  });

  it('is passed on by the street to a community and an enterprise, inheriting the assessment link', async () => {
    const recipients = (await as.streetA!.get('/api/responsibility-letter-recipients')).json();
    expect(recipients.enterprises).toBe(true);
    expect(recipients.areas).toContainEqual({ code: community.code, name: '甲社区', kind: 'community' });
    const base = {
      year: 2026,
      title: '2026年度安全生产目标责任书（社区）',
      parentId: id,
      targets: [{ text: '死亡人数为零', indicatorKey: 'deaths' }],
    };
    const toCommunity = await as.streetA!.post('/api/responsibility-letters', {
      ...base,
      recipientKind: 'community',
      recipientAreaCode: community.code,
    });
    expect(toCommunity.statusCode, toCommunity.body).toBe(200);
    expect(toCommunity.json()).toMatchObject({ schemeId, parentId: id });
    const cid = toCommunity.json().id;
    await act(as.streetA!, cid, { action: 'issue' });
    expect((await act(as.streetA!, cid, { action: 'sign', signerName: '社区主任王五' })).json().status).toBe('signed');
    const toEnt = await as.streetA!.post('/api/responsibility-letters', {
      ...base,
      recipientKind: 'enterprise',
      recipientEnterpriseId: ent.id,
    });
    const eid = toEnt.json().id;
    await act(as.streetA!, eid, { action: 'issue' });
    expect((await act(as.streetA!, eid, { action: 'sign', signerName: '赵六' })).statusCode).toBe(403);
    const mine = (await as.principal!.get('/api/responsibility-letters?side=mine')).json();
    expect(mine.items.map((i: { id: string }) => i.id)).toEqual([eid]);
    // Issuing told the recipient: the enterprise's principal, with a link to sign (once, however often delivered).
    const [issued] = await t.database.db
      .select({ id: domainEvents.id })
      .from(domainEvents)
      .where(and(eq(domainEvents.entityId, eid), eq(domainEvents.type, 'responsibility_letter.issue')));
    expect(await consumeEvent(t.database, notificationsConsumer, issued!.id)).toBe(true);
    expect(await consumeEvent(t.database, notificationsConsumer, issued!.id)).toBe(false);
    const notices = await t.database.db.select().from(notifications).where(eq(notifications.entityId, eid));
    expect(notices.map((n) => [n.userId, n.link, n.kind])).toEqual([
      [userIds.principal, `/responsibility-letters/${eid}`, 'awaiting_action'],
    ]);
    expect(notices[0]!.titleZh).toContain('目标责任书待签订');
    expect((await act(as.principal!, eid, { action: 'sign', signerName: '赵六' })).json()).toMatchObject({ status: 'signed' });
    expect((await as.principal!.get(`/api/responsibility-letters/${id}`)).statusCode).toBe(404);
    const parent = (await as.district!.get(`/api/responsibility-letters/${id}`)).json();
    expect(parent.children.map((c: { status: string }) => c.status)).toEqual(['signed', 'signed']);
  });
});

describe("an enterprise's whole-staff responsibility list", () => {
  it('adds posts, refuses a duplicate, signs the post letter, and is read in scope only', async () => {
    const url = `/api/enterprises/${ent.id}/responsibility-posts`;
    const res = await as.principal!.post(url, { post: '安全员', holderName: '钱七', duties: ['每日巡查', '隐患上报'] });
    expect(res.statusCode, res.body).toBe(200);
    const post = res.json();
    expect((await as.principal!.post(url, { post: '安全员', duties: ['x'] })).statusCode).toBe(409);
    const stale = await as.principal!.post(`/api/responsibility-posts/${post.id}/sign`, {
      version: 9,
      signerName: '钱七',
      signedOn: '2026-01-05',
    });
    expect(stale.statusCode).toBe(409);
    const signed = await as.principal!.post(`/api/responsibility-posts/${post.id}/sign`, {
      version: post.version,
      signerName: '钱七',
      signedOn: '2026-01-05',
    });
    expect(signed.json()).toMatchObject({ letterYear: 2026, letterSigner: '钱七', version: post.version + 1 });
    const list = (await as.streetA!.get(url)).json();
    expect(list).toMatchObject({ total: 1, canAdd: false });
    expect(list.posts[0].abilities).toEqual([]);
    expect((await as.streetB!.get(url)).statusCode).toBe(404);
    expect((await as.streetA!.post(url, { post: '电工', duties: ['x'] })).statusCode).toBe(403);
  });
});
