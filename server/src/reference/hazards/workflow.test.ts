// Source: 安监总局令第16号 第三条 (一般 = 发现后能够立即整改排除; 重大 = 需停产停业、经过一定时间整改治理) and its
// treatment-plan duty (docs/rules.md §3.1), plus the platform acceptance policy: the enterprise accepts general hidden
// dangers it found itself; the regulator accepts those it found and every major one; nothing closes without
// acceptance except 立查立改 of a general one. The oracle below is written independently of workflow.ts.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { roles } from '@anjian/contracts';
import { hazardGrades, hazardSources, type HazardGrade, type HazardSource } from './classification';
import {
  actorKindOfRole,
  availableActions,
  evidenceFields,
  hazardActions,
  hazardStates,
  isOverdue,
  transition,
  type ActorKind,
  type Evidence,
  type HazardState,
} from './workflow';

const expectedTransitions: Record<string, HazardState> = {
  'reported:start_rectification': 'rectifying',
  'reported:fix_on_the_spot': 'closed',
  'rectifying:extend_deadline': 'rectifying',
  'rectifying:submit_for_acceptance': 'awaiting_acceptance',
  'awaiting_acceptance:accept': 'closed',
  'awaiting_acceptance:reject': 'rectifying',
};

const oracleAcceptor = (grade: HazardGrade, source: HazardSource): ActorKind =>
  grade === 'major' || source !== 'enterprise_self_check' ? 'regulator' : 'enterprise';

const fullEvidence: Evidence = Object.fromEntries(evidenceFields.map((f) => [f, 'x']));
const actorKinds: ActorKind[] = ['enterprise', 'regulator'];

describe('hidden-danger workflow: the loop', () => {
  it('runs reported → rectifying → awaiting_acceptance → closed for a regulator-found general hazard', () => {
    const h = { grade: 'general', source: 'grid_patrol' } as const;
    const regulator = { kind: 'regulator' } as const;
    const enterprise = { kind: 'enterprise' } as const;
    expect(
      transition({ ...h, state: 'reported' }, 'start_rectification', regulator, { deadline: '2025-10-10', responsiblePerson: '王五' }),
    ).toEqual({ ok: true, state: 'rectifying' });
    expect(transition({ ...h, state: 'rectifying' }, 'submit_for_acceptance', enterprise, { rectificationRecord: ['photo-1'] })).toEqual({
      ok: true,
      state: 'awaiting_acceptance',
    });
    expect(transition({ ...h, state: 'awaiting_acceptance' }, 'reject', regulator, { rejectionReason: '护栏未固定' })).toEqual({
      ok: true,
      state: 'rectifying',
    });
    expect(transition({ ...h, state: 'awaiting_acceptance' }, 'accept', enterprise, { acceptanceOpinion: '已整改' })).toMatchObject({
      ok: false,
      refusal: { code: 'actor_not_allowed' },
    });
    expect(transition({ ...h, state: 'awaiting_acceptance' }, 'accept', regulator, { acceptanceOpinion: '已整改' })).toEqual({
      ok: true,
      state: 'closed',
    });
  });

  it('lets the enterprise accept a general hazard from its own self-check, never a major one', () => {
    const enterprise = { kind: 'enterprise' } as const;
    const general = { state: 'awaiting_acceptance', grade: 'general', source: 'enterprise_self_check' } as const;
    expect(transition(general, 'accept', enterprise, { acceptanceOpinion: '合格' })).toEqual({ ok: true, state: 'closed' });
    const major = { ...general, grade: 'major' } as const;
    const refused = transition(major, 'accept', enterprise, { acceptanceOpinion: '合格' });
    expect(refused).toMatchObject({ ok: false, refusal: { code: 'major_needs_regulator' } });
    expect(!refused.ok && refused.refusal.message.zh).toContain('企业不得自行办理');
    expect(transition(major, 'accept', { kind: 'regulator' }, { acceptanceOpinion: '合格' })).toEqual({ ok: true, state: 'closed' });
  });

  it('allows 立查立改 only for a general hazard, by its acceptor, with evidence', () => {
    const reported = { state: 'reported', grade: 'general', source: 'enterprise_self_check' } as const;
    expect(transition(reported, 'fix_on_the_spot', { kind: 'enterprise' }, { onTheSpotRecord: 'photo' })).toEqual({
      ok: true,
      state: 'closed',
    });
    expect(transition(reported, 'fix_on_the_spot', { kind: 'enterprise' }, { onTheSpotRecord: ' ' })).toMatchObject({
      ok: false,
      refusal: { code: 'missing_evidence', missing: ['onTheSpotRecord'], message: { zh: '缺少必需材料：现场整改佐证（照片等）' } },
    });
    expect(transition({ ...reported, grade: 'major' }, 'fix_on_the_spot', { kind: 'regulator' }, fullEvidence)).toMatchObject({
      ok: false,
      refusal: { code: 'grade_not_allowed' },
    });
    const inspected = { state: 'reported', grade: 'general', source: 'government_inspection' } as const;
    expect(transition(inspected, 'fix_on_the_spot', { kind: 'enterprise' }, fullEvidence)).toMatchObject({
      ok: false,
      refusal: { code: 'actor_not_allowed' },
    });
    expect(transition(inspected, 'fix_on_the_spot', { kind: 'regulator' }, fullEvidence)).toEqual({ ok: true, state: 'closed' });
  });

  it('requires the 令16号 treatment plan before a major hazard is submitted for acceptance', () => {
    const major = { state: 'rectifying', grade: 'major', source: 'enterprise_self_check' } as const;
    expect(transition(major, 'submit_for_acceptance', { kind: 'enterprise' }, { rectificationRecord: 'r' })).toMatchObject({
      ok: false,
      refusal: { code: 'missing_evidence', missing: ['treatmentPlan'] },
    });
    expect(
      transition(major, 'submit_for_acceptance', { kind: 'enterprise' }, { rectificationRecord: 'r', treatmentPlan: 'plan-1' }),
    ).toEqual({ ok: true, state: 'awaiting_acceptance' });
  });

  it('offers the actions an actor may take (abilities)', () => {
    const selfFound = { state: 'reported', grade: 'general', source: 'enterprise_self_check' } as const;
    expect(availableActions(selfFound, { kind: 'enterprise' })).toEqual(['start_rectification', 'fix_on_the_spot']);
    expect(availableActions({ ...selfFound, grade: 'major' }, { kind: 'enterprise' })).toEqual(['start_rectification']);
    expect(availableActions({ ...selfFound, state: 'closed' }, { kind: 'regulator' })).toEqual([]);
  });
});

describe('exhaustiveness: every (state, action) pair is defined or refused', () => {
  for (const state of hazardStates) {
    for (const action of hazardActions) {
      const expected = expectedTransitions[`${state}:${action}`];
      it(`${state} × ${action} → ${expected ?? 'refused'}`, () => {
        const outcomes = hazardGrades.flatMap((grade) =>
          hazardSources.flatMap((source) => actorKinds.map((kind) => transition({ state, grade, source }, action, { kind }, fullEvidence))),
        );
        if (expected === undefined) {
          for (const o of outcomes) expect(o).toMatchObject({ ok: false, refusal: { code: 'invalid_transition' } });
        } else {
          expect(outcomes.some((o) => o.ok)).toBe(true);
          for (const o of outcomes) if (o.ok) expect(o.state).toBe(expected);
        }
      });
    }
  }
});

describe('property: random action sequences by random actors (fast-check)', () => {
  // Biased towards complete evidence and self-check findings so that long legal paths (and the enterprise-vs-major
  // corner) are reached often; unbiased generators almost never walk a hazard all the way to acceptance.
  const evidence = fc.oneof(
    { arbitrary: fc.constant(fullEvidence), weight: 4 },
    { arbitrary: fc.subarray([...evidenceFields]).map((fs) => Object.fromEntries(fs.map((f) => [f, 'x'])) as Evidence), weight: 1 },
  );
  const step = fc.record({ action: fc.constantFrom(...hazardActions), actor: fc.constantFrom(...actorKinds), evidence });
  const sourceArb = fc.oneof(fc.constant<HazardSource>('enterprise_self_check'), fc.constantFrom(...hazardSources));

  it('never reaches an invalid state, closes only by acceptance or a valid 立查立改, never lets an enterprise accept a major one', () => {
    fc.assert(
      fc.property(fc.constantFrom(...hazardGrades), sourceArb, fc.array(step, { maxLength: 30 }), (grade, source, steps) => {
        let state: HazardState = 'reported';
        for (const { action, actor, evidence } of steps) {
          const result = transition({ state, grade, source }, action, { kind: actor }, evidence);
          if (state === 'closed') expect(result.ok).toBe(false);
          if (!result.ok) continue;
          expect(hazardStates).toContain(result.state);
          expect(result.state).toBe(expectedTransitions[`${state}:${action}`]);
          if (action === 'accept' && grade === 'major') expect(actor).toBe('regulator');
          if (result.state === 'closed') {
            const viaAcceptance = action === 'accept' && state === 'awaiting_acceptance';
            const viaSpotFix = action === 'fix_on_the_spot' && state === 'reported' && grade === 'general';
            expect(viaAcceptance || viaSpotFix).toBe(true);
            expect(actor).toBe(oracleAcceptor(grade, source));
          }
          if (action === 'submit_for_acceptance' && grade === 'major') expect(evidence.treatmentPlan).toBeDefined();
          state = result.state;
        }
      }),
      { numRuns: 2000 },
    );
  });
});

describe('isOverdue (derived from the deadline, never stored)', () => {
  it('is overdue the day after the deadline while rectification is open', () => {
    expect(isOverdue({ state: 'rectifying', deadline: '2025-10-10' }, '2025-10-10')).toBe(false);
    expect(isOverdue({ state: 'rectifying', deadline: '2025-10-10' }, '2025-10-11')).toBe(true);
    expect(isOverdue({ state: 'reported', deadline: '2025-10-10' }, '2025-11-01')).toBe(true);
  });
  it('is not overdue once submitted or closed, or without a deadline', () => {
    expect(isOverdue({ state: 'awaiting_acceptance', deadline: '2025-10-10' }, '2025-11-01')).toBe(false);
    expect(isOverdue({ state: 'closed', deadline: '2025-10-10' }, '2025-11-01')).toBe(false);
    expect(isOverdue({ state: 'reported', deadline: null }, '2025-11-01')).toBe(false);
  });
});

describe('actorKindOfRole', () => {
  it('maps every platform role to enterprise, regulator or no workflow part', () => {
    const kinds = Object.fromEntries(roles.map((r) => [r, actorKindOfRole(r)]));
    expect(kinds).toMatchObject({
      enterprise_principal: 'enterprise',
      enterprise_safety_manager: 'enterprise',
      grid_inspector: 'regulator',
      public: null,
      sys_admin: null,
    });
    expect(Object.values(kinds).filter((k) => k === 'regulator')).toHaveLength(6);
  });
});
