// The workbench (工作台): what the caller must do today and the few figures of their scope that matter.
import { z } from 'zod';
import { safeString } from '../input';
import type { Bilingual } from '../errors';

export const workbenchTodoKinds = [
  'hazard_rectify',
  'hazard_accept',
  'hazard_assign',
  'hazard_follow_up',
  'check_task',
  'inspection',
  'reinspection',
  'case_step',
  'work_report',
  'work_accept',
  'grid_visit',
] as const;
export type WorkbenchTodoKind = (typeof workbenchTodoKinds)[number];

export const workbenchTodoLabels: Record<WorkbenchTodoKind, Bilingual> = {
  hazard_rectify: { zh: '隐患待整改', en: 'Hidden danger to rectify' },
  hazard_accept: { zh: '隐患待验收', en: 'Hidden danger to accept' },
  hazard_assign: { zh: '隐患待下达整改', en: 'Hidden danger awaiting a rectification order' },
  hazard_follow_up: { zh: '网格内隐患跟进', en: 'Hidden danger in my grid to follow up' },
  check_task: { zh: '排查任务', en: 'Check task' },
  inspection: { zh: '执法检查', en: 'Inspection' },
  reinspection: { zh: '整改复查', en: 'Re-inspection' },
  case_step: { zh: '处罚案件待办', en: 'Penalty case step' },
  work_report: { zh: '工作任务月度进展待报送', en: 'Monthly progress report to file' },
  work_accept: { zh: '工作任务待验收', en: 'Work task to accept' },
  grid_visit: { zh: '网格巡查到期', en: 'Grid visit due' },
};

/** overdue: past its deadline; today: due today; soon: within the next 3 working days; later; none: no deadline. */
export const dueStates = ['overdue', 'today', 'soon', 'later', 'none'] as const;
export type DueState = (typeof dueStates)[number];

/** How many items of each kind the workbench lists, most pressing first; `todoMore` names the kinds that have more. */
export const workbenchTodoLimit = 20;

export const workbenchTodo = z.object({
  kind: z.enum(workbenchTodoKinds),
  id: safeString(),
  title: safeString(),
  enterpriseName: safeString().nullable(),
  /** The step or state the item waits in (a label, already translated on both sides). */
  step: z.object({ zh: safeString(), en: safeString() }).nullable(),
  due: safeString().nullable(),
  dueState: z.enum(dueStates),
  link: safeString(),
});
export type WorkbenchTodo = z.infer<typeof workbenchTodo>;

export const workbenchFigureKeys = [
  'openHazards',
  'openMajorHazards',
  'overdueHazards',
  'awaitingAcceptance',
  'inspectionsThisMonth',
  'casesPastLimit',
  'missedCheckTasks',
  'accidentsThisYear',
  'deathsThisYear',
  'checkTasksDue',
  'checksDoneThisMonth',
  'enterprisesInScope',
] as const;
export type WorkbenchFigureKey = (typeof workbenchFigureKeys)[number];

export const workbenchFigureLabels: Record<WorkbenchFigureKey, Bilingual> = {
  openHazards: { zh: '未闭环隐患', en: 'Open hidden dangers' },
  openMajorHazards: { zh: '未闭环重大隐患', en: 'Open major hidden dangers' },
  overdueHazards: { zh: '逾期未整改', en: 'Overdue rectifications' },
  awaitingAcceptance: { zh: '待验收隐患', en: 'Awaiting acceptance' },
  inspectionsThisMonth: { zh: '本月执法检查', en: 'Inspections this month' },
  casesPastLimit: { zh: '超期未决案件', en: 'Cases past their limit' },
  missedCheckTasks: { zh: '近30日漏查任务', en: 'Check tasks missed (30 days)' },
  accidentsThisYear: { zh: '本年事故起数', en: 'Accidents this year' },
  deathsThisYear: { zh: '本年死亡人数', en: 'Deaths this year' },
  checkTasksDue: { zh: '7日内到期排查任务', en: 'Check tasks due in 7 days' },
  checksDoneThisMonth: { zh: '本月完成排查', en: 'Checks done this month' },
  enterprisesInScope: { zh: '辖区企业', en: 'Enterprises in scope' },
};

/** What `previous` and `target` mean for a figure: the same period last year, and the ceiling allowed so far. */
export const workbenchFigure = z.object({
  key: z.enum(workbenchFigureKeys),
  value: z.number(),
  /** The same period a year earlier (accidents, deaths, inspections), else null. */
  previous: z.number().nullable(),
  /** A ceiling (deaths allowed by the year's target) or plan, else null. */
  target: z.number().nullable(),
  /** The figure needs attention (overdue items, above target or plan pace). */
  alarm: z.boolean(),
  link: safeString().nullable(),
});
export type WorkbenchFigure = z.infer<typeof workbenchFigure>;

export const workbenchBreakdownRow = z.object({
  areaCode: safeString(),
  name: safeString(),
  open: z.number().int(),
  overdue: z.number().int(),
});

export const workbenchResponse = z.object({
  today: safeString(),
  todo: z.array(workbenchTodo),
  /** Counted over the listed items: a kind in `todoMore` has more than it lists. */
  todoCounts: z.object({ total: z.number().int(), overdue: z.number().int(), dueSoon: z.number().int() }),
  /** The kinds with more open items than the workbench lists, each with the list that holds them all. */
  todoMore: z.array(z.object({ kind: z.enum(workbenchTodoKinds), link: safeString() })),
  figures: z.array(workbenchFigure),
  /** Open and overdue hidden dangers one area level down (a street by community), or null. */
  breakdown: z.array(workbenchBreakdownRow).nullable(),
});
export type WorkbenchResponse = z.infer<typeof workbenchResponse>;
