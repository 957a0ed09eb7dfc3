// The machines of 年度考核. A scheme revision: draft (edited, its units and indicators) → frozen (scored; a change is a
// new revision). A unit's score sheet: draft (computed, values entered) → published → objection (the unit, with its
// reason) → adjusted (the bureau, with a reason and points) → final; a published sheet with no objection is finalized
// directly. `writeScheme` / `writeSheet` are the only writers of the status columns: they ask the machine, write the
// row with version + 1, append the state_transitions row and the domain event in the caller's transaction.
import { eq } from 'drizzle-orm';
import { sheetActionLabels, schemeStatuses, sheetStatuses, type SchemeStatus, type SheetAction, type SheetStatus } from '@anjian/contracts';
import { assessmentSchemes, assessmentSheets } from '../../db/schema';
import type { Actor } from '../../platform/actor';
import type { DbOrTx } from '../../platform/db';
import { appendEvent } from '../../platform/outbox';
import { appendTransition } from '../../platform/state-history';
import { abilities, decide, type MachineActor, type Refusal, type StateMachine } from '../../platform/state-machine';

export type SchemeRow = typeof assessmentSchemes.$inferSelect;
export type SheetRow = typeof assessmentSheets.$inferSelect;
export type SchemeAction = 'create' | 'edit' | 'freeze' | 'compute';

export const schemeMachine: StateMachine<SchemeStatus, SchemeAction, Pick<SchemeRow, 'status'>> = {
  record: 'assessment_scheme',
  table: 'assessment_schemes',
  column: 'status',
  states: schemeStatuses,
  actions: {
    create: { label: { zh: '制定考核方案', en: 'Create' }, from: [null], to: 'draft', permission: 'assessment.manage' },
    edit: { label: { zh: '修改', en: 'Edit' }, from: ['draft'], to: null, permission: 'assessment.manage' },
    freeze: { label: { zh: '定稿', en: 'Freeze' }, from: ['draft'], to: 'frozen', permission: 'assessment.manage' },
    compute: { label: { zh: '计算得分', en: 'Compute scores' }, from: ['frozen'], to: null, permission: 'assessment.manage' },
  },
  stateOf: (r) => (r ? (r.status as SchemeStatus) : null),
};

function ownUnitGuard(record: Pick<SheetRow, 'status' | 'orgId'> | null, actor: MachineActor, action: string): Refusal | null {
  if (!record || action !== 'object') return null;
  const orgId = (actor as Partial<Actor>).orgId;
  if (orgId && orgId === record.orgId) return null;
  return {
    reason: 'not_assessed_unit',
    code: 'FORBIDDEN',
    details: [{ field: 'action', zh: '只有被考核单位可以对本单位得分提出异议', en: 'Only the assessed unit may object to its score' }],
  };
}

export const sheetMachine: StateMachine<SheetStatus, 'create' | 'enter' | SheetAction, Pick<SheetRow, 'status' | 'orgId'>> = {
  record: 'assessment_sheet',
  table: 'assessment_sheets',
  column: 'status',
  states: sheetStatuses,
  bulkInitial: 'draft',
  actions: {
    create: { label: { zh: '生成考核表', en: 'Create' }, from: [null], to: 'draft', permission: 'assessment.manage' },
    enter: {
      label: { zh: '填报指标值', en: 'Enter a value' },
      from: ['draft'],
      to: null,
      permission: 'assessment.manage',
      requires: ['evidence'],
    },
    publish: { label: sheetActionLabels.publish, from: ['draft'], to: 'published', permission: 'assessment.manage' },
    object: {
      label: sheetActionLabels.object,
      from: ['published'],
      to: 'objection',
      permission: 'assessment.object',
      requires: ['reason'],
    },
    adjust: {
      label: sheetActionLabels.adjust,
      from: ['objection'],
      to: 'adjusted',
      permission: 'assessment.manage',
      requires: ['reason', 'adjustment'],
    },
    finalize: { label: sheetActionLabels.finalize, from: ['published', 'adjusted'], to: 'final', permission: 'assessment.manage' },
  },
  stateOf: (r) => (r ? (r.status as SheetStatus) : null),
  fieldLabels: {
    reason: { zh: '理由', en: 'reason' },
    adjustment: { zh: '调整分值', en: 'adjustment' },
    evidence: { zh: '佐证', en: 'evidence' },
  },
  guard: ownUnitGuard,
};

export const schemeAbilities = (actor: Actor, row: SchemeRow) => abilities(schemeMachine, row, actor).filter((a) => a !== 'create');
export const sheetAbilities = (actor: Actor, row: SheetRow) => abilities(sheetMachine, row, actor).filter((a) => a !== 'create');

export interface Change<Insert> {
  create?: Omit<Insert, 'status' | 'id' | 'version'>;
  patch?: Partial<Insert>;
  input?: Record<string, unknown>;
}

/** The only writer of assessment_schemes.status, in the caller's transaction. */
export async function writeScheme(
  tx: DbOrTx,
  actor: Actor,
  before: SchemeRow | null,
  action: SchemeAction,
  change: Change<typeof assessmentSchemes.$inferInsert>,
): Promise<SchemeRow> {
  const { from, to } = decide(schemeMachine, before, actor, action, change.input ?? {});
  const [row] = before
    ? await tx
        .update(assessmentSchemes)
        .set({ ...change.patch, status: to ?? before.status, updatedAt: new Date(), version: before.version + 1 })
        .where(eq(assessmentSchemes.id, before.id))
        .returning()
    : await tx
        .insert(assessmentSchemes)
        .values({ ...change.create!, status: to! })
        .returning();
  await appendTransition(tx, schemeMachine, actor, { recordId: row!.id, action, from, to, evidence: change.input ?? {} });
  await appendEvent(tx, `assessment_scheme.${action}`, 'assessment_scheme', row!, actor, { from, to, year: row!.year });
  return row!;
}

/** The only writer of assessment_sheets.status, in the caller's transaction. */
export async function writeSheet(
  tx: DbOrTx,
  actor: Actor,
  before: SheetRow | null,
  action: 'create' | 'enter' | SheetAction,
  change: Change<typeof assessmentSheets.$inferInsert>,
): Promise<SheetRow> {
  const { from, to } = decide(sheetMachine, before, actor, action, change.input ?? {});
  const [row] = before
    ? await tx
        .update(assessmentSheets)
        .set({ ...change.patch, status: to ?? before.status, updatedAt: new Date(), version: before.version + 1 })
        .where(eq(assessmentSheets.id, before.id))
        .returning()
    : await tx
        .insert(assessmentSheets)
        .values({ ...change.create!, status: to! })
        .returning();
  await appendTransition(tx, sheetMachine, actor, { recordId: row!.id, action, from, to, evidence: change.input ?? {} });
  await appendEvent(tx, `assessment_sheet.${action}`, 'assessment_sheet', row!, actor, { from, to, orgId: row!.orgId });
  return row!;
}
