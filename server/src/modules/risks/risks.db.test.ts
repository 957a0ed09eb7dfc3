// The risk register through the API: LEC and LS-matrix assessment with the deployment's bands (docs/rules.md §4.2,
// §4.3), bilingual refusals of values outside the tables, the enterprise's overall colour following its highest
// open risk (安委办〔2016〕11号 four colours), optimistic locking, scope, and the risk notification card.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import JSZip from 'jszip';
import type { Role } from '@anjian/contracts';
import { buildTestApp, loginAs, type Client, type TestApp } from '../../../test/app';
import { buildCommunity, buildEnterprise, buildOrg, buildStreet, buildUser } from '../../seed/factories';
import { eq } from 'drizzle-orm';
import { enterprises } from '../../db/schema';

let t: TestApp;
const as: Record<string, Client> = {};
let entA: string;
let entB: string;
let districtCode: string;

beforeAll(async () => {
  t = await buildTestApp();
  const db = t.database.db;
  const streetA = await buildStreet(db, { name: '甲街道' });
  const district = (await db.query.areas.findFirst({ where: (a, { eq }) => eq(a.code, streetA.parentCode!) }))!;
  districtCode = district.code;
  const streetB = await buildStreet(db, { district, name: '乙街道' });
  entA = (
    await buildEnterprise(db, {
      area: await buildCommunity(db, { street: streetA }),
      name: '深圳市甲粉末冶金有限公司',
      sector: 'metallurgy',
      safetyManagerPhone: '13800138000',
      longitude: 114.25,
      latitude: 22.72,
    })
  ).id;
  entB = (
    await buildEnterprise(db, {
      area: await buildCommunity(db, { street: streetB }),
      name: '深圳市乙五金有限公司',
      longitude: 114.3,
      latitude: 22.7,
    })
  ).id;
  const login = async (key: string, role: Role, org: Awaited<ReturnType<typeof buildOrg>> | null, enterpriseId?: string) => {
    const u = await buildUser(db, { role, org, enterpriseId });
    as[key] = await loginAs(t.app, u.username, u.password);
  };
  await login('district', 'district_officer', await buildOrg(db, { area: district }));
  await login('streetB', 'street_officer', await buildOrg(db, { area: streetB, kind: 'street_office' }));
  await login('entA', 'enterprise_safety_manager', null, entA);
  await login('entB', 'enterprise_principal', null, entB);
});
afterAll(() => t.close());

async function unit(c: Client, enterpriseId = entA, name = '混料岗位') {
  const res = await c.post(`/api/enterprises/${enterpriseId}/risk-units`, { name, kind: 'post', emergencyPhone: '0755-28888888' });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; version: number };
}

async function event(c: Client, unitId: string, body: Record<string, unknown>) {
  const res = await c.post(`/api/risk-units/${unitId}/events`, { name: '铝镁粉尘爆炸', ...body });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; version: number; level: string | null; colour: string | null; assessment: Record<string, unknown> };
}

const summaryOf = async (c: Client, enterpriseId = entA) => {
  const res = await c.get(`/api/risks/map-colours`);
  expect(res.statusCode, res.body).toBe(200);
  return (res.json().items as { enterpriseId: string; level: string | null }[]).find((i) => i.enterpriseId === enterpriseId)?.level ?? null;
};

describe('assessment', () => {
  it('derives D, level and colour from L, E, C (6 × 6 × 7 = 252: 高度危险, 较大风险, orange)', async () => {
    const u = await unit(as.entA!);
    const e = await event(as.entA!, u.id, { assessment: { method: 'lec', l: 6, e: 6, c: 7 } });
    expect(e.assessment).toMatchObject({ method: 'lec', d: 252, dangerDegree: 'high' });
    expect([e.level, e.colour]).toEqual(['significant', 'orange']);
  });

  it('derives R and level from the 5 × 5 matrix with the default Shandong-style bands (5 × 4 = 20: 重大, red)', async () => {
    const u = await unit(as.entA!);
    const e = await event(as.entA!, u.id, { assessment: { method: 'matrix', l: 5, s: 4 } });
    expect(e.assessment).toMatchObject({ method: 'matrix', r: 20 });
    expect([e.level, e.colour]).toEqual(['major', 'red']);
  });

  it('refuses L, E, C outside the LEC tables and scores outside 1–5, in Chinese or English', async () => {
    const u = await unit(as.entA!);
    const zh = await as.entA!.post(`/api/risk-units/${u.id}/events`, { name: '触电', assessment: { method: 'lec', l: 4, e: 6, c: 7 } });
    expect(zh.statusCode).toBe(400);
    const detail = zh.json().error.details[0];
    expect(detail.field).toBe('assessment.l');
    expect(detail.message).toContain('不在分值表中');
    expect(detail.message).toContain('10、6、3、1、0.5、0.2、0.1');
    const en = await as.entA!.request({
      method: 'POST',
      url: `/api/risk-units/${u.id}/events`,
      headers: { 'accept-language': 'en' },
      payload: { name: 'Shock', assessment: { method: 'matrix', l: 3, s: 6 } },
    });
    expect(en.statusCode).toBe(400);
    expect(en.json().error.details).toEqual([{ field: 'assessment.s', message: 'S (severity): 6 is invalid; use an integer from 1 to 5' }]);
  });

  it('re-levels stored events when the deployment changes the LEC edge reading (D = 70: blue, or yellow)', async () => {
    const u = await unit(as.entA!);
    const e = await event(as.entA!, u.id, { assessment: { method: 'lec', l: 10, e: 1, c: 7 } });
    expect([e.level, e.assessment.d]).toEqual(['low', 70]);
    const changed = await as.district!.patch('/api/risks/settings', { lecConfigId: 'lec-70-substantial' });
    expect(changed.statusCode, changed.body).toBe(200);
    expect((await as.entA!.get(`/api/risk-events/${e.id}`)).json().level).toBe('general');
    const bad = await as.district!.patch('/api/risks/settings', {
      matrixBands: [
        { level: 'low', min: 1, max: 8 },
        { level: 'major', min: 9, max: 25 },
        { level: 'general', min: 10, max: 12 },
      ],
    });
    expect(bad.statusCode).toBe(400);
    expect(
      bad
        .json()
        .error.details.map((d: { message: string }) => d.message)
        .join(),
    ).toContain('被多个区间覆盖');
    await as.district!.patch('/api/risks/settings', { lecConfigId: 'lec-upper-inclusive' });
    expect((await as.entA!.get(`/api/risk-events/${e.id}`)).json().level).toBe('low');
  });

  it('checks the accident type against the scheme it names', async () => {
    const u = await unit(as.entA!);
    const ok = await as.entA!.post(`/api/risk-units/${u.id}/events`, { name: '触电', accidentType: { scheme: 'GB6441-1986', code: '05' } });
    expect(ok.json().accidentType).toEqual({ scheme: 'GB6441-1986', code: '05', label: '触电' });
    const bad = await as.entA!.post(`/api/risk-units/${u.id}/events`, {
      name: '触电',
      accidentType: { scheme: 'GB6441-1986', code: 'P05' },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0].field).toBe('accidentType.code');
  });

  it('answers 409 with the current record to a stale version', async () => {
    const u = await unit(as.entA!);
    const e = await event(as.entA!, u.id, {});
    expect((await as.entA!.patch(`/api/risk-events/${e.id}`, { version: 1, name: '粉尘爆燃' })).statusCode).toBe(200);
    const stale = await as.entA!.patch(`/api/risk-events/${e.id}`, { version: 1, name: '又改了' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().current.name).toBe('粉尘爆燃');
  });
});

describe('overall colour', () => {
  it('follows the highest open risk, and falls when the red event is closed or removed', async () => {
    const c = as.entB!;
    const u = await unit(c, entB, '喷涂岗位');
    expect(await summaryOf(as.district!, entB)).toBeNull();
    const blue = await event(c, u.id, { name: '机械伤害', assessment: { method: 'matrix', l: 2, s: 2 } });
    expect(blue.level).toBe('low');
    expect(await summaryOf(c, entB)).toBe('low');
    const red = await event(c, u.id, { name: '油漆火灾', assessment: { method: 'lec', l: 3, e: 6, c: 40 } });
    expect(red.level).toBe('major');
    expect(await summaryOf(c, entB)).toBe('major');
    const closed = await c.post(`/api/risk-events/${red.id}/close`, { version: red.version, reason: '停用喷涂线' });
    expect(closed.statusCode, closed.body).toBe(200);
    expect(await summaryOf(c, entB)).toBe('low');
    const reopened = await c.post(`/api/risk-events/${red.id}/reopen`, { version: red.version + 1 });
    expect(reopened.json().abilities).toContain('close');
    expect(await summaryOf(c, entB)).toBe('major');
    expect((await c.del(`/api/risk-events/${red.id}`, { version: red.version + 2 })).statusCode).toBe(200);
    expect(await summaryOf(c, entB)).toBe('low');
    expect((await c.get(`/api/risk-events/${red.id}`)).statusCode).toBe(404);
    // Re-assessing the remaining event upwards raises the colour again.
    await c.patch(`/api/risk-events/${blue.id}`, { version: blue.version, assessment: { method: 'matrix', l: 3, s: 4 } });
    expect(await summaryOf(c, entB)).toBe('general');
    expect((await c.del(`/api/risk-units/${u.id}`, { version: u.version })).statusCode).toBe(200);
    expect(await summaryOf(c, entB)).toBeNull();
  });

  it('feeds the map its risk colour index (0 = red … 3 = blue, -1 = none)', async () => {
    const points = (await as.district!.get('/api/map/enterprises')).json().points as [
      string,
      number,
      number,
      number,
      string,
      number,
      number,
    ][];
    expect(points.find((p) => p[0] === entA)![5]).toBe(0); // 甲 has an open 重大 event from the matrix test
    expect(points.find((p) => p[0] === entB)![5]).toBe(-1); // 乙's register was removed above
  });

  it('feeds the map the credit grade index (0 = A … 3 = D, -1 = not graded yet)', async () => {
    const db = t.database.db;
    await db.update(enterprises).set({ creditGrade: 'C' }).where(eq(enterprises.id, entA));
    await db.update(enterprises).set({ creditGrade: null }).where(eq(enterprises.id, entB));
    const points = (await as.district!.get('/api/map/enterprises')).json().points as [
      string,
      number,
      number,
      number,
      string,
      number,
      number,
    ][];
    expect(points.find((p) => p[0] === entA)![6]).toBe(2);
    expect(points.find((p) => p[0] === entB)![6]).toBe(-1);
  });

  it('counts enterprises by colour per street, and per sector', async () => {
    const byArea = await as.district!.get(`/api/risks/distribution?groupBy=area&areaCode=${districtCode}`);
    expect(byArea.statusCode, byArea.body).toBe(200);
    const groups = byArea.json().groups as { name: string; enterprises: Record<string, number> }[];
    expect(groups.map((g) => g.name).sort()).toEqual(['乙街道', '甲街道']);
    expect(groups.find((g) => g.name === '甲街道')!.enterprises).toMatchObject({ major: 1, none: 0 });
    expect(groups.find((g) => g.name === '乙街道')!.enterprises).toMatchObject({ major: 0, none: 1 });
    const bySector = (await as.district!.get('/api/risks/distribution?groupBy=sector')).json();
    expect(bySector.groups.find((g: { key: string }) => g.key === 'metallurgy').name).toBe('冶金');
  });
});

describe('scope', () => {
  it('hides another enterprise’s register (404) and limits views to what the caller supervises', async () => {
    const u = await unit(as.entA!, entA, '球磨岗位');
    expect((await as.entB!.get(`/api/risk-units/${u.id}`)).statusCode).toBe(404);
    expect((await as.entB!.get(`/api/enterprises/${entA}/risk-units`)).statusCode).toBe(404);
    expect((await as.entB!.post(`/api/risk-units/${u.id}/events`, { name: '越权' })).statusCode).toBe(404);
    expect((await as.streetB!.get(`/api/risk-units/${u.id}`)).statusCode).toBe(404);
    expect((await as.district!.get(`/api/risk-units/${u.id}`)).statusCode).toBe(200);
    const mine = (await as.entB!.get('/api/risks/map-colours')).json().items as { enterpriseId: string }[];
    expect(mine.every((i) => i.enterpriseId === entB)).toBe(true);
    const groups = (await as.streetB!.get(`/api/risks/distribution?areaCode=${districtCode}`)).json().groups as { name: string }[];
    expect(groups.map((g) => g.name)).toEqual(['乙街道']);
  });
});

describe('risk notification card', () => {
  it('prints the post’s risks with level colour, consequences, measures, emergency measures and phones', async () => {
    const c = as.entA!;
    const u = await unit(c, entA, '抛光岗位');
    const e = await event(c, u.id, {
      name: '抛光粉尘爆炸',
      consequences: '人员伤亡、厂房损毁',
      accidentType: { scheme: 'GB6441-2025', code: 'P18' },
      assessment: { method: 'lec', l: 6, e: 6, c: 7 },
    });
    const m = await c.post(`/api/risk-events/${e.id}/measures`, { type: 'engineering', description: '除尘系统采用防爆设计并可靠接地' });
    expect(m.statusCode, m.body).toBe(201);
    expect(m.json().responsibleLevel).toBe('company'); // 较大风险 → company level by default
    await c.post(`/api/risk-events/${e.id}/measures`, {
      type: 'emergency',
      description: '立即停机断电，组织人员撤离',
      responsibleLevel: 'post',
    });
    const res = await c.get(`/api/risk-units/${u.id}/card.docx`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('wordprocessingml');
    const zip = await JSZip.loadAsync(res.rawPayload);
    const xml = await zip.file('word/document.xml')!.async('string');
    const text = xml.replace(/<[^>]+>/g, '');
    for (const s of [
      '岗位安全风险告知卡',
      '抛光岗位',
      '深圳市甲粉末冶金有限公司',
      '抛光粉尘爆炸',
      '较大风险（橙）',
      '人员伤亡、厂房损毁',
      '粉尘爆炸',
    ]) {
      expect(text).toContain(s);
    }
    expect(text).toContain('除尘系统采用防爆设计并可靠接地');
    expect(text).toContain('立即停机断电，组织人员撤离');
    expect(text).toContain('0755-28888888');
    expect(text).toContain('13800138000');
    expect(text).toContain('119');
    expect(xml).toContain('w:fill="FF9900"');
  });
});
