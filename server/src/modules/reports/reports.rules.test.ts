// 举报 time limits (rules.md §8 "Processing time limits": acceptance, 60 days from acceptance, one extension of ≤ 30
// days) on the official calendar, and the routing rule choice (issue 15 item 3).
import { describe, expect, it } from 'vitest';
import { acceptDueOf, currentDue, daysLeft, extendedDue, extensionRefusal, handleDueOf, reportLimits } from './reports.rules';
import { chooseRule, prefixesOf, routeOf, type RoutingRule } from './routing/routing.rules';

describe('time limits across the National Day holiday 2026 (rules.md §8, platform/calendar.ts)', () => {
  it('counts acceptance in working days: Oct 1–7 off, Saturday Oct 10 a make-up working day', () => {
    // received 9-30 (Wed): 10-08, 10-09, 10-10 (Sat, make-up), 10-12, 10-13
    expect(acceptDueOf('2026-09-30')).toBe('2026-10-13');
    // received 9-29: 9-30, 10-08, 10-09, 10-10, 10-12
    expect(acceptDueOf('2026-09-29')).toBe('2026-10-12');
    // received during the holiday: counting starts at 10-08, so the same day as a report of 9-30
    expect(acceptDueOf('2026-10-03')).toBe('2026-10-13');
  });

  it('counts handling in calendar days from acceptance (§8: within 60 days of acceptance)', () => {
    expect(handleDueOf('2026-10-08')).toBe('2026-12-07');
    expect(reportLimits.handle).toEqual({ n: 60, unit: 'calendar' });
  });
});

describe('extension (§8: once, by at most 30 days)', () => {
  const handling = { status: 'handling', handleDue: '2026-12-07', extensions: 0 };
  it('allows 1 to 30 days while accepted or handling', () => {
    expect(extensionRefusal(handling, 30)).toBeNull();
    expect(extensionRefusal(handling, 1)).toBeNull();
    expect(extensionRefusal({ ...handling, status: 'accepted' }, 30)).toBeNull();
    expect(extendedDue('2026-12-07', 30)).toBe('2027-01-06');
  });
  it('refuses 0 and 31 days, a second extension, and a report not being handled', () => {
    expect(extensionRefusal(handling, 31)).toBe('days');
    expect(extensionRefusal(handling, 0)).toBe('days');
    expect(extensionRefusal({ ...handling, extensions: 1 }, 10)).toBe('used');
    expect(extensionRefusal({ status: 'received', handleDue: null, extensions: 0 }, 10)).toBe('state');
    expect(extensionRefusal({ ...handling, status: 'replied' }, 10)).toBe('state');
  });
});

describe('the running deadline', () => {
  it('is acceptance while received, handling while handled, none after a reply', () => {
    const r = { status: 'received', acceptDue: '2026-10-13', handleDue: null };
    expect(currentDue(r)).toBe('2026-10-13');
    expect(daysLeft(r, '2026-10-13')).toBe(0);
    expect(daysLeft(r, '2026-10-15')).toBe(-2);
    expect(daysLeft({ ...r, status: 'handling', handleDue: '2026-12-07' }, '2026-12-01')).toBe(6);
    expect(daysLeft({ ...r, status: 'replied' }, '2026-12-01')).toBeNull();
  });
});

describe('routing rules (configuration): the most specific active rule wins; none = the location’s area', () => {
  const at = new Date('2026-01-01T00:00:00Z');
  const rule = (o: Partial<RoutingRule>): RoutingRule => ({
    id: o.id ?? 'r',
    areaPrefix: '440307',
    category: null,
    targetAreaCode: '440307',
    targetSector: null,
    targetParkId: null,
    priority: 0,
    active: true,
    createdAt: at,
    ...o,
  });
  const district = rule({ id: 'district-chem', targetSector: 'hazardous_chemicals', category: 'illegal_production' });
  const street = rule({ id: 'street', areaPrefix: '440307001', targetAreaCode: '440307001' });
  const park = rule({ id: 'park', areaPrefix: '440307001', category: 'hidden_danger', targetAreaCode: '440307001', targetParkId: 'p1' });
  const rules = [district, street, park];

  it('prefers the longer prefix, then a category rule', () => {
    expect(chooseRule(rules, '440307001001', 'hidden_danger')?.id).toBe('park');
    expect(chooseRule(rules, '440307001001', 'other')?.id).toBe('street');
    expect(chooseRule(rules, '440307002', 'illegal_production')?.id).toBe('district-chem');
  });
  it('falls back to the default route when no rule matches or the rule is retired', () => {
    expect(chooseRule(rules, '440307002', 'other')).toBeNull();
    expect(routeOf(null, '440307002')).toEqual({ areaCode: '440307002', sector: null, parkId: null, ruleId: null });
    expect(chooseRule([{ ...street, active: false }], '440307001', 'other')).toBeNull();
  });
  it('breaks ties by priority', () => {
    const hi = rule({ id: 'hi', priority: 5, targetAreaCode: '440307003' });
    expect(chooseRule([rule({ id: 'lo' }), hi], '440307003', 'other')?.id).toBe('hi');
    expect(routeOf(hi, '440307003')).toMatchObject({ areaCode: '440307003', ruleId: 'hi' });
  });
  it('looks rules up by every prefix of the area code', () => {
    expect(prefixesOf('440307')).toEqual(['44', '440', '4403', '44030', '440307']);
  });
});
