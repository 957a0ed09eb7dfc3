// The official calendar supplement on a real database: a year entered through the API round-trips and counts at once,
// bad entries are refused whole (400, nothing stored, nothing audited), only the platform administrator writes, a
// package year needs confirmation and shows where it differs, the database itself holds the certain rules, another
// instance's write arrives with the periodic re-read, and the CLI enters the same from a file. All dates are invented.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { auditLog, calendarSupplementDays, calendarSupplementYears } from '../../db/schema';
import { buildTestApp, loginAs, type Client, type TestApp } from '../../../test/app';
import { buildDistrict, buildOrg, buildStreet, buildUser } from '../../seed/factories';
import { addWorkdays, CalendarGapError, calendarSource, hasCalendar, isWorkday } from '../../platform/calendar';
import { loadCalendarSupplement, startCalendarRefresh } from '../../platform/calendar-store';
import { calendarClock } from './calendar.clock';
import { FICTIONAL_2027 } from './calendar.fixtures';
import { importCalendarFile, listCalendar } from './calendar.cli';

let t: TestApp;
let admin: Client;
let officer: Client;
let streetOfficer: Client;
let auditAdmin: Client;
let enterpriseUser: Client;
beforeAll(async () => {
  t = await buildTestApp();
  const db = t.database.db;
  const district = await buildDistrict(db);
  const street = await buildStreet(db, { district });
  const login = async (role: Parameters<typeof buildUser>[1]['role'], org: Awaited<ReturnType<typeof buildOrg>> | null) => {
    const u = await buildUser(db, { role, org, enterpriseId: org ? null : crypto.randomUUID(), displayName: `${role}-名` });
    return loginAs(t.app, u.username, u.password);
  };
  const bureau = await buildOrg(db, { area: district });
  admin = await login('sys_admin', bureau);
  officer = await login('district_officer', bureau);
  auditAdmin = await login('audit_admin', bureau);
  streetOfficer = await login('street_officer', await buildOrg(db, { area: street, kind: 'street_office' }));
  enterpriseUser = await login('enterprise_safety_manager', null);
});
afterAll(() => t.close());
const realToday = calendarClock.today;
afterEach(async () => {
  calendarClock.today = realToday;
  const db = t.database.db;
  await db.delete(calendarSupplementYears);
  await loadCalendarSupplement(db);
});

const url = (year: number) => `/api/calendar/years/${year}`;
const put = (who: Client, year: number, payload: unknown, lang = 'zh-CN') =>
  who.request({ method: 'PUT', url: url(year), payload: payload as never, headers: { 'accept-language': lang } });
const audits = async (action: string) => t.database.db.select().from(auditLog).where(eq(auditLog.action, action));
const stored = async () => ({
  years: await t.database.db.select().from(calendarSupplementYears),
  days: await t.database.db.select().from(calendarSupplementDays),
});

describe('calendar supplement API', () => {
  it('round-trips a year, counts with it at once, and lists it beside the package years', async () => {
    expect(hasCalendar(2027)).toBe(false);
    const saved = await put(admin, 2027, { ...FICTIONAL_2027, holidays: [...FICTIONAL_2027.holidays].reverse() });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({
      year: 2027,
      inEffect: 'supplement',
      package: null,
      differences: null,
      supplement: {
        noticeTitle: FICTIONAL_2027.noticeTitle,
        noticeNumber: FICTIONAL_2027.noticeNumber,
        holidays: FICTIONAL_2027.holidays, // stored sorted
        workdays: FICTIONAL_2027.workdays,
        updatedByName: 'sys_admin-名',
      },
    });
    // This process counts with it without waiting for the re-read.
    expect(calendarSource(2027)).toBe('supplement');
    expect(addWorkdays('2026-12-30', 5)).toBe('2027-01-12');

    const read = await streetOfficer.get(url(2027));
    expect(read.statusCode).toBe(200);
    expect(read.json()).toEqual(saved.json());
    calendarClock.today = () => '2026-12-02';
    const overview = (await officer.get('/api/calendar')).json();
    expect(overview).toMatchObject({ today: '2026-12-02', packageVersion: expect.stringMatching(/^\d+\.\d+\.\d+/), missing: [] });
    expect(overview.years[0]).toMatchObject({
      year: 2027,
      inEffect: 'supplement',
      inPackage: false,
      supplement: { noticeNumber: FICTIONAL_2027.noticeNumber, holidays: 6, workdays: 2 },
      differsFromPackage: null,
    });
    expect(overview.years[1]).toMatchObject({ year: 2026, inEffect: 'package', inPackage: true, supplement: null });

    const [audit] = await audits('calendar.year.put');
    expect(audit).toMatchObject({
      entityType: 'calendar_supplement_year',
      entityId: '2027',
      before: null,
      after: { noticeNumber: FICTIONAL_2027.noticeNumber, holidays: FICTIONAL_2027.holidays, workdays: FICTIONAL_2027.workdays },
      actorRole: 'sys_admin',
    });

    // Replaced whole by a second PUT: days no longer listed are gone.
    const fewer = await put(admin, 2027, { ...FICTIONAL_2027, holidays: ['2027-01-01'], workdays: [] });
    expect(fewer.json().supplement).toMatchObject({ holidays: ['2027-01-01'], workdays: [] });
    expect(isWorkday('2027-01-06')).toBe(true);
    expect((await stored()).days).toHaveLength(1);
    expect((await audits('calendar.year.put'))[1]).toMatchObject({
      before: { holidays: FICTIONAL_2027.holidays },
      after: { holidays: ['2027-01-01'] },
    });

    // Deleted: a gap again, and the page warns of it.
    const del = await admin.del(url(2027));
    expect(del.statusCode, del.body).toBe(200);
    expect(hasCalendar(2027)).toBe(false);
    expect(() => addWorkdays('2026-12-30', 5)).toThrow(CalendarGapError);
    expect(await stored()).toEqual({ years: [], days: [] });
    expect((await admin.get(url(2027))).statusCode).toBe(404);
    expect((await admin.del(url(2027))).statusCode).toBe(404);
    expect((await officer.get('/api/calendar')).json().missing).toEqual([2027]);
    expect(await audits('calendar.year.delete')).toMatchObject([{ entityId: '2027', after: null, before: { holidays: ['2027-01-01'] } }]);
  });

  it('warns of next year only from October, and of the current year always', async () => {
    calendarClock.today = () => '2026-09-30';
    expect((await officer.get('/api/calendar')).json().missing).toEqual([]);
    calendarClock.today = () => '2026-10-01';
    expect((await officer.get('/api/calendar')).json().missing).toEqual([2027]);
    calendarClock.today = () => '2027-03-01';
    expect((await officer.get('/api/calendar')).json().missing).toEqual([2027]);
  });

  it('refuses bad entries with a bilingual 400 and stores and audits nothing', async () => {
    const before = await stored();
    const auditsBefore = (await audits('calendar.year.put')).length;
    const fixture = FICTIONAL_2027;
    const refused: [unknown, string][] = [
      [{ ...fixture, holidays: ['2026-12-31', ...fixture.holidays] }, 'holidays.0'], // not in the year
      [{ ...fixture, holidays: ['2027-02-29'] }, 'holidays.0'], // no such day
      [{ ...fixture, holidays: ['2027-01-01', '2027-01-01'] }, 'holidays.1'], // twice
      [{ ...fixture, workdays: ['2027-01-08'] }, 'workdays.0'], // both a day off and worked
      [{ ...fixture, workdays: ['2027-01-13'] }, 'workdays.0'], // a Wednesday "make-up" day
      [{ ...fixture, holidays: [] }, 'holidays'],
      [{ ...fixture, holidays: ['2027/01/01'] }, 'holidays.0'],
      [{ ...fixture, noticeNumber: '  ' }, 'noticeNumber'],
      [{ ...fixture, extra: 1 }, 'extra'],
      [{ holidays: fixture.holidays, workdays: [] }, 'noticeTitle'],
    ];
    for (const [body, field] of refused) {
      const res = await put(admin, 2027, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(
        res.json().error.details.map((d: { field: string }) => d.field),
        JSON.stringify(body),
      ).toContain(field);
    }
    const zh = await put(admin, 2027, { ...fixture, workdays: ['2027-01-13'] });
    expect(zh.json().error.details[0].message).toContain('不是周六或周日');
    const en = await put(admin, 2027, { ...fixture, workdays: ['2027-01-13'] }, 'en');
    expect(en.json().error.details[0].message).toContain('not a Saturday or Sunday');
    expect((await put(admin, 1999, fixture)).statusCode).toBe(400);
    expect((await put(admin, 2101, fixture)).statusCode).toBe(400);
    expect(await stored()).toEqual(before);
    expect((await audits('calendar.year.put')).length).toBe(auditsBefore);
    expect(hasCalendar(2027)).toBe(false);
  });

  it('lets staff read and only the platform administrator write', async () => {
    for (const who of [officer, streetOfficer]) {
      expect((await who.get('/api/calendar')).statusCode).toBe(200);
      expect((await put(who, 2027, FICTIONAL_2027)).statusCode).toBe(403);
      expect((await who.del(url(2027))).statusCode).toBe(403);
    }
    for (const who of [auditAdmin, enterpriseUser]) {
      expect((await who.get('/api/calendar')).statusCode).toBe(403);
      expect((await put(who, 2027, FICTIONAL_2027)).statusCode).toBe(403);
    }
    expect(await stored()).toEqual({ years: [], days: [] });
  });

  it('replaces a package year only when confirmed, and shows where the two differ', async () => {
    const pkg = (await admin.get(url(2025))).json();
    expect(pkg).toMatchObject({ year: 2025, inEffect: 'package', supplement: null, differences: null });
    expect(pkg.package.holidays).toContain('2025-10-01');
    // An invented amendment: 2025-10-09 also off, 2025-10-11 no longer worked.
    const amended = {
      noticeTitle: '测试用虚构调整通知',
      noticeNumber: '测试〔2099〕3号',
      holidays: [...pkg.package.holidays, '2025-10-09'],
      workdays: pkg.package.workdays.filter((d: string) => d !== '2025-10-11'),
    };
    const unconfirmed = await put(admin, 2025, amended);
    expect(unconfirmed.statusCode).toBe(400);
    expect(unconfirmed.json().error.details).toEqual([{ field: 'replacesPackage', message: expect.stringContaining('chinese-days') }]);
    expect(isWorkday('2025-10-09')).toBe(true);

    const confirmed = await put(admin, 2025, { ...amended, replacesPackage: true });
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    expect(confirmed.json()).toMatchObject({
      inEffect: 'supplement',
      differences: {
        holidays: { onlyPackage: [], onlySupplement: ['2025-10-09'] },
        workdays: { onlyPackage: ['2025-10-11'], onlySupplement: [] },
      },
    });
    expect(isWorkday('2025-10-09')).toBe(false);
    expect(isWorkday('2025-10-11')).toBe(false);
    const listed = (await officer.get('/api/calendar')).json().years.find((y: { year: number }) => y.year === 2025);
    expect(listed).toMatchObject({ inEffect: 'supplement', inPackage: true, differsFromPackage: true });
    // Removing it hands the year back to the package.
    expect((await admin.del(url(2025))).statusCode).toBe(200);
    expect(isWorkday('2025-10-09')).toBe(true);
    expect((await admin.get(url(2025))).json().inEffect).toBe('package');
  });
});

describe('calendar supplement storage', () => {
  it('holds the certain rules in the database too', async () => {
    const db = t.database.db;
    await db.insert(calendarSupplementYears).values({ year: 2031, noticeTitle: 't', noticeNumber: 'n', updatedByName: 'test' });
    const bad = [
      { date: '2031-03-05', year: 2031, kind: 'workday' as const }, // a Wednesday
      { date: '2030-12-31', year: 2031, kind: 'holiday' as const }, // another year
      { date: '2031-03-08', year: 2031, kind: 'maybe' as never },
    ];
    for (const row of bad) await expect(db.insert(calendarSupplementDays).values(row)).rejects.toThrow();
    await db.insert(calendarSupplementDays).values({ date: '2031-03-08', year: 2031, kind: 'workday' });
    await expect(db.insert(calendarSupplementDays).values({ date: '2031-03-08', year: 2031, kind: 'holiday' })).rejects.toThrow();
    await expect(
      db.insert(calendarSupplementYears).values({ year: 1999, noticeTitle: 't', noticeNumber: 'n', updatedByName: 'x' }),
    ).rejects.toThrow();
  });

  it('leaves out a stored year that no longer passes (no day off left), with a message, rather than count with it', async () => {
    const db = t.database.db;
    await db.insert(calendarSupplementYears).values({ year: 2031, noticeTitle: 't', noticeNumber: 'n', updatedByName: 'test' });
    await db.insert(calendarSupplementDays).values({ date: '2031-03-08', year: 2031, kind: 'workday' });
    const log: string[] = [];
    expect(await loadCalendarSupplement(db, (m) => log.push(m))).toEqual([]);
    expect(hasCalendar(2031)).toBe(false);
    expect(log[0]).toContain('2031 left out');
  });

  it("picks up another instance's write with the periodic re-read", async () => {
    const db = t.database.db;
    const refresh = startCalendarRefresh(db, { intervalMs: 20 });
    try {
      // Written straight to the database, as another instance would.
      await db.insert(calendarSupplementYears).values({ year: 2031, noticeTitle: 't', noticeNumber: 'n', updatedByName: 'elsewhere' });
      await db.insert(calendarSupplementDays).values({ date: '2031-01-01', year: 2031, kind: 'holiday' });
      await expect.poll(() => hasCalendar(2031), { timeout: 5000, interval: 20 }).toBe(true);
      await db.delete(calendarSupplementYears).where(eq(calendarSupplementYears.year, 2031));
      await expect.poll(() => hasCalendar(2031), { timeout: 5000, interval: 20 }).toBe(false);
    } finally {
      refresh.stop();
    }
  });
});

describe('cli calendar-import', () => {
  it('enters a year from CSV, audited as the CLI, and lists it', async () => {
    const csv = [
      '# 标题：测试用虚构节假日安排',
      '# 文号：测试〔2099〕4号',
      'date,kind',
      '2027-01-01,休',
      '2027-01-04,休',
      '2027-01-09,班',
    ].join('\n');
    const y = await importCalendarFile(t.database.db, csv, '2027.csv', { replacesPackage: false, by: 'cli:tester' });
    expect(y).toMatchObject({
      year: 2027,
      updatedBy: null,
      updatedByName: 'cli:tester',
      holidays: ['2027-01-01', '2027-01-04'],
      workdays: ['2027-01-09'],
    });
    expect(isWorkday('2027-01-04')).toBe(false);
    expect((await audits('calendar.year.put')).at(-1)).toMatchObject({ actorId: null, ip: 'cli', entityId: '2027' });
    calendarClock.today = () => '2026-12-02';
    expect((await listCalendar(t.database.db))[0]).toMatch(/^2027 {2}supplement: 测试〔2099〕4号 \(cli:tester/);
  });

  it('refuses a bad file with every date at fault, and stores nothing', async () => {
    const json = JSON.stringify({ ...FICTIONAL_2027, year: 2027, workdays: ['2027-01-13', '2027-01-01'] });
    await expect(importCalendarFile(t.database.db, json, '2027.json', { replacesPackage: false, by: 'cli:tester' })).rejects.toThrow(
      /workdays\.0: .*不是周六或周日[\s\S]*workdays\.1: .*既是放假日又是调休上班日/,
    );
    await expect(
      importCalendarFile(t.database.db, '2027-01-01,holiday\n2028-01-03,holiday', 'x.csv', { replacesPackage: false, by: 'x' }),
    ).rejects.toThrow(/--year/);
    expect(await stored()).toEqual({ years: [], days: [] });
  });
});
