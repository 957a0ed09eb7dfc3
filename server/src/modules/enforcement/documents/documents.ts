// 执法文书: numbering and storage. A number like （龙）应急责改〔2026〕15号 comes from the counters row
// doc:<org>:<kind>:<year>, incremented with UPDATE … RETURNING (an upsert) in the transaction that stores the
// document: concurrent issuers queue on that row, and a rolled-back issue gives its number back — no repeats, no gaps.
// Numbers belong to the issuing authority: a bureau division (科室、执法大队) issues in its bureau's name and sequence,
// so the bureau and its divisions can never print the same number twice.
import { and, eq } from 'drizzle-orm';
import type { DocumentKind } from '@anjian/contracts';
import { enforcementDocuments } from '../../../db/schema';
import type { Actor } from '../../../platform/actor';
import { nextInSequence } from '../../../platform/counters';
import type { DbOrTx } from '../../../platform/db';
import { organisations } from '../../../db/schema';
import { enforcementClock } from '../enforcement.clock';
import { officersOf } from './documents.party';

export const documentTitles: Record<DocumentKind, { zh: string; en: string; abbr: string }> = {
  site_record: { zh: '现场检查记录', en: 'On-site inspection record', abbr: '检记' },
  rectification_order: { zh: '责令限期整改指令书', en: 'Order to rectify within a time limit', abbr: '责改' },
  reinspection_opinion: { zh: '整改复查意见书', en: 'Re-inspection opinion', abbr: '复查' },
  penalty_notice: { zh: '行政处罚告知书', en: 'Notice of intended administrative penalty', abbr: '罚告' },
  hearing_notice: { zh: '听证通知书', en: 'Notice of hearing', abbr: '听通' },
  penalty_decision: { zh: '行政处罚决定书', en: 'Administrative penalty decision', abbr: '罚决' },
};

/** The organisation's short mark in document numbers: its short name, else the first character of its name. */
export function orgMark(actor: Pick<Actor, 'orgName'>, shortName?: string | null): string {
  // 深圳市龙岗区应急管理局 → 龙: the city prefix is dropped, the district's first character marks the number.
  return shortName || (actor.orgName ?? '').replace(/^[^市区]{1,6}市/u, '').charAt(0) || '应急';
}

export function formatDocumentNumber(mark: string, kind: DocumentKind, year: number, seq: number): string {
  return `（${mark}）应急${documentTitles[kind].abbr}〔${year}〕${seq}号`;
}

/** Takes the next number of (org, kind, year); must run inside the transaction that stores the document. */
export function nextDocumentSeq(tx: DbOrTx, orgId: string | null, kind: DocumentKind, year: number): Promise<number> {
  return nextInSequence(tx, `doc:${orgId ?? 'none'}:${kind}:${year}`);
}

export interface Authority {
  id: string | null;
  name: string | null;
  shortName: string | null;
}

/** The authority the caller acts for: its organisation, or the bureau of a bureau division. */
export async function authorityOf(tx: DbOrTx, actor: Pick<Actor, 'orgId' | 'orgName'>): Promise<Authority> {
  if (!actor.orgId) return { id: null, name: actor.orgName, shortName: null };
  const [me] = await tx
    .select({
      id: organisations.id,
      name: organisations.name,
      shortName: organisations.shortName,
      kind: organisations.kind,
      parentId: organisations.parentId,
    })
    .from(organisations)
    .where(eq(organisations.id, actor.orgId));
  if (me?.kind === 'bureau_division' && me.parentId) {
    const [parent] = await tx
      .select({ id: organisations.id, name: organisations.name, shortName: organisations.shortName })
      .from(organisations)
      .where(eq(organisations.id, me.parentId));
    if (parent) return parent;
  }
  return me ? { id: me.id, name: me.name, shortName: me.shortName } : { id: actor.orgId, name: actor.orgName, shortName: null };
}

/** The next case number of the caller's authority and year, e.g. （龙）应急立〔2026〕3号. Run inside the filing transaction. */
export async function nextCaseNumber(tx: DbOrTx, actor: Pick<Actor, 'orgId' | 'orgName'>, year: number): Promise<string> {
  const a = await authorityOf(tx, actor);
  const seq = await nextInSequence(tx, `case:${a.id ?? 'none'}:${year}`);
  return `（${orgMark({ orgName: a.name }, a.shortName)}）应急立〔${year}〕${seq}号`;
}

export interface IssueInput {
  kind: DocumentKind;
  enterpriseId: string;
  areaCode: string;
  inspectionId?: string | null;
  caseId?: string | null;
  fields: Record<string, unknown>;
  /** The officers printed with their 执法证号 (default: the issuer). */
  officerIds?: readonly string[] | null;
}

export async function issueDocument(tx: DbOrTx, actor: Actor, input: IssueInput) {
  const issuedOn = enforcementClock.today();
  const year = Number(issuedOn.slice(0, 4));
  const authority = await authorityOf(tx, actor);
  const seq = await nextDocumentSeq(tx, authority.id, input.kind, year);
  const number = formatDocumentNumber(orgMark({ orgName: authority.name }, authority.shortName), input.kind, year, seq);
  const officers = await officersOf(tx, input.officerIds?.length ? input.officerIds : [actor.id]);
  const [row] = await tx
    .insert(enforcementDocuments)
    .values({
      kind: input.kind,
      number,
      orgId: authority.id,
      year,
      seq,
      enterpriseId: input.enterpriseId,
      areaCode: input.areaCode,
      inspectionId: input.inspectionId ?? null,
      caseId: input.caseId ?? null,
      // The deciding authority is the bureau for its divisions (执法大队 issues in the bureau's name).
      fields: { ...input.fields, layout: 2, officers, orgName: authority.name, number, issuedOn },
      issuedOn,
      createdBy: actor.id,
    })
    .returning();
  return row!;
}

export type DocumentRow = typeof enforcementDocuments.$inferSelect;

export async function findDocumentsOf(db: DbOrTx, by: { inspectionId?: string; caseId?: string }) {
  const where = by.inspectionId ? eq(enforcementDocuments.inspectionId, by.inspectionId) : eq(enforcementDocuments.caseId, by.caseId!);
  return db.select().from(enforcementDocuments).where(and(where)).orderBy(enforcementDocuments.createdAt);
}

export function presentDocument(row: DocumentRow) {
  return {
    id: row.id,
    kind: row.kind as DocumentKind,
    number: row.number,
    issuedOn: row.issuedOn,
    inspectionId: row.inspectionId,
    caseId: row.caseId,
  };
}
