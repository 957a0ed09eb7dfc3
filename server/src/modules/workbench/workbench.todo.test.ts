// The workbench lists each kind's first items in the order its query read them, and names the kinds that had more.
import { describe, expect, it } from 'vitest';
import type { WorkbenchTodo } from '@anjian/contracts';
import { firstOfEachKind } from './workbench.todo';

const item = (kind: WorkbenchTodo['kind'], id: string): WorkbenchTodo => ({
  kind,
  id,
  title: id,
  enterpriseName: null,
  step: null,
  due: null,
  dueState: 'none',
  link: `/x/${id}`,
});

describe('firstOfEachKind', () => {
  it('keeps the first items of each kind in their order and names the kinds cut short, with their full list', () => {
    const items = [item('hazard_accept', 'a1'), item('inspection', 'i1'), item('hazard_accept', 'a2'), item('hazard_accept', 'a3')];
    expect(firstOfEachKind(items, 2)).toEqual({
      items: [item('hazard_accept', 'a1'), item('inspection', 'i1'), item('hazard_accept', 'a2')],
      more: [{ kind: 'hazard_accept', link: '/hazards?tab=awaiting_acceptance' }],
    });
  });

  it('names no kind when each has at most the limit', () => {
    const items = [item('grid_visit', 'g1'), item('grid_visit', 'g2'), item('case_step', 'c1')];
    expect(firstOfEachKind(items, 2)).toEqual({ items, more: [] });
  });
});
