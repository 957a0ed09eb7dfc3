// An inspection as GET /api/inspections/:id shows it: findings, documents, the case its failed re-inspection was
// escalated to. Also the `current` record of a 409 on an inspection command. Null = not in scope.
import type { Actor } from '../../../platform/actor';
import type { DbOrTx } from '../../../platform/db';
import { findEscalation, findFindings, findInspection, type InspectionRow } from './inspections.queries';
import { presentInspection } from './inspections.presenter';
import { findDocumentsOf, presentDocument } from '../documents/documents';

export async function presentInspectionDetail(db: DbOrTx, actor: Actor, row: InspectionRow) {
  return presentInspection(actor, row, {
    findings: await findFindings(db, row.id),
    documents: (await findDocumentsOf(db, { inspectionId: row.id })).map(presentDocument),
    escalation: await findEscalation(db, row.id),
  });
}

export async function findInspectionDetail(db: DbOrTx, actor: Actor, id: string) {
  const row = await findInspection(db, actor, id);
  return row ? presentInspectionDetail(db, actor, row) : null;
}
