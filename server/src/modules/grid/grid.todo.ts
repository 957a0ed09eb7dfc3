// The workbench's 网格巡查 items for a grid inspector: the grid's units never visited, and those whose next visit is
// overdue or due within grid.rules' dueSoonDays, as 我的网格单位 marks them — each linking to its visit form. A unit
// never visited is due today: the patrol frequency counts from a first visit it has not had.
import { can, workbenchTodoLimit, type WorkbenchTodo } from '@anjian/contracts';
import type { Actor } from '../../platform/actor';
import type { DbOrTx } from '../../platform/db';
import { addDays } from '../../platform/time';
import { findUnitsDueBy } from './grid.queries';
import { defaultGridFrequency, nextDueOn, type GridFrequency } from './grid.rules';

export async function gridVisitTodo(
  db: DbOrTx,
  actor: Actor,
  today: string,
  dueStateOf: (due: string | null, today: string) => WorkbenchTodo['dueState'],
  f: GridFrequency = defaultGridFrequency,
): Promise<WorkbenchTodo[]> {
  if (!can(actor.role, 'grid.patrol')) return [];
  const units = await findUnitsDueBy(db, actor, addDays(today, f.dueSoonDays), workbenchTodoLimit + 1, f);
  return units.map((u) => {
    const due = nextDueOn(u.lastVisitedOn, u, f) ?? today;
    return {
      kind: 'grid_visit' as const,
      id: u.enterpriseId,
      title: u.name,
      enterpriseName: null, // the title is the unit's name already
      step: u.lastVisitedOn
        ? { zh: `上次巡查 ${u.lastVisitedOn}`, en: `Last visited ${u.lastVisitedOn}` }
        : { zh: '从未巡查', en: 'Never visited' },
      due,
      dueState: dueStateOf(due, today),
      link: `/grid/visit/${u.enterpriseId}`,
    };
  });
}
