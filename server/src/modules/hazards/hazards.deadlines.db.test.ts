// Rectification deadlines through the API across the 2025 National Day / Mid-autumn holiday (国办发明电〔2024〕12号
// calendar: 10-01..10-08 off, Sunday 09-28 and Saturday 10-11 worked), overdue derived at read time, and the
// alarm for a year without calendar data.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { hazardClock } from './hazards.clock';
import { act, buildHazardWorld, report, type HazardWorld } from './hazards.fixtures';

let w: HazardWorld;
const realToday = hazardClock.today;
beforeAll(async () => {
  w = await buildHazardWorld();
});
afterAll(() => w.close());
afterEach(() => {
  hazardClock.today = realToday;
});

const on = (date: string) => {
  hazardClock.today = () => date;
};

const finding = (enterpriseId: string) => ({
  enterpriseId,
  source: 'grid_patrol',
  description: '消防栓被货物遮挡',
  category: 'unsafe_condition',
  grade: 'general',
});

describe('rectification deadline', () => {
  it('counts working days over the 2025 National Day holiday and its make-up days', async () => {
    on('2025-09-26'); // a Friday
    const h = await report(w.streetOfficerA, finding(w.enterpriseA.id));
    const res = await act(w.streetOfficerA, h, 'start_rectification', {
      deadlineDays: 5,
      deadlineUnit: 'workday',
      responsiblePerson: '陈海燕',
    });
    expect(res.statusCode).toBe(200);
    // 09-28 (make-up Sunday), 09-29, 09-30, then 10-09, 10-10.
    expect(res.json()).toMatchObject({ deadline: '2025-10-10', deadlineDays: 5, deadlineUnit: 'workday' });
  });

  it('counts calendar days straight through the holiday', async () => {
    on('2025-09-26');
    const h = await report(w.streetOfficerA, finding(w.enterpriseA.id));
    const res = await act(w.streetOfficerA, h, 'start_rectification', {
      deadlineDays: 7,
      deadlineUnit: 'calendar',
      responsiblePerson: '陈海燕',
    });
    expect(res.json().deadline).toBe('2025-10-03');
  });

  it('extends from the current deadline in working days', async () => {
    on('2025-09-26');
    let h = await report(w.streetOfficerA, finding(w.enterpriseA.id));
    h = (await act(w.streetOfficerA, h, 'start_rectification', { deadline: '2025-09-30', responsiblePerson: '甲' })).json();
    const res = await act(w.streetOfficerA, h, 'extend_deadline', {
      newDeadlineDays: 3,
      deadlineUnit: 'workday',
      extensionReason: '节日期间无法施工',
    });
    expect(res.json().deadline).toBe('2025-10-11'); // 10-09, 10-10, then the make-up Saturday 10-11
  });

  it('raises a visible alarm, and sets nothing, for working days in a year without calendar data', async () => {
    on('2026-12-20');
    const h = await report(w.streetOfficerA, finding(w.enterpriseA.id));
    const res = await act(w.streetOfficerA, h, 'start_rectification', {
      deadlineDays: 30,
      deadlineUnit: 'workday',
      responsiblePerson: '甲',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0]).toEqual({
      field: 'evidence.deadlineUnit',
      message: expect.stringContaining('2027年的法定节假日安排尚未导入'),
    });
    expect((await w.streetOfficerA.get(`/api/hazards/${h.id}`)).json()).toMatchObject({ state: 'reported', deadline: null });
    // Calendar days still work.
    const ok = await act(w.streetOfficerA, h, 'start_rectification', {
      deadlineDays: 30,
      deadlineUnit: 'calendar',
      responsiblePerson: '甲',
    });
    expect(ok.json().deadline).toBe('2027-01-19');
  });
});

describe('overdue is derived from the deadline at read time', () => {
  it('turns on the day after the deadline, sorts first on the board, and turns off once submitted', async () => {
    on('2025-09-26');
    let h = await report(w.streetOfficerB, { ...finding(w.enterpriseB.id), description: '逾期测试' });
    h = (await act(w.streetOfficerB, h, 'start_rectification', { deadline: '2025-10-10', responsiblePerson: '甲' })).json();
    on('2025-10-10');
    expect((await w.streetOfficerB.get(`/api/hazards/${h.id}`)).json().overdue).toBe(false);
    on('2025-10-11');
    const detail = (await w.streetOfficerB.get(`/api/hazards/${h.id}`)).json();
    expect(detail.overdue).toBe(true);
    const board = (await w.streetOfficerB.get('/api/hazards')).json();
    expect(board.items[0].id).toBe(h.id);
    expect(board.counts.overdue).toBe(1);
    expect((await w.streetOfficerB.get('/api/hazards?overdue=true')).json().items.map((i: { id: string }) => i.id)).toEqual([h.id]);
    expect((await w.streetOfficerB.get('/api/hazards?overdue=false')).json().items.map((i: { id: string }) => i.id)).not.toContain(h.id);
    const submitted = (await act(w.entB, detail, 'submit_for_acceptance', { rectificationRecord: '已清理' })).json();
    expect(submitted.overdue).toBe(false);
    expect((await w.streetOfficerB.get('/api/hazards')).json().counts.overdue).toBe(0);
  });
});
