// The district's view of scheduled self-inspection: tasks due in a date range per child area, with how many were
// done, are still open, or were missed (still pending after their last day), and how many enterprises missed one.
import { and, between, inArray, like, sql } from 'drizzle-orm';
import type { Lang, MissedSummary } from '@anjian/contracts';
import { areas, checkTasks } from '../../db/schema';
import type { Actor } from '../../platform/actor';
import { rowsOf, type DbOrTx } from '../../platform/db';
import { likePrefix } from '../../platform/scope';
import { addDays } from '../../platform/time';
import { childPrefixLength, rootPrefix } from '../risks/risks.views';
import { taskScope } from './checks.queries';

interface Row {
  key: string;
  total: number;
  done: number;
  missed: number;
  pending: number;
  enterprises_missing: number;
}

export async function missedSummary(
  db: DbOrTx,
  actor: Actor,
  q: { areaCode?: string; from?: string; to?: string },
  today: string,
  lang: Lang,
): Promise<MissedSummary> {
  const to = q.to ?? today;
  const from = q.from ?? addDays(to, -29);
  const prefix = rootPrefix(actor, q.areaCode);
  const n = childPrefixLength(prefix.length);
  const t = checkTasks;
  const missed = sql`${t.state} = 'pending' and ${t.dueDate} < ${today}`;
  const where = and(taskScope(actor), between(t.dueDate, from, to), prefix ? like(t.areaCode, likePrefix(prefix)) : undefined);
  const result = await db.execute(sql`
    select left(${t.areaCode}, ${n}) as key,
           count(*)::int as total,
           count(*) filter (where ${t.state} = 'done')::int as done,
           count(*) filter (where ${missed})::int as missed,
           count(*) filter (where ${t.state} = 'pending' and ${t.dueDate} >= ${today})::int as pending,
           count(distinct ${t.enterpriseId}) filter (where ${missed})::int as enterprises_missing
      from ${t}
     where ${where}
     group by 1
     order by 1`);
  const rows = rowsOf<Row>(result);
  const names = new Map<string, string>();
  if (rows.length > 0) {
    const found = await db
      .select({ prefix: areas.prefix, name: areas.name })
      .from(areas)
      .where(
        inArray(
          areas.prefix,
          rows.map((r) => r.key),
        ),
      );
    for (const a of found) names.set(a.prefix, a.name);
  }
  return {
    from,
    to,
    groups: rows.map((r) => ({
      key: r.key,
      name: names.get(r.key) ?? (lang === 'zh' ? `区划 ${r.key}` : `Area ${r.key}`),
      total: r.total,
      done: r.done,
      missed: r.missed,
      pending: r.pending,
      enterprisesMissing: r.enterprises_missing,
    })),
  };
}
