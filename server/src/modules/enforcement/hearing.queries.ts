// 听证: who investigated a case (and so may not preside over its hearing, 行政处罚法 §64(四)), and who may preside.
import { sql } from 'drizzle-orm';
import type { Actor } from '../../platform/actor';
import { rowsOf, type DbOrTx } from '../../platform/db';
import type { CaseRow } from './cases.queries';

/** Steps whose actor took part in the investigation: filing, investigating, notifying. */
const INVESTIGATING_ACTIONS = ['file', 'investigate', 'notify', 'decide_on_the_spot'];

/** Users who investigated the case: its filer, the actors of its investigating steps, the linked inspection's officers. */
export async function caseInvestigatorIds(db: DbOrTx, c: Pick<CaseRow, 'id' | 'createdBy' | 'inspectionId'>): Promise<Set<string>> {
  const rows = rowsOf<{ id: string | null }>(
    await db.execute(sql`
      select actor_id::text as id from penalty_case_events
        where case_id = ${c.id} and action in (${sql.join(
          INVESTIGATING_ACTIONS.map((a) => sql`${a}`),
          sql`, `,
        )})
      union
      select unnest(inspector_ids)::text from inspections where id = ${c.inspectionId}
      union
      select created_by::text from inspections where id = ${c.inspectionId}`),
  );
  const out = new Set(rows.map((r) => r.id).filter((x): x is string => !!x));
  if (c.createdBy) out.add(c.createdBy);
  return out;
}

export interface PresiderCandidate {
  id: string;
  displayName: string;
  role: string;
}

/** Active enforcement staff and leaders of the caller's organisation who did not investigate the case. */
export async function findPresiderCandidates(db: DbOrTx, actor: Actor, c: CaseRow): Promise<PresiderCandidate[]> {
  if (!actor.orgId) return [];
  const investigators = await caseInvestigatorIds(db, c);
  const rows = rowsOf<PresiderCandidate>(
    await db.execute(sql`
      select id::text as id, display_name as "displayName", role from users
      where org_id = ${actor.orgId} and status = 'active' and role in ('district_officer', 'street_officer', 'district_leader')
      order by display_name, id`),
  );
  return rows.filter((r) => !investigators.has(r.id));
}
