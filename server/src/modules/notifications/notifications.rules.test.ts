// Deadline reminders count official working days (国务院办公厅 2026 holiday notice via chinese-days): a deadline
// just after the National Day holiday is reminded three working days before, before the holiday began.
import { describe, expect, it } from 'vitest';
import { deadlineWindow, hazardDeadlineRules, shiftWorkdays } from './notifications.rules';

describe('working-day deadline windows', () => {
  it('shifts across weekends both ways', () => {
    expect(shiftWorkdays('2026-03-09', -1)).toBe('2026-03-06'); // Monday → Friday
    expect(shiftWorkdays('2026-03-06', 3)).toBe('2026-03-11');
  });

  it('reminds before the National Day holiday for a deadline just after it', () => {
    // 2026: 1–7 October off, Saturday 10 October a make-up working day: 8, 9, 10 are the three working days.
    const deadline = shiftWorkdays('2026-09-30', 3);
    expect(deadline).toBe('2026-10-10');
    const remindOn = shiftWorkdays(deadline, -3);
    expect(remindOn).toBe('2026-09-30');
    const w = deadlineWindow('2026-09-30', -3)!;
    expect(deadline > w.after && deadline <= w.upTo).toBe(true);
    // On a holiday no rule fires; the next working day does not fire it again.
    expect(deadlineWindow('2026-10-02', -3)).toBeNull();
    const next = shiftWorkdays('2026-09-30', 1);
    const w2 = deadlineWindow(next, -3)!;
    expect(deadline > w2.after && deadline <= w2.upTo).toBe(false);
  });

  it('fires each rule once for a deadline on a weekend: on the next working day', () => {
    const saturday = '2026-03-14';
    const onDay = hazardDeadlineRules.find((r) => r.offsetWorkdays === 0)!;
    const monday = deadlineWindow('2026-03-16', onDay.offsetWorkdays)!;
    expect(saturday > monday.after && saturday <= monday.upTo).toBe(true);
    const friday = deadlineWindow('2026-03-13', onDay.offsetWorkdays)!;
    expect(saturday > friday.after && saturday <= friday.upTo).toBe(false);
  });

  it('escalates three working days after the deadline, not three calendar days', () => {
    const w = deadlineWindow('2026-03-18', 3)!; // Wednesday: deadline Friday 13th + 3 working days (16, 17, 18)
    expect(w.upTo).toBe('2026-03-13');
  });
});
