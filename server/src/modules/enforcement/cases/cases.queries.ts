// SQL for penalty cases, through the record-scope predicate; list filters for 首查必罚, 一案双查 and missing evidence.
import { and, eq, inArray, lte, sql, type SQL } from 'drizzle-orm';
import { penaltyCases } from '../../../db/schema';
import type { Actor } from '../../../platform/actor';
import type { DbOrTx } from '../../../platform/db';
import { scopeWhere } from '../../../platform/scope';
import { addDays } from '../../../platform/time';
import { DECISION_LIMIT_DAYS, type HearingConfig } from '../../../reference/enforcement/penalty-limits';

export type CaseRow = typeof penaltyCases.$inferSelect;

const scope = (actor: Actor) =>
  scopeWhere(actor, {
    areaCode: penaltyCases.areaCode,
    sector: penaltyCases.sector,
    parkId: penaltyCases.parkId,
    enterpriseId: penaltyCases.enterpriseId,
  });

export async function findCase(db: DbOrTx, actor: Actor, id: string, lock = false): Promise<CaseRow | null> {
  const q = db
    .select()
    .from(penaltyCases)
    .where(and(eq(penaltyCases.id, id), scope(actor)));
  const [row] = lock ? await q.for('update') : await q;
  return row ?? null;
}

export interface CaseQuery {
  page: number;
  pageSize: number;
  status?: string;
  enterpriseId?: string;
  firstCheckMustPenalise?: boolean;
  doubleInvestigation?: boolean;
  missingEvidence?: boolean;
  pastLimit?: boolean;
}

/**
 * Undecided cases past the 90-day limit on `today` (§60 with extensions and hearing pauses): decisionClock's rule in
 * SQL — due = filed + 90 + extensions (+ the hearing's days from request to held, or to today while pending, when the
 * deployment leaves them out) —, answered from the undecided cases' partial index (migration 0038, every clock column
 * in it). workbench.limit.db.test.ts holds it equal to decisionClock. Only cases filed at least 90 days ago can be
 * late. The workbench's figure counts it; the case list filters by it (pastLimit).
 */
export function pastDecisionLimitWhere(today: string, hearing: HearingConfig): SQL {
  const c = penaltyCases;
  const day = sql`cast(${today} as date)`;
  // Most cases have no extension: skip the per-row subquery for them (a third of the count's time at province scale).
  const extensions = sql`case when ${c.extensionDays} = '{}' then 0 else coalesce((select sum(x) from unnest(${c.extensionDays}) as x), 0) end`;
  const pause = hearing.excludeFromDecisionLimit
    ? sql`case when ${c.hearingRequestedOn} is null then 0 else greatest(0, coalesce(${c.hearingHeldOn}, ${day}) - ${c.hearingRequestedOn}) end`
    : sql`0`;
  return and(
    sql`${c.decidedOn} is null and ${c.status} <> 'closed'`,
    lte(c.filedOn, addDays(today, -DECISION_LIMIT_DAYS)),
    sql`${c.filedOn} + cast(${DECISION_LIMIT_DAYS} + ${extensions} + ${pause} as integer) < ${day}`,
  )!;
}

/**
 * The five pieces of evidence of a closed-loop case (问题清单、处罚指令、责任人签字、整改结果、复查验收), as SQL over the
 * linked inspection, its findings and documents, so the list can filter on it without loading every case.
 */
// Qualified by hand: Drizzle renders a single-table select's columns unqualified, and inside these subqueries a bare
// "inspection_id" or "id" would bind to the subquery's own table (inspection_findings.inspection_id, enforcement_documents.id),
// making every case look evidenced (or not) by any other case's rows — and scanning them all.
const caseInspectionId = sql.raw('"penalty_cases"."inspection_id"');
const caseId = sql.raw('"penalty_cases"."id"');

export const evidenceSql = {
  problemList: sql<boolean>`exists (select 1 from inspection_findings f where f.inspection_id = ${caseInspectionId})`,
  penaltyOrder: sql<boolean>`exists (select 1 from enforcement_documents d where d.case_id = ${caseId} and d.kind = 'penalty_decision')`,
  responsibleSignature: sql<boolean>`exists (select 1 from inspections i where i.id = ${caseInspectionId} and i.principal_signature is not null)`,
  rectificationResult: sql<boolean>`exists (select 1 from inspection_findings f join hazards h on h.id = f.hazard_id
    where f.inspection_id = ${caseInspectionId} and h.state in ('awaiting_acceptance', 'closed'))`,
  reinspection: sql<boolean>`exists (select 1 from inspections i where i.id = ${caseInspectionId} and i.reinspected_on is not null)`,
};
export const evidenceKeys = Object.keys(evidenceSql) as (keyof typeof evidenceSql)[];
const missingAny = sql.join(
  evidenceKeys.map((k) => sql`not ${evidenceSql[k]}`),
  sql` or `,
);

/** `clock` (today and the hearing configuration) is needed for pastLimit only. */
export async function findCases(db: DbOrTx, actor: Actor, q: CaseQuery, clock?: { today: string; hearing: HearingConfig }) {
  const parts: SQL[] = [scope(actor)];
  if (q.pastLimit) {
    if (!clock) throw new Error('findCases: the pastLimit filter needs the clock');
    parts.push(pastDecisionLimitWhere(clock.today, clock.hearing));
  }
  if (q.status) parts.push(eq(penaltyCases.status, q.status));
  if (q.enterpriseId) parts.push(eq(penaltyCases.enterpriseId, q.enterpriseId));
  if (q.firstCheckMustPenalise !== undefined) parts.push(eq(penaltyCases.firstCheckMustPenalise, q.firstCheckMustPenalise));
  if (q.doubleInvestigation !== undefined) parts.push(eq(penaltyCases.doubleInvestigation, q.doubleInvestigation));
  if (q.missingEvidence !== undefined) parts.push(q.missingEvidence ? sql`(${missingAny})` : sql`not (${missingAny})`);
  const where = and(...parts);
  // The page and the total are independent: on PostgreSQL they run on two pooled connections at once. The evidence
  // is read afterwards for the page's rows only: asked in the same statement, the planner costs its subqueries for
  // every row in scope and picks their hashed form — one join of all findings with all hidden dangers (10 s at
  // 300,000 cases), where twenty index probes suffice.
  const [page, [c]] = await Promise.all([
    db
      .select()
      .from(penaltyCases)
      .where(where)
      // NULLS LAST as penalty_cases_list_idx is declared (both columns are NOT NULL, so the order is the same), so a
      // district-wide page walks the index instead of sorting every case in scope.
      .orderBy(sql`${penaltyCases.filedOn} desc nulls last, ${penaltyCases.createdAt} desc nulls last`)
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    db
      .select({ n: sql<number>`count(*)::int` })
      .from(penaltyCases)
      .where(where),
  ]);
  const evidence = page.length
    ? await db
        .select({ id: penaltyCases.id, ...evidenceSql })
        .from(penaltyCases)
        .where(
          inArray(
            penaltyCases.id,
            page.map((r) => r.id),
          ),
        )
    : [];
  const byId = new Map(evidence.map(({ id, ...e }) => [id, e]));
  const items = page.map((row) => ({ c: row, ...byId.get(row.id)! }));
  return { items, total: c?.n ?? 0 };
}

export async function findEvidence(db: DbOrTx, id: string) {
  const [row] = await db.select(evidenceSql).from(penaltyCases).where(eq(penaltyCases.id, id));
  return row!;
}
