// 听证 as its own step of a penalty case, on a real database (行政处罚法 §63–§65; docs/rules.md §10.2): the party asks
// within 5 days of the 告知书; the hearing is notified at least 7 days ahead with a 听证通知书 and a presiding officer
// who did not investigate the case; it is held and recorded; only then does the case go to legal review. Both periods
// are working days (§85), so the cases stand on days around 国庆 and 春节 2026 (enforcementClock); the time the hearing
// takes out of the 90-day limit stays in calendar days.
import JSZip from 'jszip';
import { textDate } from '../../../reference/documents/chinese-date';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { areas, organisations, users } from '../../../db/schema';
import { buildOrg, buildUser } from '../../../seed/factories';
import { loginAs } from '../../../../test/app';
import { calendarYears } from '../../../platform/calendar';
import { buildEnforcementWorld, openCase, pinEnforcementDay, type EnforcementWorld } from '../enforcement.fixtures';

let w: EnforcementWorld;
beforeAll(async () => {
  w = await buildEnforcementWorld(2);
}, 60_000);
afterAll(() => w.close());
const on = pinEnforcementDay();

const userId = async (name: string) =>
  (await w.t.database.db.select({ id: users.id }).from(users).where(eq(users.displayName, name)))[0]!.id;

describe('hearing (听证)', () => {
  it('records the request, the notice with a non-investigating presider, the hearing held, then legal review', async () => {
    on('2026-09-28'); // the Monday before 国庆: 1–7 Oct off, Sat 10 Oct worked
    const e = w.enterprisesA[0]!;
    const filed = await w.officer.post('/api/enforcement/cases', {
      enterpriseId: e.id,
      procedure: 'general',
      partyKind: 'organisation',
      partyName: e.name,
      violation: '主要负责人未组织制定并实施安全生产教育和培训计划',
      basisId: 'AQSCF2021-94',
    });
    expect(filed.statusCode, filed.body).toBe(201);
    let c = filed.json();
    const step = async (who: typeof w.officer, action: string, body: Record<string, unknown> = {}) => {
      const res = await who.post(`/api/enforcement/cases/${c.id}/actions/${action}`, { version: c.version, ...body });
      if (res.statusCode === 200) c = res.json();
      return res;
    };
    expect((await step(w.officer, 'investigate')).statusCode).toBe(200);
    expect((await step(w.officer, 'notify', { fine: 50_000 })).statusCode).toBe(200);
    expect(c.hearing.right).toBe(true); // 5万 for an organisation: 较大数额 by default
    expect(c.abilities).toEqual(expect.arrayContaining(['request_hearing', 'submit_review']));

    expect(c.documents.find((d: { kind: string }) => d.kind === 'penalty_notice').issuedOn).toBe('2026-09-28');

    // The request window: 5 working days from the notice (§64, §85) — 29, 30 Sep, 8, 9 Oct and the worked Saturday
    // 10 Oct. Recorded on Mon 12 Oct, the next working day, a request made that day is late.
    on('2026-10-12');
    const late = await step(w.officer, 'request_hearing');
    expect(late.statusCode).toBe(400);
    expect(late.json().error.details[0].message).toContain('5个工作日内（至2026-10-10）');
    expect((await step(w.officer, 'request_hearing', { on: '2026-09-27' })).statusCode).toBe(400); // before the notice
    expect((await step(w.officer, 'request_hearing', { on: '2026-10-13' })).statusCode).toBe(400); // not in the future
    // The party asked on the 5th working day (calendar days would have ended on 3 Oct, in the holiday).
    expect((await step(w.officer, 'request_hearing', { on: '2026-10-10' })).statusCode).toBe(200);
    expect(c).toMatchObject({ status: 'hearing_requested', abilities: ['schedule_hearing'] });
    // Notified today (Mon 12 Oct), the hearing is held on the 7th working day after at the earliest: Wed 21 Oct.
    expect(c.hearing).toMatchObject({ requestedOn: '2026-10-10', earliestOn: '2026-10-21' });
    expect(c.calendarGapYear).toBeNull();
    // Review waits for the hearing, whatever the party waived before.
    expect((await step(w.officer, 'submit_review', { waived: true })).statusCode).toBe(400);

    // Presiding officer: not the officer who filed, investigated and notified.
    const presiders = (await w.officer.get(`/api/enforcement/cases/${c.id}/presiders`)).json() as { id: string; displayName: string }[];
    const wang = await userId('王执法');
    const li = await userId('李执法');
    expect(presiders.map((p) => p.id)).not.toContain(wang);
    expect(presiders.map((p) => p.id)).toContain(li);
    const place = '区应急管理局三楼听证室';
    const base = { hearingOn: '2026-10-21', hearingPlace: place, presiderId: li };
    const short = await step(w.officer, 'schedule_hearing', { ...base, hearingOn: '2026-10-20' });
    expect(short.statusCode).toBe(400);
    expect(short.json().error.details[0].message).toContain('7个工作日前送达，听证日期最早为2026-10-21');
    const investigator = await step(w.officer, 'schedule_hearing', { ...base, presiderId: wang });
    expect(investigator.statusCode).toBe(400);
    expect(investigator.json().error.details[0].message).toContain('非本案调查人员');
    expect((await step(w.officer, 'schedule_hearing', { ...base, presiderId: w.streetOfficerAId })).statusCode).toBe(400); // other authority
    expect((await step(w.officer, 'schedule_hearing', { hearingOn: base.hearingOn, presiderId: li })).statusCode).toBe(400); // no place
    expect((await step(w.officer, 'schedule_hearing', base)).statusCode).toBe(200);
    expect(c).toMatchObject({ status: 'hearing_scheduled', hearing: { on: base.hearingOn, place, presiderName: '李执法' } });
    const hn = c.documents.find((d: { kind: string }) => d.kind === 'hearing_notice');
    expect(hn.number).toBe('（测）应急听通〔2026〕1号');
    const docx = await w.officer.get(`/api/enforcement/documents/${hn.id}/docx`);
    const text = (await (await JSZip.loadAsync(docx.rawPayload)).file('word/document.xml')!.async('string')).replace(/<[^>]+>/g, '');
    expect(text).toContain('听证通知书');
    expect(text).toContain(textDate(base.hearingOn));
    expect(text).toContain(place);
    expect(text).toContain('听证主持人：李执法');
    expect(text).toContain(c.number);

    // Held on the notified day at the earliest, with its record.
    expect((await step(w.officer, 'hold_hearing', { hearingRecord: '当事人陈述……' })).statusCode).toBe(400);
    on('2026-10-21');
    expect((await step(w.officer, 'hold_hearing')).statusCode).toBe(400); // no record
    expect((await step(w.officer, 'hold_hearing', { hearingRecord: '当事人陈述……', presiderId: wang })).statusCode).toBe(400);
    expect((await step(w.officer, 'hold_hearing', { hearingRecord: '当事人对违法事实无异议，请求从轻处罚。' })).statusCode).toBe(200);
    expect(c).toMatchObject({ status: 'heard', hearing: { heldOn: '2026-10-21', record: '当事人对违法事实无异议，请求从轻处罚。' } });
    // The 90-day limit leaves out the hearing in calendar days, request day to hearing day: 10 → 21 Oct is 11 days.
    expect(c).toMatchObject({ filedOn: '2026-09-28', decisionDue: '2027-01-07', decisionClock: { hearingDays: 11, paused: false } });

    // Then legal review, without waiting for the rights period again.
    expect((await step(w.officer, 'submit_review')).statusCode).toBe(200);
    expect(c.status).toBe('legal_review');
    expect(c.events.map((x: { action: string }) => x.action)).toEqual([
      'file',
      'investigate',
      'notify',
      'request_hearing',
      'schedule_hearing',
      'hold_hearing',
      'submit_review',
    ]);
    // Another street sees neither the case nor its presiders.
    expect((await w.streetOfficerB.get(`/api/enforcement/cases/${c.id}/presiders`)).statusCode).toBe(404);
  }, 30_000);

  it('below 较大数额 the hearing is not offered as of right, and review waits out the 5 working days (春节 2026)', async () => {
    on('2026-02-11'); // Wed: 12, 13, Sat 14 (worked), then 15–23 Feb off, 24 and 25 Feb
    const e = w.enterprisesA[1]!;
    let c = (
      await w.officer.post('/api/enforcement/cases', {
        enterpriseId: e.id,
        procedure: 'general',
        partyKind: 'organisation',
        partyName: e.name,
        violation: '安全设备未经常性维护',
        basisId: 'AQSCF2021-99',
      })
    ).json();
    for (const [action, body] of [
      ['investigate', {}],
      ['notify', { fine: 20_000 }],
    ] as const) {
      c = (await w.officer.post(`/api/enforcement/cases/${c.id}/actions/${action}`, { version: c.version, ...body })).json();
    }
    expect(c.hearing.right).toBe(false);
    const review = () => w.officer.post(`/api/enforcement/cases/${c.id}/actions/submit_review`, { version: c.version });
    const early = await review();
    expect(early.statusCode).toBe(400);
    expect(early.json().error.details[0].message).toContain('至2026-02-25止');
    on('2026-02-25'); // the 5th working day: the party may still respond
    expect((await review()).statusCode).toBe(400);
    on('2026-02-26');
    const due = await review();
    expect(due.statusCode, due.body).toBe(200);
    expect(due.json().status).toBe('legal_review');
  });

  it('a year the holiday calendar lacks: counted periods refuse with the reason, dates show as unknown, never guessed', async () => {
    const last = Math.max(...calendarYears());
    const next = last + 1;
    on(`${last}-12-28`);
    const e = w.enterprisesA[1]!;
    let k = await openCase(w, e, '未如实记录安全生产教育和培训情况', 'AQSCF2021-94');
    const step = (action: string, body: Record<string, unknown> = {}) => k.step(action, body);
    expect((await step('investigate')).statusCode).toBe(200);
    expect((await step('notify', { fine: 50_000 })).statusCode).toBe(200);
    // Asked on the notice day: timely whatever the calendar says.
    expect((await step('request_hearing')).statusCode).toBe(200);
    // At most 3 working days are left in December: the 7th needs next year's calendar.
    expect(k.get().hearing.earliestOn).toBeNull();
    expect(k.get().calendarGapYear).toBe(next);
    const presiders = (await w.officer.get(`/api/enforcement/cases/${k.get().id}/presiders`)).json() as { id: string }[];
    const hearing = { hearingPlace: '区应急管理局听证室', presiderId: presiders[0]!.id };
    const gap = await step('schedule_hearing', { ...hearing, hearingOn: `${next}-01-20` });
    expect(gap.statusCode).toBe(400);
    expect(gap.json().error.details[0]).toMatchObject({
      field: 'hearingOn',
      message: expect.stringContaining(`${next}年的法定节假日安排尚未导入`),
    });
    expect(gap.json().calendarGapYear).toBe(next); // the page links to the holiday calendar with it
    // Too short is still known without it.
    const short = await step('schedule_hearing', { ...hearing, hearingOn: `${last}-12-31` });
    expect(short.json().error.details[0].message).toContain('7个工作日前送达');

    // Straight to review in the new year: whether the party's 5 working days are over cannot be told, unless it waived.
    k = await openCase(w, e, '未如实记录安全生产教育和培训情况', 'AQSCF2021-94');
    expect((await step('investigate')).statusCode).toBe(200);
    expect((await step('notify', { fine: 20_000 })).statusCode).toBe(200);
    on(`${next}-01-08`);
    const unknown = await step('submit_review');
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.details[0]).toMatchObject({ field: 'waived', message: expect.stringContaining('chinese-days') });
    expect((await step('submit_review', { waived: true })).statusCode).toBe(200);
  });

  it('offers presiding officers from the whole authority: a division officer presides over a bureau case and vice versa', async () => {
    const db = w.t.database.db;
    const [bureau] = await db.select().from(organisations).where(eq(organisations.name, '测试区应急管理局'));
    const [area] = await db.select().from(areas).where(eq(areas.code, bureau!.areaCode));
    const division = await buildOrg(db, { area: area!, kind: 'bureau_division', name: '测试区应急管理局执法大队', parentId: bureau!.id });
    const u = await buildUser(db, { role: 'district_officer', org: division, displayName: '周大队' });
    const divisionOfficer = await loginAs(w.t.app, u.username, u.password);
    const e = w.enterprisesA[1]!;
    const filed = await divisionOfficer.post('/api/enforcement/cases', {
      enterpriseId: e.id,
      procedure: 'general',
      partyKind: 'organisation',
      partyName: e.name,
      violation: '未建立事故隐患排查治理制度',
      basisId: 'AQSCF2021-101',
    });
    // Numbered in the bureau's sequence: the division's case never repeats a bureau case number.
    expect(filed.statusCode, filed.body).toBe(201);
    const c = filed.json();
    const all = (await w.officer.get('/api/enforcement/cases?pageSize=200')).json().items as { number: string }[];
    expect(all.filter((x) => x.number === c.number)).toHaveLength(1);
    const offered = await divisionOfficer.get(`/api/enforcement/cases/${c.id}/presiders`);
    expect(offered.statusCode, offered.body).toBe(200);
    const names = (offered.json() as { displayName: string }[]).map((p) => p.displayName);
    expect(names).toEqual(expect.arrayContaining(['王执法', '李执法']));
    expect(names).not.toContain('周大队'); // filed the case
    expect(names).not.toContain('钱街道'); // another authority
    const fromBureau = ((await w.officer.get(`/api/enforcement/cases/${c.id}/presiders`)).json() as { displayName: string }[]).map(
      (p) => p.displayName,
    );
    expect(fromBureau).not.toContain('周大队');
    expect(fromBureau).toContain('王执法');
  });
});
