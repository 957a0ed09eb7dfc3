import { describe, expect, it } from 'vitest';
import { addressOf, boardStateOf } from './boardState';

describe('the supervision board in the address', () => {
  it("reads the workbench's links and writes a state back the same", () => {
    expect(boardStateOf(new URLSearchParams('tab=overdue&grade=major'))).toEqual({
      tab: 'overdue',
      filters: { grade: 'major' },
      page: { page: 1, pageSize: 20 },
    });
    const params = new URLSearchParams('tab=rectifying&q=消防&sector=machinery&listed=true&page=2&pageSize=50');
    const state = boardStateOf(params);
    expect(state).toEqual({
      tab: 'rectifying',
      filters: { q: '消防', sector: 'machinery', listed: true },
      page: { page: 2, pageSize: 50 },
    });
    expect(Object.fromEntries(addressOf(state))).toEqual(Object.fromEntries(params));
  });

  it('drops a bad value alone and leaves the defaults out', () => {
    const state = boardStateOf(new URLSearchParams('tab=nonsense&grade=huge&q=消防&page=0'));
    expect(state).toEqual({ tab: 'all', filters: { q: '消防' }, page: { page: 1, pageSize: 20 } });
    expect(addressOf(state).toString()).toBe(new URLSearchParams('q=消防').toString());
  });
});
