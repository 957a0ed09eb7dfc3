// 值班 and 接警 through the API: overlapping shifts of one post refused (bilingual, nothing written), adjacent and other
// posts accepted, 409 on a stale shift; a call taken by a street's duty officer notifies the district's leader on duty
// (an inbox row), records received → notified, and — for a production-safety accident — the accidents consumer opens
// the accident record (with the county tier's receipt at the time received) and the emergency consumer links it back;
// the leader acknowledges (409 when stale); another street gets 404; a refused intake writes nothing. An enterprise's
// 快报 takes the same path (leader and duty officer told, accident opened with the clock at the report's arrival, teams
// called out by kind and distance, a team's acknowledgement in the timeline), for itself only; 交接班 to the next
// shift lists the open incidents and is refused to anyone not on the outgoing (or, to acknowledge, incoming) shift.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import type { Role } from '@anjian/contracts';
import { buildTestApp, loginAs, type Client, type TestApp } from '../../../test/app';
import { buildCommunity, buildDistrict, buildEnterprise, buildOrg, buildStreet, buildUser } from '../../seed/factories';
import { rowsOf } from '../../platform/db';
import { consumeEvent } from '../../platform/queue';
import { accidentReports, accidents, domainEvents, emergencyIncidentNotices, notifications } from '../../db/schema';
import { accidentsConsumer } from '../accidents/accidents.consumer';
import { emergencyConsumer } from './emergency.consumer';

let t: TestApp;
const as: Record<string, Client> = {};
const ids: Record<string, string> = {};
let district = '';
let streetA = '';
let streetB = '';

beforeAll(async () => {
  t = await buildTestApp();
  const db = t.database.db;
  const d = await buildDistrict(db, '值班测试区');
  const a = await buildStreet(db, { district: d, name: '甲街道' });
  const b = await buildStreet(db, { district: d, name: '乙街道' });
  district = d.code;
  streetA = a.code;
  streetB = b.code;
  const login = async (key: string, role: Role, area: typeof d, kind?: 'street_office') => {
    const u = await buildUser(db, { role, org: await buildOrg(db, { area, kind }), displayName: key });
    ids[key] = u.id;
    as[key] = await loginAs(t.app, u.username, u.password);
  };
  await login('keeper', 'district_officer', d);
  await login('leader', 'district_leader', d);
  await login('leader2', 'district_leader', d);
  await login('streetA', 'street_officer', a, 'street_office');
  await login('streetB', 'street_officer', b, 'street_office');
  await login('grid', 'grid_inspector', a, 'street_office');
  await login('rescuer', 'district_officer', d);
  const ent1 = await buildEnterprise(db, {
    area: await buildCommunity(db, { street: a }),
    name: '甲五金厂',
    longitude: 114.25,
    latitude: 22.72,
  });
  const ent2 = await buildEnterprise(db, { area: await buildCommunity(db, { street: b }), name: '乙机械厂' });
  ids.ent1 = ent1.id;
  ids.ent2 = ent2.id;
  for (const [key, enterpriseId] of [
    ['boss1', ent1.id],
    ['boss2', ent2.id],
  ] as const) {
    const u = await buildUser(db, { role: 'enterprise_safety_manager', enterpriseId, displayName: key });
    as[key] = await loginAs(t.app, u.username, u.password);
  }
});
afterAll(() => t.close());

const count = async (table: string) =>
  rowsOf<{ n: number }>(await t.database.db.execute(sql.raw(`select count(*)::int as n from ${table}`)))[0]!.n;

const shift = (o: Record<string, unknown> = {}) => ({
  post: '区应急值班室',
  areaCode: district,
  startsAt: '2026-11-30T00:00:00Z',
  endsAt: '2026-11-30T08:00:00Z',
  officerId: ids.keeper,
  leaderId: ids.leader,
  ...o,
});

describe('duty roster', () => {
  it('refuses a shift overlapping another of the same post and writes nothing; adjacent and other posts are fine', async () => {
    const first = await as.keeper!.post('/api/emergency/duty/shifts', shift());
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({ officerName: 'keeper', leaderName: 'leader', version: 1 });
    const before = await count('duty_shifts');
    const overlap = await as.keeper!.post(
      '/api/emergency/duty/shifts',
      shift({ startsAt: '2026-11-30T06:00:00Z', endsAt: '2026-11-30T14:00:00Z' }),
    );
    expect(overlap.statusCode).toBe(400);
    expect(overlap.json().error.details[0]).toMatchObject({
      field: 'startsAt',
      message: '与该岗位已有班次（2026-11-30 08:00—2026-11-30 16:00）时间重叠',
    });
    const en = await as.keeper!.request({
      method: 'POST',
      url: '/api/emergency/duty/shifts',
      payload: shift({ startsAt: '2026-11-29T23:00:00Z', endsAt: '2026-11-30T01:00:00Z' }),
      headers: { 'accept-language': 'en' },
    });
    expect(en.statusCode).toBe(400);
    expect(en.json().error.details[0].message).toMatch(/^Overlaps another shift/);
    expect(await count('duty_shifts')).toBe(before);
    const adjacent = await as.keeper!.post(
      '/api/emergency/duty/shifts',
      shift({ startsAt: '2026-11-30T08:00:00Z', endsAt: '2026-11-30T16:00:00Z' }),
    );
    expect(adjacent.statusCode).toBe(200);
    const otherPost = await as.keeper!.post(
      '/api/emergency/duty/shifts',
      shift({ post: '防汛值班室', startsAt: '2026-11-30T06:00:00Z', endsAt: '2026-11-30T14:00:00Z' }),
    );
    expect(otherPost.statusCode).toBe(200);
    // Moving the adjacent shift back onto the first is refused too; a stale version is 409 with the current shift.
    const id = adjacent.json().id;
    const move = await as.keeper!.patch(`/api/emergency/duty/shifts/${id}`, { version: 1, startsAt: '2026-11-30T07:00:00Z' });
    expect(move.statusCode).toBe(400);
    const ok = await as.keeper!.patch(`/api/emergency/duty/shifts/${id}`, { version: 1, leaderId: ids.leader2 });
    expect(ok.json()).toMatchObject({ version: 2, leaderName: 'leader2' });
    const stale = await as.keeper!.patch(`/api/emergency/duty/shifts/${id}`, { version: 1, notes: 'x' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().current).toMatchObject({ id, version: 2 });
  });

  it('refuses a leader or officer who is not staff of the area (grid inspector cannot take calls)', async () => {
    const res = await as.keeper!.post('/api/emergency/duty/shifts', shift({ post: '测试岗', officerId: ids.grid }));
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0].field).toBe('officerId');
  });
});

describe('incident intake', () => {
  const call = (o: Record<string, unknown> = {}) => ({
    receivedAt: new Date(Date.now() - 60_000).toISOString(),
    occurredAt: new Date(Date.now() - 20 * 60_000).toISOString(),
    callerName: '王先生',
    callerPhone: '13912345678',
    kind: 'production_safety',
    areaCode: streetA,
    address: '甲街道工业路8号某五金厂',
    lng: 114.25,
    lat: 22.72,
    unitName: '某五金厂',
    deaths: 1,
    missing: 0,
    injured: 2,
    description: '车间冲压机伤人',
    accidentTypeCode: 'P01',
    ...o,
  });

  it('notifies the leader on duty, records the timeline, opens and links the accident record; the leader acknowledges', async () => {
    const now = Date.now();
    const on = await as.keeper!.post(
      '/api/emergency/duty/shifts',
      shift({ post: '区总值班', startsAt: new Date(now - 3_600_000).toISOString(), endsAt: new Date(now + 7 * 3_600_000).toISOString() }),
    );
    expect(on.statusCode, on.body).toBe(200);
    expect((await as.streetA!.get('/api/emergency/duty/now')).json().shift).toMatchObject({ leaderName: 'leader' });
    const res = await as.streetA!.post('/api/emergency/incidents', call());
    expect(res.statusCode, res.body).toBe(200);
    const incident = res.json();
    expect(incident).toMatchObject({ status: 'received', leaderName: 'leader', callerPhone: '13912345678', accidentId: null });
    expect(incident.timeline.map((x: { kind: string }) => x.kind)).toEqual(['received', 'notified']);
    // The leader's inbox has it.
    const inbox = await t.database.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, ids.leader!), eq(notifications.entityId, incident.id)));
    expect(inbox).toHaveLength(1);
    expect(inbox[0]).toMatchObject({ entityType: 'incident', link: `/emergency/incidents/${incident.id}` });
    const leaderInbox = (await as.leader!.get('/api/notifications')).json();
    expect(leaderInbox.items.some((n: { entityId: string }) => n.entityId === incident.id)).toBe(true);
    // The accidents consumer opens the accident record from the event; the emergency consumer links it back.
    const [event] = await t.database.db
      .select()
      .from(domainEvents)
      .where(and(eq(domainEvents.type, 'incident.record'), eq(domainEvents.entityId, incident.id)));
    expect(await consumeEvent(t.database, accidentsConsumer, event!.id)).toBe(true);
    expect(await consumeEvent(t.database, accidentsConsumer, event!.id)).toBe(false);
    const opened = await t.database.db.select().from(accidents).where(eq(accidents.areaCode, streetA));
    expect(opened).toHaveLength(1);
    expect(opened[0]).toMatchObject({ deaths: 1, seriousInjuries: 2, typeCode: 'P01', category: 'industry_mining_commerce' });
    const [receipt] = await t.database.db.select().from(accidentReports).where(eq(accidentReports.accidentId, opened[0]!.id));
    expect(receipt).toMatchObject({ tier: 'county' });
    expect(receipt!.receivedAt.toISOString()).toBe(new Date(incident.receivedAt).toISOString());
    const [registered] = await t.database.db
      .select()
      .from(domainEvents)
      .where(and(eq(domainEvents.type, 'accident.register'), eq(domainEvents.entityId, opened[0]!.id)));
    expect(registered!.payload).toMatchObject({ incidentId: incident.id });
    await consumeEvent(t.database, emergencyConsumer, registered!.id);
    const linked = (await as.leader!.get(`/api/emergency/incidents/${incident.id}`)).json();
    expect(linked).toMatchObject({ accidentId: opened[0]!.id, abilities: ['acknowledge', 'close'] });
    expect(linked.timeline.map((x: { kind: string }) => x.kind)).toEqual(['received', 'notified', 'accident_opened']);
    // Another street never sees it.
    expect((await as.streetB!.get(`/api/emergency/incidents/${incident.id}`)).statusCode).toBe(404);
    expect((await as.streetB!.post(`/api/emergency/incidents/${incident.id}/act`, { action: 'acknowledge', version: 1 })).statusCode).toBe(
      404,
    );
    // The leader acknowledges; a stale second click is 409 with the current incident.
    const ack = await as.leader!.post(`/api/emergency/incidents/${incident.id}/act`, { action: 'acknowledge', version: linked.version });
    expect(ack.statusCode, ack.body).toBe(200);
    expect(ack.json()).toMatchObject({ status: 'acknowledged', version: linked.version + 1 });
    expect(ack.json().timeline.at(-1)).toMatchObject({ kind: 'acknowledged', userName: 'leader' });
    const stale = await as.leader!.post(`/api/emergency/incidents/${incident.id}/act`, { action: 'close', version: linked.version });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().current).toMatchObject({ status: 'acknowledged' });
  });

  it('a call that is not a production-safety accident opens no accident record', async () => {
    const res = await as.streetA!.post('/api/emergency/incidents', call({ kind: 'fire', accidentTypeCode: undefined }));
    expect(res.statusCode).toBe(200);
    const [event] = await t.database.db
      .select()
      .from(domainEvents)
      .where(and(eq(domainEvents.type, 'incident.record'), eq(domainEvents.entityId, res.json().id)));
    const before = await count('accidents');
    await consumeEvent(t.database, accidentsConsumer, event!.id);
    expect(await count('accidents')).toBe(before);
  });

  it('refuses bilingually and writes nothing: no accident type, a future time, another street', async () => {
    const before = [await count('emergency_incidents'), await count('notifications'), await count('domain_events')];
    const noType = await as.streetA!.post('/api/emergency/incidents', call({ accidentTypeCode: undefined }));
    expect(noType.statusCode).toBe(400);
    expect(noType.json().error.details[0]).toMatchObject({ field: 'accidentTypeCode', message: '生产安全事故须选择事故类别' });
    const en = await as.streetA!.request({
      method: 'POST',
      url: '/api/emergency/incidents',
      payload: call({ receivedAt: new Date(Date.now() + 3_600_000).toISOString() }),
      headers: { 'accept-language': 'en' },
    });
    expect(en.statusCode).toBe(400);
    expect(en.json().error.details.map((d: { message: string }) => d.message)).toContain('The time received is in the future');
    const foreign = await as.streetA!.post('/api/emergency/incidents', call({ areaCode: streetB }));
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().error.details[0].field).toBe('areaCode');
    const badType = await as.streetA!.post('/api/emergency/incidents', call({ accidentTypeCode: 'Z9' }));
    expect(badType.statusCode).toBe(400);
    expect(badType.json().error.details[0].field).toBe('accidentTypeCode');
    expect([await count('emergency_incidents'), await count('notifications'), await count('domain_events')]).toEqual(before);
  });

  it('records that no leader was on duty when the roster is empty for that time', async () => {
    const res = await as.streetA!.post(
      '/api/emergency/incidents',
      call({ kind: 'other', receivedAt: '2026-01-05T03:00:00Z', occurredAt: undefined }),
    );
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ leaderId: null });
    expect(res.json().timeline.map((x: { kind: string }) => x.kind)).toEqual(['received', 'no_leader_on_duty']);
  });
});

describe('快报, team call-outs and 交接班', () => {
  const hour = 3_600_000;
  let flashId = '';
  const flash = (o: Record<string, unknown> = {}) => ({
    occurredAt: new Date(Date.now() - 10 * 60_000).toISOString(),
    kind: 'production_safety',
    accidentTypeCode: 'P01',
    address: '甲五金厂冲压车间',
    lng: 114.25,
    lat: 22.72,
    deaths: 0,
    injured: 1,
    missing: 0,
    description: '冲压机夹伤一人',
    ...o,
  });

  it('an enterprise 快报 reaches the duty desk like a call: leader and officer told, teams called out, accident clock started', async () => {
    const now = Date.now();
    const street = await as.keeper!.post(
      '/api/emergency/duty/shifts',
      shift({
        post: '甲街道值班',
        areaCode: streetA,
        officerId: ids.streetA,
        leaderId: ids.leader2,
        startsAt: new Date(now - hour).toISOString(),
        endsAt: new Date(now + hour).toISOString(),
      }),
    );
    expect(street.statusCode, street.body).toBe(200);
    const team = (o: Record<string, unknown>) =>
      as.keeper!.post('/api/emergency/resources', { kind: 'team', areaCode: streetA, teamType: 'general', ...o });
    const bad = await team({ name: '坏账号队', lng: 114.26, lat: 22.73, contactUserId: '00000000-0000-4000-8000-000000000000' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0].field).toBe('contactUserId');
    expect((await team({ name: '甲街道综合救援队', lng: 114.26, lat: 22.73, contactUserId: ids.rescuer })).statusCode).toBe(200);
    expect((await team({ name: '远处综合救援队', lng: 114.6, lat: 22.9, contactUserId: ids.keeper })).statusCode).toBe(200);
    expect((await team({ name: '甲街道医疗队', lng: 114.25, lat: 22.71, teamType: 'medical' })).statusCode).toBe(200);

    const res = await as.boss1!.post('/api/emergency/flash-reports', flash());
    expect(res.statusCode, res.body).toBe(200);
    const report = res.json();
    flashId = report.id;
    expect(report).toMatchObject({
      source: 'enterprise',
      enterpriseId: ids.ent1,
      unitName: '甲五金厂',
      leaderName: 'leader2',
      status: 'received',
    });
    expect(report.timeline.map((x: { kind: string }) => x.kind)).toEqual([
      'reported',
      'notified',
      'notified',
      'team_notified',
      'team_unreachable',
    ]);
    expect(report.timeline[3]).toMatchObject({ userName: 'rescuer' });
    expect(report.timeline[3].note).toContain('甲街道综合救援队');
    for (const who of ['leader2', 'streetA', 'rescuer']) {
      const rows = await t.database.db.select().from(notifications).where(eq(notifications.userId, ids[who]!));
      expect(
        rows.some((n) => n.titleZh.includes('甲五金厂冲压车间')),
        who,
      ).toBe(true);
    }
    // The duty officer sees it among the incidents.
    const list = (await as.streetA!.get('/api/emergency/incidents')).json();
    expect(list.items.some((i: { id: string; source: string }) => i.id === flashId && i.source === 'enterprise')).toBe(true);
    // The accidents consumer opens the record from the same event; the county's receipt is the report's arrival.
    const [event] = await t.database.db
      .select()
      .from(domainEvents)
      .where(and(eq(domainEvents.type, 'incident.report'), eq(domainEvents.entityId, flashId)));
    expect(await consumeEvent(t.database, accidentsConsumer, event!.id)).toBe(true);
    const [opened] = await t.database.db.select().from(accidents).where(eq(accidents.enterpriseId, ids.ent1!));
    expect(opened).toMatchObject({ seriousInjuries: 1, typeCode: 'P01' });
    const [receipt] = await t.database.db.select().from(accidentReports).where(eq(accidentReports.accidentId, opened!.id));
    expect(receipt!.receivedAt.toISOString()).toBe(report.receivedAt);
    // The enterprise reads its own 快报 and its state.
    const mine = (await as.boss1!.get('/api/emergency/flash-reports')).json();
    expect(mine.items.map((i: { id: string }) => i.id)).toEqual([flashId]);
    expect((await as.boss1!.get(`/api/emergency/flash-reports/${flashId}`)).json()).toMatchObject({ status: 'received', abilities: [] });
  });

  it('the called-out team acknowledges its own call-out once; the timeline records it; nobody else reads it', async () => {
    const [notice] = await t.database.db.select().from(emergencyIncidentNotices).where(eq(emergencyIncidentNotices.userId, ids.rescuer!));
    expect((await as.boss1!.get(`/api/emergency/incident-notices/${notice!.id}`)).statusCode).toBe(404);
    expect((await as.keeper!.post(`/api/emergency/incident-notices/${notice!.id}/acknowledge`)).statusCode).toBe(404);
    const seen = await as.rescuer!.get(`/api/emergency/incident-notices/${notice!.id}`);
    expect(seen.json()).toMatchObject({ teamName: '甲街道综合救援队', teamType: 'general', acknowledgedAt: null });
    const ack = await as.rescuer!.post(`/api/emergency/incident-notices/${notice!.id}/acknowledge`);
    expect(ack.statusCode, ack.body).toBe(200);
    expect(ack.json().acknowledgedAt).not.toBeNull();
    expect((await as.rescuer!.post(`/api/emergency/incident-notices/${notice!.id}/acknowledge`)).json().acknowledgedAt).toBe(
      ack.json().acknowledgedAt,
    );
    const detail = (await as.leader2!.get(`/api/emergency/incidents/${flashId}`)).json();
    expect(detail.timeline.filter((x: { kind: string }) => x.kind === 'team_acknowledged')).toEqual([
      expect.objectContaining({ userName: 'rescuer', note: '甲街道综合救援队' }),
    ]);
  });

  it('an enterprise reports for itself only and never reads another’s 快报', async () => {
    const before = await count('emergency_incidents');
    const forOther = await as.boss2!.post('/api/emergency/flash-reports', { ...flash(), enterpriseId: ids.ent1 });
    expect(forOther.statusCode).toBe(400);
    const elsewhere = await as.boss2!.post('/api/emergency/flash-reports', { ...flash(), areaCode: streetA });
    expect(elsewhere.statusCode).toBe(400);
    const future = await as.boss2!.post('/api/emergency/flash-reports', flash({ occurredAt: new Date(Date.now() + hour).toISOString() }));
    expect(future.json().error.details[0]).toMatchObject({ field: 'occurredAt', message: '发生时间不能晚于接警时间' });
    expect(await count('emergency_incidents')).toBe(before);
    expect((await as.boss2!.get(`/api/emergency/flash-reports/${flashId}`)).statusCode).toBe(404);
    expect((await as.boss2!.get('/api/emergency/flash-reports')).json().total).toBe(0);
    expect((await as.boss1!.get('/api/emergency/incidents')).statusCode).toBe(403);
    expect((await as.streetB!.get(`/api/emergency/incidents/${flashId}`)).statusCode).toBe(404);
  });

  it('交接班: only the outgoing shift hands over, to the next shift, once; only the incoming acknowledges', async () => {
    const now = Date.now();
    const post = (o: Record<string, unknown>) => as.keeper!.post('/api/emergency/duty/shifts', shift({ post: '交接测试岗', ...o }));
    const out = (await post({ startsAt: new Date(now - 2 * hour).toISOString(), endsAt: new Date(now + hour).toISOString() })).json();
    const inc = (
      await post({
        officerId: ids.streetA,
        leaderId: ids.leader2,
        startsAt: new Date(now + hour).toISOString(),
        endsAt: new Date(now + 9 * hour).toISOString(),
      })
    ).json();
    const before = await count('duty_handovers');
    const stranger = await as.leader2!.post('/api/emergency/duty/handovers', { fromShiftId: out.id });
    expect(stranger.statusCode).toBe(400);
    expect(stranger.json().error.details[0]).toMatchObject({ field: 'fromShiftId', message: '只有本班值班人员或带班领导可以交班' });
    expect((await as.streetB!.post('/api/emergency/duty/handovers', { fromShiftId: out.id })).statusCode).toBe(404);
    const lonely = (
      await as.keeper!.post(
        '/api/emergency/duty/shifts',
        shift({ post: '孤岗', startsAt: new Date(now - hour).toISOString(), endsAt: new Date(now + hour).toISOString() }),
      )
    ).json();
    const noNext = await as.keeper!.post('/api/emergency/duty/handovers', { fromShiftId: lonely.id });
    expect(noNext.json().error.details[0].message).toBe('值班表中没有该岗位的下一班次');
    expect(await count('duty_handovers')).toBe(before);

    const res = await as.keeper!.post('/api/emergency/duty/handovers', { fromShiftId: out.id, notes: '甲五金厂伤员已送医' });
    expect(res.statusCode, res.body).toBe(200);
    const h = res.json();
    expect(h).toMatchObject({ toShiftId: inc.id, post: '交接测试岗', handedByName: 'keeper', incomingName: 'streetA', abilities: [] });
    expect(h.openIncidents.map((i: { id: string }) => i.id)).toContain(flashId);
    expect(h.openIncidents.every((i: { status: string }) => i.status !== 'closed')).toBe(true);
    expect((await as.keeper!.post('/api/emergency/duty/handovers', { fromShiftId: out.id })).statusCode).toBe(400);
    const inbox = await t.database.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, ids.streetA!), eq(notifications.entityId, h.id)));
    expect(inbox).toHaveLength(1);

    expect((await as.keeper!.post(`/api/emergency/duty/handovers/${h.id}/acknowledge`, { version: 1 })).statusCode).toBe(400);
    const listed = (await as.streetA!.get('/api/emergency/duty/handovers')).json().items.find((x: { id: string }) => x.id === h.id);
    expect(listed.abilities).toEqual(['acknowledge']);
    const ack = await as.streetA!.post(`/api/emergency/duty/handovers/${h.id}/acknowledge`, { version: 1 });
    expect(ack.statusCode, ack.body).toBe(200);
    expect(ack.json()).toMatchObject({ acknowledgedByName: 'streetA', version: 2, abilities: [] });
    const stale = await as.leader2!.post(`/api/emergency/duty/handovers/${h.id}/acknowledge`, { version: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().current).toMatchObject({ version: 2 });
  });
});
