// Small display helpers shared by the check screens.
import { checkTaskStateLabels, responsibleLevelLabels, type CheckTask } from '@anjian/contracts';

/** Today as a China calendar date, whatever the device's time zone (the server decides what is due). */
export function cstToday(): string {
  return new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
}

export const stateColour: Record<CheckTask['state'], string> = { pending: 'processing', done: 'success', missed: 'error' };
export { checkTaskStateLabels, responsibleLevelLabels };

export function periodText(task: Pick<CheckTask, 'periodStart' | 'dueDate'>): string {
  return task.periodStart === task.dueDate ? task.dueDate : `${task.periodStart} ~ ${task.dueDate}`;
}
