// The status of a risk event, as data: an open event is under control and counts towards the enterprise's colour;
// a closed one was eliminated (the activity stopped, the equipment removed) and no longer does. Only the
// close-event command writes the status column, through `nextStatus`.
import type { RiskEventStatus } from '@anjian/contracts';
import { AppError } from '../../platform/errors';

export type RiskEventAction = 'close' | 'reopen';

export const riskEventTransitions: Record<RiskEventAction, { from: RiskEventStatus; to: RiskEventStatus }> = {
  close: { from: 'open', to: 'closed' },
  reopen: { from: 'closed', to: 'open' },
};

export function availableEventActions(status: string): RiskEventAction[] {
  return (Object.keys(riskEventTransitions) as RiskEventAction[]).filter((a) => riskEventTransitions[a].from === status);
}

export function nextStatus(status: string, action: RiskEventAction): RiskEventStatus {
  const t = riskEventTransitions[action];
  if (t.from !== status) {
    throw new AppError('VALIDATION', [
      {
        field: 'status',
        zh: action === 'close' ? '该风险事件已消除' : '该风险事件未消除，无需恢复',
        en: action === 'close' ? 'This risk event is already closed' : 'This risk event is open: nothing to reopen',
      },
    ]);
  }
  return t.to;
}
