// Occupational-health rules: the targets of seed 002 line 268 (申报 98%, 检测 85%, 防护用品 95%, 分类分级 80%) and seed
// 004 line 87 (申报 85%, 检测 60%, 在岗体检 70%) at their boundaries, annual detection due dates, and the counted flags.
import { describe, expect, it } from 'vitest';
import { detectionDue, flagsOf, meets, rate, targetsFor } from './occupational-health.rules';

const target = (set: string, indicator: string) => targetsFor(set).find((t) => t.indicator === indicator)!;

describe('targets (L: configuration with the seeds as defaults)', () => {
  it('seed 002 line 268: 98 / 85 / 95 / 80 %, detection, equipment and grading over key-sector enterprises', () => {
    expect(targetsFor('seed002').map((t) => [t.indicator, t.population, t.target])).toEqual([
      ['declaration', 'all', 0.98],
      ['detection', 'key', 0.85],
      ['ppe', 'key', 0.95],
      ['grading', 'key', 0.8],
    ]);
  });
  it('seed 004 line 87: 85 / 60 / 70 %, the check-up over exposed workers; the default adds it to seed 002', () => {
    expect(targetsFor('seed004').map((t) => [t.indicator, t.population, t.target])).toEqual([
      ['declaration', 'all', 0.85],
      ['detection', 'all', 0.6],
      ['checkup', 'workers', 0.7],
    ]);
    expect(targetsFor(undefined).map((t) => t.indicator)).toEqual(['declaration', 'detection', 'ppe', 'grading', 'checkup']);
    expect(targetsFor('unknown')).toEqual(targetsFor('default'));
  });
  it('met exactly at the target, not one short; no denominator measures nothing', () => {
    expect(meets(98, 100, target('seed002', 'declaration').target)).toBe(true);
    expect(meets(97, 100, 0.98)).toBe(false);
    expect(meets(49, 50, 0.98)).toBe(true);
    expect(meets(17, 20, target('seed002', 'detection').target)).toBe(true);
    expect(meets(16, 20, 0.85)).toBe(false);
    expect(meets(19, 20, target('seed002', 'ppe').target)).toBe(true);
    expect(meets(4, 5, target('seed002', 'grading').target)).toBe(true);
    expect(meets(3, 5, target('seed004', 'detection').target)).toBe(true);
    expect(meets(7, 10, target('seed004', 'checkup').target)).toBe(true);
    expect(meets(69, 100, 0.7)).toBe(false);
    expect(meets(0, 0, 0.7)).toBeNull();
    expect(rate(2, 3)).toBe(0.6667);
    expect(rate(1, 0)).toBeNull();
  });
});

describe('detection due dates and counted flags', () => {
  it('annual detection: due a year after the last, the month end kept', () => {
    expect(detectionDue('2025-03-15')).toBe('2026-03-15');
    expect(detectionDue('2024-02-29')).toBe('2025-02-28');
  });
  it('a detection counts until the day before its due date; lapsesOn names that day', () => {
    const p = { declaredOn: '2025-01-10', lastDetectionOn: '2025-03-15', lastPpeOn: null, grade: null };
    expect(flagsOf(p, [], '2026-03-14')).toMatchObject({ declared: true, detected: true, ppe: false, lapsesOn: '2026-03-15' });
    expect(flagsOf(p, [], '2026-03-15')).toMatchObject({ detected: false, lapsesOn: null });
  });
  it('exposed workers: those not yet left; checked: a periodic check within a year', () => {
    const p = { declaredOn: null, lastDetectionOn: null, lastPpeOn: null, grade: 'general' };
    const workers = [
      { leftOn: null, employedFrom: '2020-01-01', lastPeriodicOn: '2025-06-01' },
      { leftOn: null, employedFrom: '2020-01-01', lastPeriodicOn: '2024-06-01' },
      { leftOn: '2025-12-31', employedFrom: '2020-01-01', lastPeriodicOn: '2025-06-01' },
    ];
    expect(flagsOf(p, workers, '2026-01-05')).toMatchObject({ graded: true, exposedWorkers: 2, workersChecked: 1, lapsesOn: '2026-06-01' });
  });
});
