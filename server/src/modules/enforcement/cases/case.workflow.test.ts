// The penalty-case procedure as data, checked against an oracle written independently of case.workflow.ts:
// 行政处罚法 (2021) §44–§45 告知, §63–§65 听证 (a requested hearing is held before the decision), §58 法制审核 before the
// decision, §60 extensions before the decision, §67 payment or §72 enforcement after service, and change/revocation
// of a decision only once there is one.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { caseActions, caseStatuses, roles, can, type CaseAction, type CaseStatus, type Role } from '@anjian/contracts';
import type { Actor } from '../../../platform/actor';
import { AppError } from '../../../platform/errors';
import { availableCaseActions, caseWorkflow, checkCaseAction } from './case.workflow';

const oracle: Record<string, CaseStatus> = {
  'filed:investigate': 'investigating',
  'investigating:notify': 'notified',
  'notified:request_hearing': 'hearing_requested',
  'hearing_requested:schedule_hearing': 'hearing_scheduled',
  'hearing_scheduled:hold_hearing': 'heard',
  'notified:submit_review': 'legal_review',
  'heard:submit_review': 'legal_review',
  'legal_review:approve_review': 'reviewed',
  'reviewed:decide': 'decided',
  'decided:serve': 'served',
  'served:pay': 'paid',
  'enforced:pay': 'paid',
  'served:enforce': 'enforced',
  'paid:close': 'closed',
  'enforced:close': 'closed',
};
const beforeDecision: CaseStatus[] = [
  'filed',
  'investigating',
  'notified',
  'hearing_requested',
  'hearing_scheduled',
  'heard',
  'legal_review',
  'reviewed',
];
const afterDecision: CaseStatus[] = ['decided', 'served', 'paid', 'enforced', 'closed'];
const reviewerOnly: CaseAction[] = ['approve_review', 'decide', 'extend', 'change_decision'];

const actorOf = (role: Role): Actor => ({
  id: '00000000-0000-4000-8000-000000000001',
  username: role,
  displayName: role,
  role,
  orgId: null,
  orgName: null,
  areaCode: '440307',
  areaPrefix: '440307',
  sectors: [],
  parkId: null,
  enterpriseId: null,
  scopeKind: 'area',
  mustChangePassword: false,
});

/** What the oracle says an action does in a status: the next status, 'same' for extend/change, or null (refused). */
function expected(status: CaseStatus, action: CaseAction): CaseStatus | 'same' | null {
  if (action === 'extend') return beforeDecision.includes(status) ? 'same' : null;
  if (action === 'change_decision') return afterDecision.includes(status) ? 'same' : null;
  return oracle[`${status}:${action}`] ?? null;
}

function attempt(role: Role, status: CaseStatus, action: CaseAction): CaseStatus | 'forbidden' | 'invalid' {
  try {
    return checkCaseAction(actorOf(role), status, action);
  } catch (e) {
    if (!(e instanceof AppError)) throw e;
    return e.code === 'FORBIDDEN' ? 'forbidden' : 'invalid';
  }
}

describe('penalty-case workflow', () => {
  it('matches the oracle for every status × action, for an officer and a leader', () => {
    for (const status of caseStatuses) {
      for (const action of caseActions) {
        const want = expected(status, action);
        const role: Role = reviewerOnly.includes(action) ? 'district_leader' : 'district_officer';
        const got = attempt(role, status, action);
        if (want === null) expect(got, `${status}:${action}`).toBe('invalid');
        else expect(got, `${status}:${action}`).toBe(want === 'same' ? status : want);
      }
    }
  });

  it('reaches every status from 立案, and only 结案 has no way out', () => {
    const seen = new Set<CaseStatus>(['filed', 'served']); // 'served' is where 简易程序 opens
    for (let grew = true; grew;) {
      grew = false;
      for (const step of Object.values(caseWorkflow)) {
        if (step.to && step.from.some((f) => seen.has(f)) && !seen.has(step.to)) {
          seen.add(step.to);
          grew = true;
        }
      }
    }
    expect([...seen].sort()).toEqual([...caseStatuses].sort());
    for (const s of caseStatuses) {
      const exits = Object.values(caseWorkflow).filter((w) => w.to && w.to !== s && w.from.includes(s));
      expect(exits.length > 0, s).toBe(s !== 'closed');
    }
  });

  it('a requested hearing must be notified and held before legal review', () => {
    const officer = actorOf('district_officer');
    expect(availableCaseActions(officer, 'notified')).toEqual(expect.arrayContaining(['request_hearing', 'submit_review']));
    expect(availableCaseActions(officer, 'hearing_requested')).toEqual(['schedule_hearing']);
    expect(availableCaseActions(officer, 'hearing_scheduled')).toEqual(['hold_hearing']);
    expect(availableCaseActions(officer, 'heard')).toEqual(['submit_review']);
    expect(attempt('district_officer', 'hearing_requested', 'submit_review')).toBe('invalid');
    expect(attempt('district_officer', 'hearing_scheduled', 'submit_review')).toBe('invalid');
    expect(attempt('district_leader', 'hearing_scheduled', 'decide')).toBe('invalid');
  });

  it('property: any sequence of attempts by any role only moves along allowed steps, and never decides past a pending hearing', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom(...roles), fc.constantFrom(...caseActions)), { maxLength: 60 }), (tries) => {
        let status: CaseStatus = 'filed';
        let hearingPending = false;
        for (const [role, action] of tries) {
          const got = attempt(role, status, action);
          const allowedByRole = can(role, caseWorkflow[action].permission);
          const want = expected(status, action);
          if (!allowedByRole) {
            expect(got).toBe('forbidden');
            continue;
          }
          if (want === null) {
            expect(got).toBe('invalid');
            continue;
          }
          expect(got).toBe(want === 'same' ? status : want);
          status = got as CaseStatus;
          if (status === 'hearing_requested') hearingPending = true;
          if (status === 'heard') hearingPending = false;
          if (hearingPending) expect(['legal_review', 'reviewed', 'decided']).not.toContain(status);
        }
      }),
      { numRuns: 500 },
    );
  });
});
