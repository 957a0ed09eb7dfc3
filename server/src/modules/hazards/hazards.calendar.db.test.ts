// A rectification deadline in working days that reaches into a year chinese-days does not carry (2027, as of 1.5.7):
// refused with the reason until the administrator enters that year's schedule, then counted on it — and refused again
// once the entry is removed. The 2027 dates are an invented fixture (calendar.fixtures.ts), not the official schedule.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { buildUser } from '../../seed/factories';
import { loginAs, type Client } from '../../../test/app';
import { packageCalendarYear } from '../../platform/calendar';
import { FICTIONAL_2027 } from '../calendar/calendar.fixtures';
import { hazardClock } from './hazards.clock';
import { act, buildHazardWorld, report, type HazardWorld } from './hazards.fixtures';

let w: HazardWorld;
let admin: Client;
const realToday = hazardClock.today;
beforeAll(async () => {
  w = await buildHazardWorld();
  const u = await buildUser(w.t.database.db, { role: 'sys_admin' });
  admin = await loginAs(w.t.app, u.username, u.password);
});
afterAll(() => w.close());
afterEach(() => {
  hazardClock.today = realToday;
});

const finding = (enterpriseId: string) => ({
  enterpriseId,
  source: 'grid_patrol',
  description: '配电箱前堆放杂物',
  category: 'unsafe_condition',
  grade: 'general',
});
const thirtyWorkdays = { deadlineDays: 30, deadlineUnit: 'workday', responsiblePerson: '陈海燕' };

describe('a working-day deadline reaching into a year the package lacks', () => {
  it('is refused before the year is entered, counted on it after, and refused again once removed', async () => {
    // Were the package ever to carry 2027, this test would prove nothing: it stands on a year only the supplement has.
    expect(packageCalendarYear(2027)).toBeNull();
    hazardClock.today = () => '2026-12-20'; // a Sunday
    const h = await report(w.streetOfficerA, finding(w.enterpriseA.id));

    const before = await act(w.streetOfficerA, h, 'start_rectification', thirtyWorkdays);
    expect(before.statusCode).toBe(400);
    expect(before.json()).toMatchObject({
      calendarGapYear: 2027,
      error: { details: [{ field: 'evidence.deadlineUnit', message: expect.stringContaining('节假日日历') }] },
    });
    expect((await w.streetOfficerA.get(`/api/hazards/${h.id}`)).json()).toMatchObject({ state: 'reported', deadline: null });

    expect((await admin.request({ method: 'PUT', url: '/api/calendar/years/2027', payload: FICTIONAL_2027 })).statusCode).toBe(200);
    const after = await act(w.streetOfficerA, h, 'start_rectification', thirtyWorkdays);
    expect(after.statusCode, after.body).toBe(200);
    // 21–31 Dec 2026: 9 working days. 2027 per the fixture: 1 Jan and 4–8 Jan off, Sat 9 and Sun 10 Jan worked (11),
    // then five a week: 15 Jan (16), 22 Jan (21), 29 Jan (26), Mon 1 – Thu 4 Feb (30). Weekdays alone would give 29 Jan.
    expect(after.json()).toMatchObject({ state: 'rectifying', deadline: '2027-02-04', deadlineDays: 30, deadlineUnit: 'workday' });

    expect((await admin.del('/api/calendar/years/2027')).statusCode).toBe(200);
    const other = await report(w.streetOfficerA, { ...finding(w.enterpriseA.id), description: '安全出口锁闭' });
    expect((await act(w.streetOfficerA, other, 'start_rectification', thirtyWorkdays)).statusCode).toBe(400);
    // A deadline already set stays as it was computed.
    expect((await w.streetOfficerA.get(`/api/hazards/${h.id}`)).json().deadline).toBe('2027-02-04');
  });
});
