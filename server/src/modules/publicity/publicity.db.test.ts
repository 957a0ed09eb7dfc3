// Publicity reach through the API on a real database: a street's "四个一" campaign targets its enterprises; a grid
// visit (grid_visit.record), a held training session (training_session.complete) and the enterprise's confirmation
// deliver items through the consumer and the commands; the coverage per street and sector (maintained on write)
// equals a recount of the targets; the unreached list shrinks; replayed events change nothing; 400s are bilingual and
// change nothing; out of scope is 404; a stale version is 409 with `current`; writes are audited.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '@anjian/contracts';
import { sql } from 'drizzle-orm';
import { buildTestApp, loginAs, type Client, type TestApp } from '../../../test/app';
import { buildCommunity, buildDistrict, buildEnterprise, buildOrg, buildStreet, buildUser } from '../../seed/factories';
import { rowsOf } from '../../platform/db';
import { cstDate } from '../../platform/time';
import { appendEvent } from '../../platform/outbox';
import { consumeEvent } from '../../platform/queue';
import { publicityConsumer } from './publicity.consumer';

let t: TestApp;
const as: Record<string, Client> = {};
const ents: Record<string, string> = {};
const areas: Record<string, string> = {};
const today = cstDate();
let campaignId = '';

beforeAll(async () => {
  t = await buildTestApp();
  const db = t.database.db;
  const district = await buildDistrict(db);
  const streetA = await buildStreet(db, { district });
  const streetB = await buildStreet(db, { district });
  const commA = await buildCommunity(db, { street: streetA });
  areas.streetA = streetA.code;
  ents.a1 = (await buildEnterprise(db, { area: commA, sector: 'hazardous_chemicals' })).id;
  ents.a2 = (await buildEnterprise(db, { area: commA, sector: 'machinery' })).id;
  ents.a3 = (await buildEnterprise(db, { area: commA, sector: 'machinery' })).id;
  ents.b = (await buildEnterprise(db, { area: await buildCommunity(db, { street: streetB }), sector: 'machinery' })).id;
  const login = async (key: string, role: Role, o: Record<string, unknown>) => {
    const u = await buildUser(db, { role, ...o } as Parameters<typeof buildUser>[1]);
    as[key] = await loginAs(t.app, u.username, u.password);
  };
  await login('entA1', 'enterprise_principal', { enterpriseId: ents.a1, org: null });
  await login('entB', 'enterprise_principal', { enterpriseId: ents.b, org: null });
  await login('district', 'district_officer', { org: await buildOrg(db, { area: district }) });
  await login('streetA', 'street_officer', { org: await buildOrg(db, { area: streetA, kind: 'street_office' }) });
  await login('streetB', 'street_officer', { org: await buildOrg(db, { area: streetB, kind: 'street_office' }) });
});
afterAll(() => t.close());

const one = async <T>(q: ReturnType<typeof sql>) => rowsOf<T>(await t.database.db.execute(q))[0]!;
const audits = async (action: string, id: string) =>
  (await one<{ n: number }>(sql`select count(*)::int as n from audit_log where action = ${action} and entity_id = ${id}`)).n;
const targetOf = async (c: Client, enterpriseId: string) => {
  const res = await c.get(`/api/publicity/targets?campaignId=${campaignId}&pageSize=50`);
  expect(res.statusCode, res.body).toBe(200);
  return (res.json().items as { id: string; enterpriseId: string; version: number; reached: boolean; abilities: string[] }[]).find(
    (x) => x.enterpriseId === enterpriseId,
  )!;
};
/** Coverage rows against a direct count of the targets per area code and sector: the aggregate must equal the recount. */
async function expectCoverageEqualsRecount() {
  const agg = rowsOf(
    await t.database.db.execute(sql`select area_code, sector, targets, reached from publicity_coverage
      where campaign_id = ${campaignId} and targets <> 0 order by 1, 2`),
  );
  const raw = rowsOf(
    await t.database.db.execute(sql`select area_code, sector, count(*)::int as targets, count(*) filter (where reached)::int as reached
      from publicity_targets where campaign_id = ${campaignId} group by 1, 2 order by 1, 2`),
  );
  expect(agg).toEqual(raw);
}

describe('publicity reach', () => {
  it('a street starts a 四个一 campaign: its three enterprises are targets, the other street’s is not', async () => {
    const res = await as.streetA!.post('/api/publicity/campaigns', {
      title: '落实企业安全生产主体责任宣传',
      kind: 'four_ones',
      areaCode: areas.streetA,
      startsOn: today,
      endsOn: today,
    });
    expect(res.statusCode, res.body).toBe(200);
    const c = res.json();
    campaignId = c.id;
    expect(c.items).toEqual(['poster', 'handbook', 'tip', 'lecture']);
    expect([c.targets, c.reached, c.rate]).toEqual([3, 0, 0]);
    expect(await audits('publicity_campaign.create', c.id)).toBe(1);
    await expectCoverageEqualsRecount();
    // The campaign runs today and has a tip: the enterprise's own account finds it in its inbox, the other street's not.
    expect(await tipNotices(ents.a1!)).toBe(1);
    expect(await tipNotices(ents.b!)).toBe(0);
    // The other street neither sees the campaign nor its coverage.
    expect((await as.streetB!.get(`/api/publicity/campaigns/${c.id}`)).statusCode).toBe(404);
    expect((await as.streetB!.get(`/api/publicity/campaigns/${c.id}/unreached`)).statusCode).toBe(404);
    expect((await as.streetB!.post('/api/publicity/campaigns', { ...campaignBody(), areaCode: areas.streetA })).statusCode).toBe(400);
  });

  it('a grid visit, the enterprise’s confirmation and a held lecture reach an enterprise; replays add nothing', async () => {
    const scope = { id: '00000000-0000-4000-8000-0000000000b1', areaCode: 'x', enterpriseId: ents.a1 };
    const e = await one<{ area_code: string; sector: string }>(sql`select area_code, sector from enterprises where id = ${ents.a1}`);
    const visit = await appendEvent(t.database.db, 'grid_visit.record', 'grid_visit', { ...scope, areaCode: e.area_code }, null, {});
    expect(await consumeEvent(t.database, publicityConsumer, visit)).toBe(true);
    let tg = await targetOf(as.entA1!, ents.a1!);
    expect(tg.abilities).toEqual(['confirm']);

    // The enterprise confirms receipt of the tip on its phone; a stale version is 409 with the current record.
    const stale = await as.entA1!.post(`/api/publicity/targets/${tg.id}/confirm`, { version: tg.version - 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().current.id).toBe(tg.id);
    const ok = await as.entA1!.post(`/api/publicity/targets/${tg.id}/confirm`, { version: tg.version });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(
      ok
        .json()
        .delivered.map((d: { item: string; channel: string }) => `${d.item}:${d.channel}`)
        .sort(),
    ).toEqual(['handbook:visit', 'poster:visit', 'tip:confirm']);
    expect(await audits('publicity_target.confirm', tg.id)).toBe(1);

    // A session held today for the enterprise itself was its lecture.
    const lecture = await appendEvent(
      t.database.db,
      'training_session.complete',
      'training_session',
      { id: '00000000-0000-4000-8000-0000000000c1', areaCode: e.area_code, enterpriseId: ents.a1 },
      null,
      { date: today, personIds: [] },
    );
    expect(await consumeEvent(t.database, publicityConsumer, lecture)).toBe(true);
    tg = await targetOf(as.entA1!, ents.a1!);
    expect(tg.reached).toBe(true);
    // The same events once more (at-least-once delivery): the handler runs again and nothing changes.
    const before = tg.version;
    for (const id of [visit, lecture]) {
      await t.database.db.transaction(async (tx) => {
        const [ev] = rowsOf<Record<string, unknown>>(await tx.execute(sql`select * from domain_events where id = ${id}`));
        await publicityConsumer.handle(tx, {
          ...(ev as object),
          entityId: ev!.entity_id,
          enterpriseId: ev!.enterprise_id,
          occurredAt: new Date(ev!.occurred_at as string),
        } as never);
      });
    }
    expect((await targetOf(as.entA1!, ents.a1!)).version).toBe(before);
    await expectCoverageEqualsRecount();
  });

  it('an officer records the rest by hand; coverage per street and sector and the unreached list follow', async () => {
    const tg = await targetOf(as.streetA!, ents.a2!);
    expect(tg.abilities).toEqual(['deliver']);
    // Bilingual 400 for an item the campaign does not have; nothing changes.
    const zh = await as.streetA!.post(`/api/publicity/targets/${tg.id}/deliveries`, { version: tg.version, items: ['film'] });
    expect(zh.statusCode).toBe(400);
    expect(zh.json().error.details[0].message).toMatch(/[\u4e00-\u9fff]/);
    const en = await as.streetA!.request({
      method: 'POST',
      url: `/api/publicity/targets/${tg.id}/deliveries`,
      payload: { version: tg.version, items: ['film'] },
      headers: { 'accept-language': 'en' },
    });
    expect(en.json().error.details[0].message).toMatch(/^[\x20-\x7e’]+$/);
    expect((await targetOf(as.streetA!, ents.a2!)).version).toBe(tg.version);
    // Out of scope: the other street's officer and another enterprise get 404.
    expect(
      (await as.streetB!.post(`/api/publicity/targets/${tg.id}/deliveries`, { version: tg.version, items: ['poster'] })).statusCode,
    ).toBe(404);
    expect((await as.entB!.post(`/api/publicity/targets/${tg.id}/confirm`, { version: tg.version })).statusCode).toBe(404);

    const res = await as.streetA!.post(`/api/publicity/targets/${tg.id}/deliveries`, {
      version: tg.version,
      items: ['poster', 'handbook', 'tip', 'lecture'],
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().reached).toBe(true);
    expect(await audits('publicity_target.deliver', tg.id)).toBe(1);
    await expectCoverageEqualsRecount();

    const bySector = (await as.streetA!.get(`/api/publicity/campaigns/${campaignId}/coverage?by=sector`)).json();
    expect(bySector.items).toEqual([
      { key: 'hazardous_chemicals', name: null, targets: 1, reached: 1, rate: 1 },
      { key: 'machinery', name: null, targets: 2, reached: 1, rate: 0.5 },
    ]);
    const byStreet = (await as.district!.get(`/api/publicity/campaigns/${campaignId}/coverage`)).json();
    expect(byStreet.items).toEqual([{ key: areas.streetA, name: expect.any(String), targets: 3, reached: 2, rate: 0.6667 }]);
    const unreached = (await as.streetA!.get(`/api/publicity/campaigns/${campaignId}/unreached`)).json();
    expect(unreached.total).toBe(1);
    expect(unreached.items[0].enterpriseId).toBe(ents.a3);
  });

  it('an enterprise that moves street takes its target and its coverage with it', async () => {
    const to = await one<{ area_code: string }>(sql`select area_code from enterprises where id = ${ents.b}`);
    await t.database.db.execute(sql`update enterprises set area_code = ${to.area_code} where id = ${ents.a2}`);
    const ev = await appendEvent(t.database.db, 'enterprise.update', 'enterprise', { id: ents.a2!, areaCode: to.area_code }, null, {
      changed: ['areaCode'],
    });
    expect(await consumeEvent(t.database, publicityConsumer, ev)).toBe(true);
    await expectCoverageEqualsRecount();
    const byStreet = (await as.district!.get(`/api/publicity/campaigns/${campaignId}/coverage`)).json();
    expect(byStreet.items.map((r: { targets: number; reached: number }) => [r.targets, r.reached])).toEqual([
      [2, 1],
      [1, 1],
    ]);
  });
});

describe('enterprises joining running campaigns', () => {
  it('an enterprise registered after the start becomes a target, gets the tip in its inbox and confirms from there', async () => {
    const db = t.database.db;
    const area = await one<{ area_code: string }>(sql`select area_code from enterprises where id = ${ents.a3}`);
    const late = await buildEnterprise(db, { area: { code: area.area_code, name: '测试社区' } as never, sector: 'machinery' });
    const u = await buildUser(db, { role: 'enterprise_safety_manager', enterpriseId: late.id, org: null } as never);
    const c = await loginAs(t.app, u.username, u.password);
    const ev = await appendEvent(db, 'enterprise.create', 'enterprise', { id: late.id, areaCode: area.area_code }, null, {});
    expect(await consumeEvent(t.database, publicityConsumer, ev)).toBe(true);
    await expectCoverageEqualsRecount();
    expect((await as.streetA!.get(`/api/publicity/campaigns/${campaignId}`)).json().targets).toBe(3);
    // The inbox notice points at the target; confirming it there records the tip, by the enterprise (channel confirm).
    const inbox = (await c.get('/api/notifications')).json().items as { link: string; entityId: string }[];
    const notice = inbox.find((n) => n.link?.startsWith('/publicity-receipts'))!;
    expect(notice.link).toBe(`/publicity-receipts?target=${notice.entityId}`);
    const tg = await targetOf(c, late.id);
    expect(tg.id).toBe(notice.entityId);
    const ok = await c.post(`/api/publicity/targets/${tg.id}/confirm`, { version: tg.version });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().delivered).toEqual([expect.objectContaining({ item: 'tip', channel: 'confirm' })]);
    // Replayed: no second target, no second notice, coverage unchanged.
    await db.transaction((tx) =>
      publicityConsumer.handle(tx, { type: 'enterprise.create', entityId: late.id, occurredAt: new Date() } as never),
    );
    await expectCoverageEqualsRecount();
    expect(await tipNotices(late.id)).toBe(1);
  });

  it('an enterprise moving into the campaign’s street joins it; one moving out keeps its target', async () => {
    const db = t.database.db;
    const area = await one<{ area_code: string }>(sql`select area_code from enterprises where id = ${ents.a3}`);
    await db.execute(sql`update enterprises set area_code = ${area.area_code} where id = ${ents.b}`);
    const ev = await appendEvent(db, 'enterprise.update', 'enterprise', { id: ents.b!, areaCode: area.area_code }, null, {
      changed: ['areaCode'],
    });
    expect(await consumeEvent(t.database, publicityConsumer, ev)).toBe(true);
    await expectCoverageEqualsRecount();
    expect((await targetOf(as.entB!, ents.b!)).reached).toBe(false);
    expect(await tipNotices(ents.b!)).toBe(1);
  });
});

async function tipNotices(enterpriseId: string) {
  return (
    await one<{ n: number }>(sql`select count(*)::int as n from notifications n join users u on u.id = n.user_id
      where u.enterprise_id = ${enterpriseId} and n.dedupe_key like 'publicity_tip:%'`)
  ).n;
}

function campaignBody() {
  return { title: '季度主题宣传', kind: 'quarterly_theme', startsOn: today, endsOn: today };
}
