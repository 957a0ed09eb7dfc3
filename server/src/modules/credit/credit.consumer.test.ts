// Which events the relay queues for the credit consumer: a hidden danger's only by its report and a regrade, the steps
// that can change its entry (onHazard reads the grade); every event of the other sources as before.
import { describe, expect, it } from 'vitest';
import { creditConsumer } from './credit.consumer';

const accepts = (type: string, entityType: string) => creditConsumer.accepts!({ type, entityType });

describe('the credit consumer’s events', () => {
  it('takes a hidden danger’s report and regrade, and none of its other steps', () => {
    expect(accepts('hazard.report', 'hazard')).toBe(true);
    expect(accepts('hazard.regrade', 'hazard')).toBe(true);
    for (const step of [
      'assign',
      'start_rectification',
      'extend',
      'submit_for_acceptance',
      'accept',
      'reject',
      'fix_on_the_spot',
      'list',
      'delist',
    ])
      expect(accepts(`hazard.${step}`, 'hazard'), step).toBe(false);
  });

  it('still takes the other sources of entries', () => {
    expect(accepts('penalty_case.decide', 'penalty_case')).toBe(true);
    expect(accepts('accident.register', 'accident')).toBe(true);
    expect(accepts('report.verified', 'report')).toBe(true);
    expect(accepts('enterprise.update', 'enterprise')).toBe(false);
  });
});
