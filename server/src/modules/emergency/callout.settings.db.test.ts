// 出动队伍配置 through the API on a real database: the table starts as the documented defaults of callout.settings.ts;
// a save by the district bureau or the administrator (versioned, a stale version 409, audited with before and after)
// changes which teams the next incident calls out while an incident already opened keeps its call-outs; bad tables
// (a kind left out, an unknown or repeated team type, an empty list, unknown fields) are refused with the bilingual 400
// and change nothing; a stored row that no longer passes falls back to the defaults kind by kind.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { Role } from '@anjian/contracts';
import { buildTestApp, loginAs, type Client, type TestApp } from '../../../test/app';
import { buildDistrict, buildOrg, buildStreet, buildUser } from '../../seed/factories';
import { auditLog, emergencyIncidentNotices, emergencySettings } from '../../db/schema';
import { defaultTeamTypesForKind } from './callout.settings';

let t: TestApp;
const as: Record<string, Client> = {};
const ids: Record<string, string> = {};
let streetA = '';

beforeAll(async () => {
  t = await buildTestApp();
  const db = t.database.db;
  const d = await buildDistrict(db, '出动配置测试区');
  const a = await buildStreet(db, { district: d, name: '甲街道' });
  streetA = a.code;
  const login = async (key: string, role: Role, area: typeof d, kind?: 'street_office') => {
    const u = await buildUser(db, { role, org: await buildOrg(db, { area, kind }), displayName: key });
    ids[key] = u.id;
    as[key] = await loginAs(t.app, u.username, u.password);
  };
  await login('bureau', 'district_officer', d);
  await login('admin', 'sys_admin', d);
  await login('leader', 'district_leader', d);
  await login('street', 'street_officer', a, 'street_office');
  // One team of each type the test calls on, beside the incidents' place, each with its own account.
  for (const [teamType, name] of [
    ['fire_rescue', '甲街道消防救援队'],
    ['medical', '甲街道医疗队'],
    ['general', '甲街道综合救援队'],
    ['hazmat', '甲街道危化救援队'],
  ] as const) {
    await login(teamType, 'district_officer', d);
    const res = await as.bureau!.post('/api/emergency/resources', {
      kind: 'team',
      name,
      areaCode: streetA,
      teamType,
      lng: 114.26,
      lat: 22.73,
      contactUserId: ids[teamType],
    });
    expect(res.statusCode, res.body).toBe(200);
  }
});
afterAll(() => t.close());

const defaults = {
  production_safety: ['general', 'medical'],
  fire: ['fire_rescue'],
  natural_disaster: ['flood', 'general'],
  traffic: ['medical'],
  other: ['general'],
};
const url = '/api/emergency/callout-settings';
const put = (who: Client, payload: unknown, lang = 'zh-CN') =>
  who.request({ method: 'PUT', url, payload: payload as never, headers: { 'accept-language': lang } });
const calloutAudits = async () =>
  (await t.database.db.select().from(auditLog).where(eq(auditLog.action, 'emergency.callout.update'))).length;

/** A call taken by the street's duty officer; answers the team types called out for it. */
async function fireCall() {
  const res = await as.street!.post('/api/emergency/incidents', {
    receivedAt: new Date(Date.now() - 60_000).toISOString(),
    occurredAt: new Date(Date.now() - 10 * 60_000).toISOString(),
    kind: 'fire',
    areaCode: streetA,
    address: '甲街道工业路9号仓库',
    lng: 114.25,
    lat: 22.72,
    description: '仓库起火',
  });
  expect(res.statusCode, res.body).toBe(200);
  return { id: res.json().id as string, called: () => calledOut(res.json().id as string) };
}
async function calledOut(incidentId: string) {
  const rows = await t.database.db
    .select({ teamType: emergencyIncidentNotices.teamType, userId: emergencyIncidentNotices.userId })
    .from(emergencyIncidentNotices)
    .where(eq(emergencyIncidentNotices.incidentId, incidentId));
  return rows.map((r) => r.teamType).sort();
}

describe('出动队伍配置', () => {
  it('starts from the documented defaults, for the administrator and the district bureau only', async () => {
    expect(defaultTeamTypesForKind).toEqual(defaults);
    const res = await as.bureau!.get(url);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ teamTypes: defaults, version: 0, configured: false, updatedAt: null, updatedByName: null, defaults });
    expect((await as.admin!.get(url)).statusCode).toBe(200);
    for (const who of ['street', 'leader'] as const) {
      expect((await as[who]!.get(url)).statusCode, who).toBe(403);
      expect((await put(as[who]!, { teamTypes: defaults, version: 0 })).statusCode, who).toBe(403);
    }
    expect(await t.database.db.select().from(emergencySettings)).toEqual([]);
  });

  it('a saved table changes which teams the next incident calls out; the earlier incident keeps its own', async () => {
    const before = await fireCall();
    expect(await before.called()).toEqual(['fire_rescue']);

    const table = { ...defaults, fire: ['fire_rescue', 'medical', 'hazmat'] };
    const saved = await put(as.bureau!, { teamTypes: table, version: 0 });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({ teamTypes: table, version: 1, configured: true, updatedByName: 'bureau', defaults });
    expect((await as.admin!.get(url)).json()).toMatchObject({ teamTypes: table, version: 1 });
    const [audit] = await t.database.db.select().from(auditLog).where(eq(auditLog.action, 'emergency.callout.update'));
    expect(audit).toMatchObject({
      entityType: 'emergency_settings',
      entityId: 'team_callout',
      actorName: 'bureau',
      before: { teamTypes: defaults, version: 0, configured: false },
      after: { teamTypes: table, version: 1 },
    });

    const after = await fireCall();
    expect(await after.called()).toEqual(['fire_rescue', 'hazmat', 'medical']);
    const timeline = (await as.street!.get(`/api/emergency/incidents/${after.id}`)).json().timeline as { kind: string; note: string }[];
    expect(timeline.filter((x) => x.kind === 'team_notified').map((x) => x.note.split('（')[0])).toEqual([
      '甲街道消防救援队',
      '甲街道医疗队',
      '甲街道危化救援队',
    ]);
    expect(await before.called()).toEqual(['fire_rescue']);

    // A stale version is a 409 with the table in force; nothing changes.
    const stale = await put(as.admin!, { teamTypes: defaults, version: 0 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().current).toMatchObject({ teamTypes: table, version: 1 });
    expect(await calloutAudits()).toBe(1);

    // The administrator resets to the defaults (a save like any other: versioned and audited); fire calls one team again.
    const reset = await put(as.admin!, { teamTypes: defaults, version: 1 });
    expect(reset.statusCode, reset.body).toBe(200);
    expect(reset.json()).toMatchObject({ teamTypes: defaults, version: 2, configured: true, updatedByName: 'admin' });
    expect(await calloutAudits()).toBe(2);
    expect(await (await fireCall()).called()).toEqual(['fire_rescue']);
  });

  it('refuses a bad table with the bilingual 400 and changes nothing', async () => {
    const db = t.database.db;
    const rowsBefore = await db.select().from(emergencySettings);
    const auditsBefore = await calloutAudits();
    const version = (await as.bureau!.get(url)).json().version as number;

    const duplicate = { teamTypes: { ...defaults, fire: ['fire_rescue', 'fire_rescue'] }, version };
    const zh = await put(as.bureau!, duplicate);
    expect(zh.statusCode).toBe(400);
    expect(zh.json().error).toMatchObject({
      code: 'VALIDATION',
      details: [{ field: 'teamTypes.fire', message: '同一事件类别中的队伍类型不能重复' }],
    });
    const en = await put(as.bureau!, duplicate, 'en');
    expect(en.json().error.details).toEqual([{ field: 'teamTypes.fire', message: 'A team type is listed twice for one incident kind' }]);

    const empty = await put(as.bureau!, { teamTypes: { ...defaults, traffic: [] }, version }, 'en');
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.details).toEqual([
      { field: 'teamTypes.traffic', message: 'Choose at least one team type for each incident kind' },
    ]);

    const { other: _left, ...missingKind } = defaults;
    const missing = await put(as.bureau!, { teamTypes: missingKind, version });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.details).toEqual([{ field: 'teamTypes.other', message: '必填' }]);

    for (const bad of [
      { teamTypes: { ...defaults, fire: ['fire_brigade'] }, version },
      { teamTypes: { ...defaults, fire: 'fire_rescue' }, version },
      { teamTypes: { ...defaults, earthquake: ['general'] }, version },
      { teamTypes: defaults },
      { teamTypes: defaults, version: -1 },
      { teamTypes: defaults, version, extra: 1 },
      { teamTypes: { ...defaults, fire: Array(8).fill('general') }, version },
    ]) {
      const res = await put(as.bureau!, bad);
      expect(res.statusCode, JSON.stringify(bad)).toBe(400);
      expect(res.json().error.code).toBe('VALIDATION');
      expect(res.json().error.details.length, JSON.stringify(bad)).toBeGreaterThan(0);
    }
    const unknown = await put(as.bureau!, { teamTypes: { ...defaults, fire: ['fire_brigade'] }, version });
    expect(unknown.json().error.details[0].field).toBe('teamTypes.fire.0');

    expect(await db.select().from(emergencySettings)).toEqual(rowsBefore);
    expect(await calloutAudits()).toBe(auditsBefore);
  });

  it('re-checks the stored table on read: a kind that no longer passes, or is missing, takes its default alone', async () => {
    const db = t.database.db;
    const version = (await as.bureau!.get(url)).json().version as number;
    const table = { ...defaults, fire: ['fire_rescue', 'medical'], traffic: ['medical', 'general'] };
    expect((await put(as.bureau!, { teamTypes: table, version })).statusCode).toBe(200);
    const { other: _gone, ...rest } = table;
    await db
      .update(emergencySettings)
      .set({ value: { ...rest, traffic: ['ambulance'] } })
      .where(eq(emergencySettings.key, 'team_callout'));
    expect((await as.bureau!.get(url)).json().teamTypes).toEqual({ ...table, traffic: defaults.traffic, other: defaults.other });
    // The call-out reads the same table.
    expect(await (await fireCall()).called()).toEqual(['fire_rescue', 'medical']);
  });
});
