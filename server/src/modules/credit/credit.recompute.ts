// The full recomputation of the credit summaries (`cli recompute-credit`), for when every grade must be brought up to
// date at once: a new scheme version, a bulk load that bypassed the consumer, a long outage of the daily job. Set-based:
// the same arithmetic as computeCredit (credit.scheme.ts), written in SQL from the scheme's data, over a batch of
// enterprises per statement (keyset on enterprises.id), each batch one transaction that upserts the summary rows and
// mirrors the grade onto enterprises.credit_grade where it changed, as recomputeSummary does for one enterprise. The
// enterprises recomputed are those with a summary row or an entry: no summary is created for an enterprise without a
// credit record (the list by grade shows only enterprises that have one). One difference, past the per-event path's
// limit: recomputeSummary reads an enterprise's latest 1,000 entries, this reads all of them. The same statement over a
// list of enterprises (recomputeSummariesOf) serves the credit consumer's batches of the daily sweeps' events.
import { sql, type SQL } from 'drizzle-orm';
import { rowsOf, type Db, type DbOrTx } from '../../platform/db';
import { setLocalWhereKnown } from '../../platform/planner-settings';
import { addMonths } from '../../platform/time';
import { currentCreditScheme, type CreditScheme } from './credit.scheme';

/** (kind, severity key, points) of the scheme: severity '' for kinds scored without one. */
function pointsTable(scheme: CreditScheme): [string, string, number][] {
  const rows: [string, string, number][] = [];
  for (const [kind, v] of Object.entries(scheme.points)) {
    if (kind === 'accident' || kind === 'standardization') {
      for (const [severity, p] of Object.entries(v as Record<string, number>)) rows.push([kind, severity, p]);
    } else rows.push([kind, '', v as number]);
  }
  return rows;
}

/** The scheme's points as a VALUES list (kind, severity, points) to join credit_entries `e` on, and pointsOf's key. */
function pointsSql(scheme: CreditScheme) {
  const values = sql.join(
    pointsTable(scheme).map(([k, s, p]) => sql`(${k}::text, ${s}::text, ${p}::int)`),
    sql`, `,
  );
  return {
    table: sql`(values ${values}) p(kind, severity, points)`,
    key: sql`(case e.kind when 'accident' then coalesce(e.severity, 'general') when 'standardization' then coalesce(e.severity, '') else '' end)`,
    // An accident of a level the scheme does not name counts as a general one (pointsOf); any other unnamed kind 0.
    fallback: sql`(case when e.kind = 'accident' then ${scheme.points.accident.general ?? 0}::int else 0 end)`,
  };
}

/** gradeOfScore as SQL: the first threshold the score reaches, else D. */
function gradeSql(scheme: CreditScheme, score: SQL): SQL {
  const whens = sql.join(
    scheme.thresholds.map((t) => sql`when ${score} >= ${t.minScore}::int then ${t.grade}::text`),
    sql` `,
  );
  return sql`(case ${whens} else 'D' end)`;
}

export interface RecomputeResult {
  enterprises: number;
  gradesChanged: number;
  batches: number;
}

/** Which enterprises one statement recomputes: an id range (the full recompute's batch) or a list (a consumer batch). */
type Targets = { after: string; upTo: string } | { ids: string[] };

/**
 * The statement that recomputes the summaries of `targets` as of `today` and mirrors each grade onto its enterprise
 * where it changed. A range takes the enterprises in it that have a summary row or an entry; a list takes them all,
 * as recomputeSummary does for one. Answers the summaries written and the grades changed.
 */
function recomputeStatement(scheme: CreditScheme, today: string, targets: Targets): SQL {
  const since = addMonths(today, -scheme.windowMonths);
  // Standing kinds (the 无事故 record) count while active, however old: counts() in credit.scheme.ts.
  const standing = `{${(scheme.standingKinds ?? []).join(',')}}`;
  const points = pointsSql(scheme);
  const score = sql`least(${scheme.base}::int, greatest(0, ${scheme.base}::int - coalesce(a.deducted, 0) + least(${scheme.creditCap ?? 0}::int, coalesce(a.credits, 0))))`;
  const inTargets = (column: SQL) =>
    'ids' in targets
      ? sql`${column} = any(${`{${targets.ids.join(',')}}`}::uuid[])`
      : sql`${column} > ${targets.after}::uuid and ${column} <= ${targets.upTo}::uuid`;
  const withRecord =
    'ids' in targets
      ? sql``
      : sql`and en.id in (select s.enterprise_id from credit_summaries s where ${inTargets(sql`s.enterprise_id`)}
                          union
                          select x.enterprise_id from credit_entries x where ${inTargets(sql`x.enterprise_id`)})`;
  return sql`
    with targets as (
      select en.id, en.area_code, en.sector, en.park_id from enterprises en
       where ${inTargets(sql`en.id`)} ${withRecord}
    ), scored as (
      select e.enterprise_id, e.kind, e.severity, e.status,
             (e.status = 'active' and e.occurred_on <= ${today}::date
              and (e.occurred_on >= ${since}::date or e.kind = any(${standing}::text[]))) as counted,
             coalesce(p.points, ${points.fallback}) as points
        from credit_entries e left join ${points.table} on p.kind = e.kind and p.severity = ${points.key}
       where ${inTargets(sql`e.enterprise_id`)}
    ), per as (
      select enterprise_id,
             coalesce(sum(greatest(points, 0)) filter (where counted), 0)::int as deducted,
             coalesce(sum(-least(points, 0)) filter (where counted), 0)::int as credits,
             coalesce(bool_or(counted and kind = 'accident' and severity in ('major', 'especially_major')), false) as major_accident,
             (count(*) filter (where status = 'active'))::int as active_entries
        from scored group by enterprise_id
    ), calc as (
      select t.id, t.area_code, t.sector, t.park_id, ${score} as score,
             coalesce(a.major_accident, false)
               or exists (select 1 from credit_listings l where l.enterprise_id = t.id and l.status = 'published'
                            and l.period_end > ${today}::date) as capped,
             coalesce(a.active_entries, 0) as active_entries
        from targets t left join per a on a.enterprise_id = t.id
    ), up as (
      insert into credit_summaries (enterprise_id, area_code, sector, park_id, scheme_version, score, grade, active_entries, as_of)
      select id, area_code, sector, park_id, ${scheme.version}, score,
             case when capped then 'D' else ${gradeSql(scheme, sql`score`)} end, active_entries, ${today}::date
        from calc
      on conflict (enterprise_id) do update
         set area_code = excluded.area_code, sector = excluded.sector, park_id = excluded.park_id,
             scheme_version = excluded.scheme_version, score = excluded.score, grade = excluded.grade,
             active_entries = excluded.active_entries, as_of = excluded.as_of,
             version = credit_summaries.version + 1, updated_at = now()
      returning enterprise_id, grade
    ), mirrored as (
      update enterprises en set credit_grade = up.grade from up
       where en.id = up.enterprise_id and ${inTargets(sql`en.id`)}
         and en.credit_grade is distinct from up.grade
      returning 1
    )
    select (select count(*) from up)::int as n, (select count(*) from mirrored)::int as changed`;
}

/**
 * Recomputes the summaries of the enterprises `ids` as of `today` in one statement, inside the caller's transaction:
 * for a consumer's batch of events (the 无事故 sweep's), where recomputeSummary one enterprise at a time was most of
 * the cost.
 */
export async function recomputeSummariesOf(tx: DbOrTx, ids: readonly string[], today: string, scheme: CreditScheme = currentCreditScheme) {
  if (ids.length === 0) return { enterprises: 0, gradesChanged: 0 };
  const [r] = rowsOf<{ n: number; changed: number }>(await tx.execute(recomputeStatement(scheme, today, { ids: [...new Set(ids)] })));
  return { enterprises: r?.n ?? 0, gradesChanged: r?.changed ?? 0 };
}

/** Recomputes every credit summary as of `today` under `scheme`; `batchSize` enterprises (by id) per transaction. */
export async function recomputeAllSummaries(
  db: Db,
  today: string,
  o: { scheme?: CreditScheme; batchSize?: number; onProgress?: (done: number) => void } = {},
): Promise<RecomputeResult> {
  const scheme = o.scheme ?? currentCreditScheme;
  const batchSize = o.batchSize ?? 20_000;
  let after = '00000000-0000-0000-0000-000000000000';
  const out: RecomputeResult = { enterprises: 0, gradesChanged: 0, batches: 0 };
  for (;;) {
    const [last] = rowsOf<{ id: string | null }>(
      await db.execute(sql`
        select id::text as id from (select id from enterprises where id > ${after}::uuid order by id limit ${batchSize}) b
         order by b.id desc limit 1`),
    );
    if (!last?.id) break;
    const upTo = last.id;
    const [r] = rowsOf<{ n: number; changed: number }>(
      await db.transaction(async (tx) => {
        // One planned statement per batch: compiling it (JIT) would cost more than running it. A database without JIT
        // (openGauss) has nothing to turn off.
        await tx.execute(setLocalWhereKnown({ jit: 'off' }));
        return tx.execute(recomputeStatement(scheme, today, { after, upTo }));
      }),
    );
    out.enterprises += r?.n ?? 0;
    out.gradesChanged += r?.changed ?? 0;
    out.batches += 1;
    o.onProgress?.(out.enterprises);
    after = upTo;
  }
  return out;
}
