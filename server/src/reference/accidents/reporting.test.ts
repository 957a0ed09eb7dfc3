// Sources: 国务院令第493号 第九条 (1 hour), 第十条 (levels reached), 第十一条 (2 hours per level),
// 第十三条 (补报 within 30 days; 7 for 道路交通 and 火灾) — docs/rules.md §2.2, H.
import { describe, expect, it } from 'vitest';
import { canRegrade, classifyReports, regradeFromHistory, reportingChain, supplementaryWindowLastDay } from './reporting';

// 10:00 on 1 March 2026 in China.
const occurredAt = new Date('2026-03-01T10:00:00+08:00');
const at = (iso: string) => new Date(`${iso}+08:00`);

describe('第十条: which departments a report must reach', () => {
  it('一般 → 设区的市, 较大 → 省, 重大 and 特别重大 → 国务院 department', () => {
    expect(reportingChain('general')).toEqual(['county', 'city']);
    expect(reportingChain('larger')).toEqual(['county', 'city', 'province']);
    expect(reportingChain('major')).toEqual(['county', 'city', 'province', 'state_council']);
    expect(reportingChain('especially_major')).toEqual(['county', 'city', 'province', 'state_council']);
  });
});

describe('第九条 and 第十一条: report deadlines and timeliness', () => {
  it('gives the unit 1 hour and each level 2 hours after it received the report', () => {
    const s = classifyReports('larger', { occurredAt, receivedAt: { county: at('2026-03-01T10:40:00') } }, at('2026-03-01T11:00:00'));
    expect(s.map((x) => [x.tier, x.due.toISOString(), x.timeliness])).toEqual([
      ['county', '2026-03-01T03:00:00.000Z', 'on_time'], // 11:00 CST
      ['city', '2026-03-01T04:40:00.000Z', 'pending'], // 10:40 + 2 h
      ['province', '2026-03-01T06:40:00.000Z', 'pending'], // then + 2 h from the city's due time
    ]);
  });
  it('counts exactly 1 hour as on time and one minute more as 迟报', () => {
    const onTime = classifyReports('general', { occurredAt, receivedAt: { county: at('2026-03-01T11:00:00') } }, at('2026-03-01T11:00:00'));
    const late = classifyReports('general', { occurredAt, receivedAt: { county: at('2026-03-01T11:01:00') } }, at('2026-03-01T11:01:00'));
    expect(onTime[0]?.timeliness).toBe('on_time');
    expect(late[0]?.timeliness).toBe('late');
  });
  it('starts the unit hour when the head was informed, if that is known', () => {
    const s = classifyReports(
      'general',
      { occurredAt, headInformedAt: at('2026-03-01T10:30:00'), receivedAt: { county: at('2026-03-01T11:20:00') } },
      at('2026-03-01T12:00:00'),
    );
    expect(s[0]?.timeliness).toBe('on_time');
  });
  it('runs the next 2 hours from the late receipt, and flags an overdue tier as missing', () => {
    const s = classifyReports(
      'larger',
      { occurredAt, receivedAt: { county: at('2026-03-01T12:00:00'), city: at('2026-03-01T13:30:00') } },
      at('2026-03-01T16:00:00'),
    );
    expect(s.map((x) => x.timeliness)).toEqual(['late', 'on_time', 'missing']);
    expect(s[2]?.due.toISOString()).toBe('2026-03-01T07:30:00.000Z'); // 13:30 + 2 h = 15:30 CST
  });
});

describe('第十三条: supplementary-report window', () => {
  it('runs 30 days after the accident day, 7 for road traffic and fire', () => {
    expect(supplementaryWindowLastDay({ occurredAt, category: 'industry_mining_commerce' })).toBe('2026-03-31');
    expect(supplementaryWindowLastDay({ occurredAt, category: 'road_traffic' })).toBe('2026-03-08');
    expect(supplementaryWindowLastDay({ occurredAt, category: 'fire' })).toBe('2026-03-08');
  });
  it('allows regrading on day 30 but not day 31', () => {
    const accident = { occurredAt, category: 'industry_mining_commerce' as const };
    expect(canRegrade(accident, at('2026-03-31T23:59:59'))).toBe(true);
    expect(canRegrade(accident, at('2026-04-01T00:00:00'))).toBe(false);
  });
  it('allows regrading on day 7 but not day 8 for road traffic and fire', () => {
    for (const category of ['road_traffic', 'fire'] as const) {
      expect(canRegrade({ occurredAt, category }, at('2026-03-08T12:00:00'))).toBe(true);
      expect(canRegrade({ occurredAt, category }, at('2026-03-09T00:00:00'))).toBe(false);
    }
  });
});

describe('第十三条: casualty changes and the level', () => {
  const first = { reportedAt: at('2026-03-01T10:50:00'), deaths: 2, seriousInjuries: 1, directLossWan: 300 };
  it('turns a 一般 accident into 较大 when a third death is reported on day 30', () => {
    const r = regradeFromHistory({ occurredAt, category: 'industry_mining_commerce' }, [
      first,
      { reportedAt: at('2026-03-31T09:00:00'), deaths: 3, seriousInjuries: 0, directLossWan: 300 },
    ]);
    expect(r).toMatchObject({ initialLevel: 'general', level: 'larger', changed: true, ignored: [] });
    expect(r.levelChanges).toEqual([{ at: at('2026-03-31T09:00:00'), from: 'general', to: 'larger' }]);
  });
  it('keeps it 一般 when the third death is on day 31', () => {
    const late = { reportedAt: at('2026-04-01T09:00:00'), deaths: 3, seriousInjuries: 0, directLossWan: 300 };
    const r = regradeFromHistory({ occurredAt, category: 'industry_mining_commerce' }, [first, late]);
    expect(r).toMatchObject({ level: 'general', changed: false, ignored: [late], effective: first });
  });
  it('uses the day the change happened, not the day it was reported', () => {
    const r = regradeFromHistory({ occurredAt, category: 'industry_mining_commerce' }, [
      first,
      { reportedAt: at('2026-04-02T09:00:00'), changedAt: at('2026-03-30T20:00:00'), deaths: 3, seriousInjuries: 0, directLossWan: 300 },
    ]);
    expect(r.level).toBe('larger');
  });
  it('applies the 7-day window to a road accident: day 7 regrades, day 8 does not', () => {
    const road = { occurredAt, category: 'road_traffic' as const };
    const day7 = { reportedAt: at('2026-03-08T18:00:00'), deaths: 3, seriousInjuries: 0, directLossWan: 300 };
    const day8 = { reportedAt: at('2026-03-09T08:00:00'), deaths: 3, seriousInjuries: 0, directLossWan: 300 };
    expect(regradeFromHistory(road, [first, day7]).level).toBe('larger');
    expect(regradeFromHistory(road, [first, day8]).level).toBe('general');
  });
  it('records a change that leaves the level alone, and a level that goes back down', () => {
    const r = regradeFromHistory({ occurredAt, category: 'fire' }, [
      first,
      { reportedAt: at('2026-03-02T09:00:00'), deaths: 3, seriousInjuries: 1, directLossWan: 300 },
      // one "dead" person was found alive: 第十三条 covers any change in 伤亡人数
      { reportedAt: at('2026-03-03T09:00:00'), deaths: 2, seriousInjuries: 2, directLossWan: 300 },
    ]);
    expect(r.levelChanges.map((c) => [c.from, c.to])).toEqual([
      ['general', 'larger'],
      ['larger', 'general'],
    ]);
    expect(r.changed).toBe(false);
  });
  it('sorts revisions by report time and needs at least the first report', () => {
    const later = { reportedAt: at('2026-03-05T09:00:00'), deaths: 3, seriousInjuries: 0, directLossWan: 0 };
    expect(regradeFromHistory({ occurredAt, category: 'other' }, [later, first]).initialLevel).toBe('general');
    expect(() => regradeFromHistory({ occurredAt, category: 'other' }, [])).toThrow(RangeError);
  });
});
