// The public list of published penalty decisions (行政处罚信息公示): newest decision first, paged on the server. Each
// row carries what the decision itself says: the 决定书 number (not the internal 立案 number) and the deciding
// authority named on it — the bureau, for a case its 执法大队 handled.
import { and, desc, eq, isNotNull, isNull, sql } from 'drizzle-orm';
import { penaltyCases } from '../../../db/schema';
import type { DbOrTx } from '../../../platform/db';
import type { CaseRow } from './cases.queries';

export type PublicPenaltyRow = CaseRow & { decisionNumber: string | null; authorityName: string | null };

export async function findPublishedPenalties(db: DbOrTx, q: { page: number; pageSize: number }) {
  // A changed or revoked decision leaves the page the moment it is recorded: the condition is evaluated on every
  // read, so the 3-day withdrawal deadline can never be missed by a late job.
  const where = and(eq(penaltyCases.publish, true), isNotNull(penaltyCases.decidedOn), isNull(penaltyCases.changedOn));
  const decision = (column: ReturnType<typeof sql>) => sql`(
    select ${column} from enforcement_documents d
    where d.case_id = ${penaltyCases.id} and d.kind = 'penalty_decision'
    order by d.created_at desc limit 1)`;
  const rows = await db
    .select({
      c: penaltyCases,
      decisionNumber: sql<string | null>`${decision(sql`d.number`)}`,
      authorityName: sql<string | null>`${decision(sql`d.fields->>'orgName'`)}`,
    })
    .from(penaltyCases)
    .where(where)
    .orderBy(desc(penaltyCases.decidedOn), desc(penaltyCases.id))
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize);
  const [c] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(penaltyCases)
    .where(where);
  return {
    rows: rows.map((r): PublicPenaltyRow => ({ ...r.c, decisionNumber: r.decisionNumber, authorityName: r.authorityName })),
    total: c?.n ?? 0,
  };
}
