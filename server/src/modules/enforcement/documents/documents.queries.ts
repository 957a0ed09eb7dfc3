// Reading one enforcement document through the record scope: a document is visible only through the inspection or
// case it belongs to, so their scope predicate decides (out of scope = not found).
import { eq } from 'drizzle-orm';
import { enforcementDocuments } from '../../../db/schema';
import type { Actor } from '../../../platform/actor';
import type { DbOrTx } from '../../../platform/db';
import { findCase } from '../cases/cases.queries';
import { findInspection } from '../inspections/inspections.queries';
import type { DocumentRow } from './documents';

export async function findDocumentInScope(db: DbOrTx, actor: Actor, id: string): Promise<DocumentRow | null> {
  const [doc] = await db.select().from(enforcementDocuments).where(eq(enforcementDocuments.id, id));
  if (!doc) return null;
  const visible =
    (doc.inspectionId && (await findInspection(db, actor, doc.inspectionId))) || (doc.caseId && (await findCase(db, actor, doc.caseId)));
  return visible ? doc : null;
}
