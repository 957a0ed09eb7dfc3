// The case workspace as GET /api/enforcement/cases/:id shows it: the case, its evidence, documents, timeline, where it
// came from (inspection, hidden dangers). Also the `current` record of a 409 on a case step. Null = not in scope.
import { eq, inArray } from 'drizzle-orm';
import { hazards, penaltyCaseEvents } from '../../../db/schema';
import type { Actor } from '../../../platform/actor';
import type { DbOrTx } from '../../../platform/db';
import { findCase, findEvidence } from './cases.queries';
import { presentCase } from './cases.presenter';
import { findDocumentsOf, presentDocument } from '../documents/documents';
import { findInspection } from '../inspections/inspections.queries';
import { loadHearingConfig } from '../settings/enforcement.settings';

export async function findCaseDetail(db: DbOrTx, actor: Actor, id: string) {
  const c = await findCase(db, actor, id);
  if (!c) return null;
  const documents = (await findDocumentsOf(db, { caseId: id })).map(presentDocument);
  const events = await db.select().from(penaltyCaseEvents).where(eq(penaltyCaseEvents.caseId, id)).orderBy(penaltyCaseEvents.id);
  // Where the case came from: the inspection (and its re-inspection) and the hidden dangers it is about.
  const insp = c.inspectionId ? await findInspection(db, actor, c.inspectionId) : null;
  const about = c.hazardIds.length
    ? await db
        .select({ id: hazards.id, number: hazards.number, description: hazards.description, state: hazards.state })
        .from(hazards)
        .where(inArray(hazards.id, c.hazardIds))
        .orderBy(hazards.number)
    : [];
  return presentCase(actor, c, await loadHearingConfig(db), await findEvidence(db, id), {
    documents,
    events: events.map((e) => ({ at: e.at.toISOString(), actorName: e.actorName, action: e.action, from: e.fromStatus, to: e.toStatus })),
    inspection: insp && {
      id: insp.id,
      enterpriseName: insp.enterpriseName,
      inspectedOn: insp.inspectedOn,
      rectificationDeadline: insp.rectificationDeadline,
      reinspectedOn: insp.reinspectedOn,
      reinspectionResult: insp.reinspectionResult,
    },
    hazards: about,
  });
}
