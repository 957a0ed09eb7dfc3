// Due states on the official working-day calendar (国办发明电〔2024〕12号: 2025-10-01..08 off, 09-28 and 10-11 worked).
import { describe, expect, it } from 'vitest';
import { dueStateOf } from './workbench.due';

describe('dueStateOf', () => {
  it('orders past, today, within 3 working days, later and no deadline', () => {
    expect(dueStateOf('2025-06-02', '2025-06-03')).toBe('overdue');
    expect(dueStateOf('2025-06-03', '2025-06-03')).toBe('today');
    expect(dueStateOf('2025-06-06', '2025-06-03')).toBe('soon'); // Tue → Fri: 3 working days
    expect(dueStateOf('2025-06-09', '2025-06-03')).toBe('later'); // the Monday after is the 4th
    expect(dueStateOf(null, '2025-06-03')).toBe('none');
  });

  it('counts the National Day holiday out: 9 calendar days can still be soon', () => {
    // From Tue 09-30: 10-01..10-08 are off, 10-09 and 10-10 are the 1st and 2nd working days.
    expect(dueStateOf('2025-10-10', '2025-09-30')).toBe('soon');
    // Sat 10-11 is a make-up working day (3rd), so Monday 10-13 is the 4th.
    expect(dueStateOf('2025-10-11', '2025-09-30')).toBe('soon');
    expect(dueStateOf('2025-10-13', '2025-09-30')).toBe('later');
  });
});
