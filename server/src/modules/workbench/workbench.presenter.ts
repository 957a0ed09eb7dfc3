// The workbench answer: items most urgent first (each kind's first few, workbench.todo.ts), with the counts the
// header shows and the kinds that have more.
import type { WorkbenchFigure, WorkbenchResponse } from '@anjian/contracts';
import type { TodoAnswer } from './workbench.todo';

export function presentWorkbench(o: {
  today: string;
  todo: TodoAnswer;
  figures: WorkbenchFigure[];
  breakdown: WorkbenchResponse['breakdown'];
}): WorkbenchResponse {
  return {
    today: o.today,
    todo: o.todo.items,
    todoCounts: {
      total: o.todo.items.length,
      overdue: o.todo.items.filter((t) => t.dueState === 'overdue').length,
      dueSoon: o.todo.items.filter((t) => t.dueState === 'today' || t.dueState === 'soon').length,
    },
    todoMore: o.todo.more,
    figures: o.figures,
    breakdown: o.breakdown,
  };
}
