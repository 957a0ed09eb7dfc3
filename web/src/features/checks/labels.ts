// Small display helpers shared by the check screens.
import { checkTaskStateLabels, responsibleLevelLabels, type CheckTask } from '@anjian/contracts';

export const stateColour: Record<CheckTask['state'], string> = { pending: 'processing', done: 'success', missed: 'error' };
export { checkTaskStateLabels, responsibleLevelLabels };

export function periodText(task: Pick<CheckTask, 'periodStart' | 'dueDate'>): string {
  return task.periodStart === task.dueDate ? task.dueDate : `${task.periodStart} ~ ${task.dueDate}`;
}
