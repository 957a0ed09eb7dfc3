// Which events the relay queues for the notifications consumer: a hidden danger's report and the steps into a state
// someone must act on, not the steps after which nobody waits; the other sources as before.
import { describe, expect, it } from 'vitest';
import { notificationsConsumer } from './notifications.consumer';

const accepts = (type: string, entityType: string) => notificationsConsumer.accepts!({ type, entityType });

describe('the notifications consumer’s events', () => {
  it('takes a hidden danger’s report and the steps that leave someone waiting, not the closing or listing steps', () => {
    for (const step of ['report', 'start_rectification', 'extend_deadline', 'submit_for_acceptance', 'reject'])
      expect(accepts(`hazard.${step}`, 'hazard'), step).toBe(true);
    for (const step of ['accept', 'fix_on_the_spot', 'list', 'report_progress', 'delist', 'regrade'])
      expect(accepts(`hazard.${step}`, 'hazard'), step).toBe(false);
  });

  it('still takes the other sources of notices', () => {
    expect(accepts('penalty_case.file', 'penalty_case')).toBe(true);
    expect(accepts('inspection.plan', 'inspection')).toBe(true);
    expect(accepts('enterprise.update', 'enterprise')).toBe(false);
  });
});
