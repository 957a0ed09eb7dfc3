// The workbench answer: items most urgent first (capped per kind by the queries), with the counts the header shows.
import type { WorkbenchFigure, WorkbenchResponse, WorkbenchTodo } from '@anjian/contracts';

export function presentWorkbench(o: {
  today: string;
  todo: WorkbenchTodo[];
  figures: WorkbenchFigure[];
  breakdown: WorkbenchResponse['breakdown'];
}): WorkbenchResponse {
  return {
    today: o.today,
    todo: o.todo,
    todoCounts: {
      total: o.todo.length,
      overdue: o.todo.filter((t) => t.dueState === 'overdue').length,
      dueSoon: o.todo.filter((t) => t.dueState === 'today' || t.dueState === 'soon').length,
    },
    figures: o.figures,
    breakdown: o.breakdown,
  };
}
