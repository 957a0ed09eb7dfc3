// 听证: who investigated a case (and so may not preside over its hearing, 行政处罚法 §64(四)), and who may preside.
import { sql } from 'drizzle-orm';
import type { Actor } from '../../../platform/actor';
import { rowsOf, type DbOrTx } from '../../../platform/db';
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

/**
 * The organisations of the caller's authority: a bureau division (科室、执法大队) belongs to its bureau, so the authority
 * is the bureau with all its divisions; a street office or bureau is its own authority (with any divisions it has).
 */
export async function authorityOrgIds(db: DbOrTx, actor: Actor): Promise<string[]> {
  if (!actor.orgId) return [];
  const rows = rowsOf<{ id: string }>(
    await db.execute(sql`
      with me as (select case when kind = 'bureau_division' and parent_id is not null then parent_id else id end as authority
                  from organisations where id = ${actor.orgId})
      select o.id::text as id from organisations o, me
      where o.id = me.authority or (o.parent_id = me.authority and o.kind = 'bureau_division')`),
  );
  return rows.map((r) => r.id);
}

/** Active enforcement staff and leaders of the caller's authority who did not investigate the case. */
export async function findPresiderCandidates(db: DbOrTx, actor: Actor, c: CaseRow): Promise<PresiderCandidate[]> {
  const orgs = await authorityOrgIds(db, actor);
  if (orgs.length === 0) return [];
  const investigators = await caseInvestigatorIds(db, c);
  const rows = rowsOf<PresiderCandidate>(
    await db.execute(sql`
      select id::text as id, display_name as "displayName", role from users
      where org_id in (${sql.join(
        orgs.map((o) => sql`${o}::uuid`),
        sql`, `,
      )}) and status = 'active' and role in ('district_officer', 'street_officer', 'district_leader')
      order by display_name, id`),
  );
  return rows.filter((r) => !investigators.has(r.id));
}
