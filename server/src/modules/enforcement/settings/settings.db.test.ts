// The deployment's penalty-procedure settings on a real database: stored and read back, refused whole (400, nothing
// stored, nothing audited) when bad, re-checked on read; and applied where the hearing rules are — the 较大数额
// threshold decides whether the 告知书 offers a hearing (docs/rules.md §10.2: set by each province, default 2万 / 5万), the
// request and notice periods gate the steps — in working days (行政处罚法 §85), whatever number is set — and hearing
// time is left out of the 90-day decision limit (市场监督管理行政处罚程序规定 §64 and provincial 应急管理 procedure rules:
// 听证时间不计入办案期限), in calendar days, unless switched off. Cases stand on chosen days of 2026 (enforcementClock).
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { auditLog, enforcementDocuments, enforcementSettings, penaltyCases } from '../../../db/schema';
import { addDays } from '../../../platform/time';
import { buildEnforcementWorld, openCase, pinEnforcementDay, type EnforcementWorld } from '../enforcement.fixtures';
import type { Client } from '../../../../test/app';

let w: EnforcementWorld;
beforeAll(async () => {
  w = await buildEnforcementWorld(2);
}, 60_000);
afterAll(() => w.close());
const on = pinEnforcementDay();

const defaults = {
  hearingThreshold: { natural_person: 20_000, organisation: 50_000 },
  hearingRequestDays: 5,
  hearingNoticeDays: 7,
  hearingExcludedFromDecisionLimit: true,
};
const put = (who: Client, payload: unknown, lang = 'zh-CN') =>
  who.request({ method: 'PUT', url: '/api/enforcement/settings', payload: payload as never, headers: { 'accept-language': lang } });
const settingsAudits = async () =>
  (await w.t.database.db.select().from(auditLog).where(eq(auditLog.action, 'enforcement.settings.update'))).length;

/** A general-procedure case against an organisation (AQSCF2021-94: fine 2–5万), investigated. */
async function investigatedCase() {
  const k = await openCase(w, w.enterprisesA[0]!, '主要负责人未组织制定并实施安全生产教育和培训计划', 'AQSCF2021-94');
  expect((await k.step('investigate')).statusCode).toBe(200);
  return k;
}

async function noticeText(caseId: string) {
  const [doc] = await w.t.database.db
    .select({ id: enforcementDocuments.id })
    .from(enforcementDocuments)
    .where(and(eq(enforcementDocuments.caseId, caseId), eq(enforcementDocuments.kind, 'penalty_notice')));
  const docx = await w.officer.get(`/api/enforcement/documents/${doc!.id}/docx`);
  return (await (await JSZip.loadAsync(docx.rawPayload)).file('word/document.xml')!.async('string')).replace(/<[^>]+>/g, '');
}

describe('enforcement settings', () => {
  it('start from the documented defaults and round-trip, audited, for the district bureau only', async () => {
    const first = await w.officer.get('/api/enforcement/settings');
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toEqual({ ...defaults, defaults });
    expect((await w.streetOfficerA.get('/api/enforcement/settings')).statusCode).toBe(200);

    const guangdong = { ...defaults, hearingThreshold: { natural_person: 10_000, organisation: 30_000 }, hearingRequestDays: 6 };
    expect((await put(w.leader, guangdong)).statusCode).toBe(403);
    expect((await put(w.streetOfficerA, guangdong)).statusCode).toBe(403);
    const saved = await put(w.officer, guangdong);
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toEqual({ ...guangdong, defaults });
    expect((await w.streetOfficerB.get('/api/enforcement/settings')).json()).toMatchObject(guangdong);
    const [audit] = await w.t.database.db.select().from(auditLog).where(eq(auditLog.action, 'enforcement.settings.update'));
    expect(audit).toMatchObject({ entityType: 'enforcement_settings', before: defaults, after: guangdong, actorName: '王执法' });

    expect((await put(w.officer, defaults)).statusCode).toBe(200);
    expect((await w.officer.get('/api/enforcement/settings')).json()).toEqual({ ...defaults, defaults });
  });

  it('refuses bad settings with a bilingual 400 and stores nothing', async () => {
    const rowsBefore = await w.t.database.db.select().from(enforcementSettings);
    const auditsBefore = await settingsAudits();
    // Below the on-the-spot limit (a unit slip: 2 for 2万) — the server's own check, in both languages.
    const slip = { ...defaults, hearingThreshold: { natural_person: 2, organisation: 50_000 } };
    const zh = await put(w.officer, slip);
    expect(zh.statusCode).toBe(400);
    expect(zh.json().error.details).toEqual([{ field: 'hearingThreshold.natural_person', message: expect.stringContaining('200元') }]);
    const en = await put(w.officer, slip, 'en');
    expect(en.json().error.details[0].message).toContain('on-the-spot limit');
    // Out of the schema's bounds, missing or unknown fields: refused before the command.
    for (const bad of [
      { ...defaults, hearingRequestDays: 0 },
      { ...defaults, hearingNoticeDays: 31 },
      { ...defaults, hearingRequestDays: 5.5 },
      { ...defaults, hearingThreshold: { natural_person: 20_000 } },
      { ...defaults, hearingExcludedFromDecisionLimit: 'yes' },
      { ...defaults, extra: 1 },
    ]) {
      const res = await put(w.officer, bad);
      expect(res.statusCode, JSON.stringify(bad)).toBe(400);
      expect(res.json().error.details.length).toBeGreaterThan(0);
    }
    const enBound = await put(w.officer, { ...defaults, hearingRequestDays: 0 }, 'en');
    expect(enBound.json().error.details[0]).toMatchObject({ field: 'hearingRequestDays', message: expect.stringMatching(/[a-z]/) });
    expect(await w.t.database.db.select().from(enforcementSettings)).toEqual(rowsBefore);
    expect(await settingsAudits()).toBe(auditsBefore);
    expect((await w.officer.get('/api/enforcement/settings')).json()).toEqual({ ...defaults, defaults });
  });

  it('re-checks stored values on read: a hand-edited bad row falls back to its default alone', async () => {
    const db = w.t.database.db;
    await put(w.officer, { ...defaults, hearingNoticeDays: 10 });
    await db.update(enforcementSettings).set({ value: 0 }).where(eq(enforcementSettings.key, 'hearingRequestDays'));
    await db
      .update(enforcementSettings)
      .set({ value: { natural_person: 'x' } })
      .where(eq(enforcementSettings.key, 'hearingThreshold'));
    expect((await w.officer.get('/api/enforcement/settings')).json()).toMatchObject({
      hearingThreshold: defaults.hearingThreshold,
      hearingRequestDays: 5,
      hearingNoticeDays: 10,
    });
    await put(w.officer, defaults);
  });

  it('the threshold decides whether the 告知书 offers a hearing', async () => {
    on('2026-03-02'); // a Monday
    // 3万 to an organisation: below the default 5万, so no hearing offered — only statement and defence.
    const below = await investigatedCase();
    expect((await below.step('notify', { fine: 30_000 })).statusCode).toBe(200);
    expect(below.get().hearing.right).toBe(false);
    const plain = await noticeText(below.get().id);
    expect(plain).toContain('有权进行陈述和申辩，请于收到本告知书之日起五个工作日内提出');
    expect(plain).not.toContain('要求听证');

    // A province whose 较大数额 for organisations starts at 3万, with 10 days to ask: the same fine now is.
    await put(w.officer, { ...defaults, hearingThreshold: { natural_person: 10_000, organisation: 30_000 }, hearingRequestDays: 10 });
    const offered = await investigatedCase();
    expect((await offered.step('notify', { fine: 30_000 })).statusCode).toBe(200);
    expect(offered.get().hearing.right).toBe(true);
    expect(await noticeText(offered.get().id)).toContain('有权在收到本告知书之日起十个工作日内要求听证');
    // The review gate waits the configured 10 working days, not 5: to Mon 16 Mar, two weekends later.
    const early = await offered.step('submit_review');
    expect(early.statusCode).toBe(400);
    expect(early.json().error.details[0].message).toContain('2026-03-16');
    // And a request on that 10th working day, 14 calendar days after the notice, is within the configured window.
    on('2026-03-16');
    expect((await offered.step('request_hearing')).statusCode).toBe(200);
    await put(w.officer, defaults);
    // The first case is read again under the default: still below it.
    expect((await below.reload()).hearing.right).toBe(false);
  });

  it('a held hearing moves the decision due date by its days, and not when the setting counts them', async () => {
    const db = w.t.database.db;
    const today = '2026-03-02'; // a Monday
    on(today);
    const k = await investigatedCase();
    const id = k.get().id;
    expect((await k.step('notify', { fine: 50_000 })).statusCode).toBe(200);
    expect((await k.step('request_hearing')).statusCode).toBe(200);
    // Filed and asked today: the clock stands with all 90 days left.
    expect(k.get()).toMatchObject({
      decisionDue: addDays(today, 90),
      decisionClock: { paused: true, hearingDays: 0, remainingDays: 90, hearingExcluded: true },
    });
    // Filed 30 days ago, hearing asked 20 days ago: 10 days counted before the request, 80 remain, the due date moved 20.
    await db
      .update(penaltyCases)
      .set({ filedOn: addDays(today, -30), hearingRequestedOn: addDays(today, -20) })
      .where(eq(penaltyCases.id, id));
    expect(await k.reload()).toMatchObject({
      decisionDue: addDays(today, 80),
      decisionOverdue: false,
      decisionClock: { paused: true, hearingDays: 20, remainingDays: 80 },
    });
    // The notice period is the setting's: 10 working days' notice (to Mon 16 Mar) refuses a hearing on the 7th (Wed 11).
    await put(w.officer, { ...defaults, hearingNoticeDays: 10 });
    const presiders = (await w.officer.get(`/api/enforcement/cases/${id}/presiders`)).json() as { id: string }[];
    const hearing = { hearingOn: '2026-03-11', hearingPlace: '区应急管理局听证室', presiderId: presiders[0]!.id };
    const short = await k.step('schedule_hearing', hearing);
    expect(short.statusCode).toBe(400);
    expect(short.json().error.details[0].message).toContain('2026-03-16');
    await put(w.officer, defaults);
    expect((await k.step('schedule_hearing', hearing)).statusCode).toBe(200);
    // Held 2 days ago (as the hearing test does: the notified day moved back): 18 days of hearing left out.
    await db
      .update(penaltyCases)
      .set({ hearingOn: addDays(today, -2) })
      .where(eq(penaltyCases.id, id));
    await k.reload();
    expect((await k.step('hold_hearing', { on: addDays(today, -2), hearingRecord: '当事人陈述申辩意见。' })).statusCode).toBe(200);
    expect(k.get()).toMatchObject({
      status: 'heard',
      decisionDue: addDays(today, 60 + 18),
      decisionClock: { paused: false, hearingDays: 18, remainingDays: 78 },
    });

    // Counted against the limit instead: the due date is filing + 90 again, and nothing pauses.
    await put(w.officer, { ...defaults, hearingExcludedFromDecisionLimit: false });
    expect(await k.reload()).toMatchObject({
      decisionDue: addDays(today, 60),
      decisionClock: { paused: false, hearingDays: 0, remainingDays: 60, hearingExcluded: false },
    });
    // With the hearing long and the limit counted, the same case is overdue; excluded, it is not.
    await db
      .update(penaltyCases)
      .set({ filedOn: addDays(today, -95), hearingRequestedOn: addDays(today, -40) })
      .where(eq(penaltyCases.id, id));
    expect(await k.reload()).toMatchObject({ decisionOverdue: true, decisionClock: { remainingDays: -5 } });
    await put(w.officer, defaults);
    expect(await k.reload()).toMatchObject({ decisionOverdue: false, decisionDue: addDays(today, -5 + 38) });
    // The list shows the same clock.
    const listed = (await w.officer.get('/api/enforcement/cases?pageSize=100')).json().items.find((x: { id: string }) => x.id === id);
    expect(listed).toMatchObject({ decisionDue: addDays(today, 33), decisionClock: { hearingDays: 38 } });
  });
});
