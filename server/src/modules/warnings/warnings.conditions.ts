// The condition catalogue's SQL: each kind answers "which subjects meet the condition as of day D" from the records'
// own dates (found/deadline/closed, listed/review/delisted, submitted, done), for a list of days at once: the same
// query serves the nightly evaluation (D = today), the per-event re-check (one enterprise) and the backtest (D = each
// past month's end and today; cut per day in the database, runConditionHeads, and for 'overdue_hazards' counted by
// warnings.backtest.ts with this query giving the listed enterprises' evidence) — one pass over the records, each
// joined to the days it meets the condition on. Subjects are limited to the rule's area (its owner's area prefix);
// each hit carries its scope columns and evidence.
import { sql, type SQL } from 'drizzle-orm';
import { personPostLabels, reportCategoryLabels, type WarningCondition, type WarningEvidence } from '@anjian/contracts';
import { rowsOf, type DbOrTx } from '../../platform/db';
import { likePrefix } from '../../platform/scope';
import { qualifyingKind } from '../people/people.rules';
import { paceHitsOnDays } from './warnings.pace';

/** A 举报's evidence line names its category as people read it (the constants are ours, so inlining them is safe). */
const reportCategoryText = (lang: 'zh' | 'en') =>
  sql.raw(
    `case r.category ${Object.entries(reportCategoryLabels)
      .map(([code, label]) => `when '${code}' then '${label[lang].replace(/'/g, "''")}'`)
      .join(' ')} else r.category end`,
  );

/** The certificate kind each 三项岗位 post needs (people.rules.ts qualifyingKind), as SQL over `post`. */
const qualifyingKindSql = sql.raw(
  `case p.post ${Object.entries(qualifyingKind)
    .map(([post, kind]) => `when '${post}' then '${kind}'`)
    .join(' ')} end`,
);
const postText = (lang: 'zh' | 'en') =>
  sql.raw(
    `case p.post ${Object.entries(personPostLabels)
      .map(([post, l]) => `when '${post}' then '${l[lang].replace(/'/g, "''")}'`)
      .join(' ')} end`,
  );

export interface Hit {
  subjectType: 'enterprise' | 'hazard' | 'address' | 'area';
  subjectId: string;
  label: string;
  enterpriseId: string | null;
  areaCode: string;
  sector: string | null;
  parkId: string | null;
  evidence: WarningEvidence;
}

interface Row {
  as_of: string;
  subject_type: Hit['subjectType'];
  subject_id: string;
  label: string;
  enterprise_id: string | null;
  area_code: string;
  sector: string | null;
  park_id: string | null;
  n: number;
  items: WarningEvidence['items'] | null;
  summary: string;
  summary_en: string;
}

/** Evidence lists at most this many records; `count` keeps the full number. */
const ITEMS = 20;
const cstStart = (day: SQL) => sql`((${day})::timestamp at time zone 'Asia/Shanghai')`;

/** Restricts a condition to one enterprise (the per-event re-check) or a list of them (a backtest's listed records). */
export type EnterpriseFilter = string | readonly string[] | undefined;
function onlyEnterprises(column: SQL, f: EnterpriseFilter): SQL {
  if (f === undefined) return sql``;
  if (typeof f === 'string') return sql`and ${column} = ${f}::uuid`;
  return sql`and ${column} = any(${`{${f.join(',')}}`}::uuid[])`;
}

function conditionSql(c: WarningCondition, days: readonly string[], prefix: string, enterpriseId: EnterpriseFilter): SQL {
  const d = sql`days.d`;
  const first = sql`${days[0]}::date`;
  const last = sql`${days[days.length - 1]}::date`;
  const area = likePrefix(prefix);
  switch (c.kind) {
    case 'overdue_hazards':
      // A list of enterprises (a backtest's listed ones) is not carried across the join by the planner as one id is:
      // it filters the enterprises by their key too, so they are read by it rather than scanned.
      return sql`
        select days.d::text as as_of, 'enterprise' as subject_type, e.id::text as subject_id, e.name as label,
               e.id::text as enterprise_id, e.area_code, e.sector, e.park_id::text as park_id, count(*)::int as n,
               to_jsonb((array_agg(jsonb_build_object('id', h.id::text, 'label', h.number, 'date', h.deadline::text)
                                   order by h.deadline, h.id))[1:${sql.raw(String(ITEMS))}]) as items,
               '逾期未整改隐患' || count(*) || '项' as summary,
               count(*) || ' hidden danger(s) past their rectification deadline' as summary_en
          from hazards h join enterprises e on e.id = h.enterprise_id
          join days on h.deadline < ${d} and h.found_on <= ${d} and (h.closed_on is null or h.closed_on > ${d})
         where h.area_code like ${area} and h.deadline < ${last} and (h.closed_on is null or h.closed_on > ${first})
           ${onlyEnterprises(sql`h.enterprise_id`, enterpriseId)}
           ${Array.isArray(enterpriseId) ? onlyEnterprises(sql`e.id`, enterpriseId) : sql``}
         group by days.d, e.id
        having count(*) >= ${c.params.minCount}`;
    case 'no_self_check': {
      const windowStart = cstStart(sql`${d} - ${c.params.days}::int + 1`);
      const dayEnd = cstStart(sql`${d} + 1`);
      return sql`
        select days.d::text as as_of, 'enterprise' as subject_type, e.id::text as subject_id, e.name as label,
               e.id::text as enterprise_id, e.area_code, e.sector, e.park_id::text as park_id, 0 as n, null::jsonb as items,
               coalesce('最近一次自查：' || to_char(max(t.done_at) filter (where t.done_at < ${dayEnd}) at time zone 'Asia/Shanghai', 'YYYY-MM-DD'),
                        '从未完成自查') as summary,
               coalesce('Last self-check: ' || to_char(max(t.done_at) filter (where t.done_at < ${dayEnd}) at time zone 'Asia/Shanghai', 'YYYY-MM-DD'),
                        'No self-check ever done') as summary_en
          from days cross join enterprises e join check_tasks t on t.enterprise_id = e.id
         where e.deleted_at is null and e.operating_status = 'operating' and e.area_code like ${area}
           and e.created_at < ${windowStart}
           ${onlyEnterprises(sql`e.id`, enterpriseId)}
         group by days.d, e.id
        having min(t.created_at) < ${windowStart}
           and coalesce(max(t.done_at) filter (where t.done_at < ${dayEnd}), '-infinity'::timestamptz) < ${windowStart}`;
    }
    case 'major_hazard_overdue': {
      const late = sql`${d} - ${c.params.graceDays}::int`;
      return sql`
        select days.d::text as as_of, 'hazard' as subject_type, h.id::text as subject_id, h.number || ' ' || e.name as label,
               h.enterprise_id::text as enterprise_id, h.area_code, h.sector, h.park_id::text as park_id, 1 as n,
               jsonb_build_array(jsonb_build_object('id', h.id::text, 'label', h.number,
                 'date', case when l.required_completion_date < ${late} and (l.review_applied_on is null or l.review_applied_on > ${d})
                              then l.required_completion_date else l.review_due end::text)) as items,
               case when l.required_completion_date < ${late} and (l.review_applied_on is null or l.review_applied_on > ${d})
                    then '挂牌督办要求' || l.required_completion_date::text || '前完成整改，未申请销号复核'
                    else '复核期限' || l.review_due::text || '已过，未完成复核' end as summary,
               case when l.required_completion_date < ${late} and (l.review_applied_on is null or l.review_applied_on > ${d})
                    then 'Listed for rectification by ' || l.required_completion_date::text || '; no review for delisting applied for'
                    else 'Review due ' || l.review_due::text || ' has passed without a review' end as summary_en
          from hazard_listings l join hazards h on h.id = l.hazard_id join enterprises e on e.id = h.enterprise_id
          join days on l.listed_on <= ${d}
         where h.area_code like ${area} and l.listed_on <= ${last} and (l.delisted_on is null or l.delisted_on > ${first})
           and (l.delisted_on is null or l.delisted_on > ${d})
           and ((l.required_completion_date < ${late} and (l.review_applied_on is null or l.review_applied_on > ${d}))
             or (l.review_due < ${late} and (l.reviewed_on is null or l.reviewed_on > ${d})))
           ${onlyEnterprises(sql`h.enterprise_id`, enterpriseId)}`;
    }
    case 'repeated_reports':
      // One enterprise, or — for reports naming none — one address.
      return sql`
        select r.d::text as as_of, case when r.enterprise_id is null then 'address' else 'enterprise' end as subject_type,
               coalesce(r.enterprise_id::text, md5(r.akey)) as subject_id,
               coalesce(max(e.name), r.akey) as label, r.enterprise_id::text as enterprise_id,
               coalesce(max(e.area_code), min(r.area_code)) as area_code, coalesce(max(e.sector), min(r.sector)) as sector,
               coalesce(max(e.park_id::text), min(r.park_id::text)) as park_id, count(*)::int as n,
               to_jsonb((array_agg(jsonb_build_object('id', r.id::text, 'label', ${reportCategoryText('zh')},
                                   'labelEn', ${reportCategoryText('en')}, 'date', r.submitted_on::text)
                                   order by r.submitted_on, r.id))[1:${sql.raw(String(ITEMS))}]) as items,
               ${c.params.days}::int || '天内被举报' || count(*) || '次' as summary,
               count(*) || ' report(s) in ' || ${c.params.days}::int || ' days' as summary_en
          from (select r.*, days.d, case when r.enterprise_id is null then r.address else '' end as akey
                  from reports r join days on r.submitted_on <= days.d and r.submitted_on > days.d - ${c.params.days}::int
                 where r.area_code like ${area} and r.status <> 'merged'
                   and r.submitted_on <= ${last} and r.submitted_on > ${first} - ${c.params.days}::int
                   ${onlyEnterprises(sql`r.enterprise_id`, enterpriseId)}) r
          left join enterprises e on e.id = r.enterprise_id
         group by r.d, r.enterprise_id, r.akey
        having count(*) >= ${c.params.minCount}`;
    case 'certificates_expiring': {
      // Each current post holder's latest due date on D among the certificates of the post's kind issued by D and not
      // revoked by D; a review recorded after D was still due on D (3 years from issue, rules.md §5.2 第二十一条).
      const due = sql`case when c.kind = 'special_operation' and not c.review_extended and c.reviewed_on > days.d
                           then least((c.issued_on + interval '3 years')::date, c.expires_on) else c.due_on end`;
      return sql`
        select p.d::text as as_of, 'enterprise' as subject_type, e.id::text as subject_id, e.name as label,
               e.id::text as enterprise_id, e.area_code, e.sector, e.park_id::text as park_id, count(*)::int as n,
               to_jsonb((array_agg(jsonb_build_object('id', p.id::text,
                           'label', p.name || '（' || p.post_text || case when p.latest < p.d then '，已过期' else '，即将到期' end || '）',
                           'labelEn', p.name || ' (' || p.post_en || case when p.latest < p.d then ', expired' else ', expiring' end || ')',
                           'date', p.latest::text) order by p.latest, p.id))[1:${sql.raw(String(ITEMS))}]) as items,
               ${c.params.days}::int || '天内证书到期' || count(*) filter (where p.latest >= p.d) || '人，已过期'
                 || count(*) filter (where p.latest < p.d) || '人' as summary,
               count(*) filter (where p.latest >= p.d) || ' certificate holder(s) expiring within ' || ${c.params.days}::int
                 || ' days, ' || count(*) filter (where p.latest < p.d) || ' expired' as summary_en
          from (select days.d, p.id, p.name, p.enterprise_id, ${postText('zh')} as post_text, ${postText('en')} as post_en,
                       max(${due}) as latest
                  from days join people p on p.employed_from <= days.d and (p.employed_to is null or p.employed_to >= days.d)
                  join certificates c on c.person_id = p.id and c.kind = ${qualifyingKindSql}
                   and c.issued_on <= days.d and (c.revoked_on is null or c.revoked_on > days.d)
                 where p.area_code like ${area} and p.post in (${sql.join(
                   Object.keys(qualifyingKind).map((k) => sql`${k}`),
                   sql`, `,
                 )})
                   ${onlyEnterprises(sql`p.enterprise_id`, enterpriseId)}
                 group by days.d, p.id) p
          join enterprises e on e.id = p.enterprise_id and e.deleted_at is null
         where p.latest <= p.d + ${c.params.days}::int
         group by p.d, e.id
        having count(*) filter (where p.latest >= p.d) >= ${c.params.minCount} or count(*) filter (where p.latest < p.d) > 0`;
    }
    case 'deaths_pace':
      throw new Error('deaths_pace is evaluated by warnings.pace.ts');
  }
}

const hitOf = (r: Row): Hit => ({
  subjectType: r.subject_type,
  subjectId: r.subject_id,
  label: r.label,
  enterpriseId: r.enterprise_id,
  areaCode: r.area_code,
  sector: r.sector,
  parkId: r.park_id,
  evidence: { summary: r.summary, summaryEn: r.summary_en, count: Number(r.n), items: r.items ?? [] },
});

/**
 * The condition's hits per day in the order every caller lists them (as_of, subject_type, subject_id); with `head`,
 * only each day's first `head` rows leave the database, each carrying its day's full count.
 */
async function hitRows(
  db: DbOrTx,
  c: Exclude<WarningCondition, { kind: 'deaths_pace' }>,
  days: readonly string[],
  prefix: string,
  enterprises: EnterpriseFilter,
  head?: number,
): Promise<(Row & { day_count?: number })[]> {
  const q = conditionSql(c, days, prefix, enterprises);
  return rowsOf(
    await db.execute(sql`
      with days(d) as (select unnest(string_to_array(${days.join(',')}, ','))::date)
      ${
        head === undefined
          ? sql`select * from (${q}) q`
          : sql`select * from (select q.*, count(*) over (partition by q.as_of)::int as day_count,
                                      row_number() over (partition by q.as_of order by q.subject_type, q.subject_id) as rn
                                 from (${q}) q) q
                 where rn <= ${head}`
      }
       order by as_of, subject_type, subject_id`),
  );
}

/**
 * The subjects meeting `c` on each of `days` (ascending 'YYYY-MM-DD') within the area `prefix` (optionally one
 * enterprise's, or a list of enterprises'), per day, in a stable order.
 */
export async function runConditionOnDays(
  db: DbOrTx,
  c: WarningCondition,
  days: readonly string[],
  prefix: string,
  enterpriseId?: EnterpriseFilter,
  focusArea?: string,
): Promise<Map<string, Hit[]>> {
  const out = new Map<string, Hit[]>(days.map((d) => [d, []]));
  if (days.length === 0) return out;
  // An area subject: its own query (targets resolved in code); an enterprise focus cannot narrow it.
  if (c.kind === 'deaths_pace') return enterpriseId ? out : paceHitsOnDays(db, c.params.tolerancePct, days, prefix, focusArea);
  for (const r of await hitRows(db, c, days, prefix, enterpriseId)) out.get(r.as_of)?.push(hitOf(r));
  return out;
}

/**
 * Per day, how many subjects meet `c` and the first `head` of them in runConditionOnDays' order — the same answer
 * cut in the database, so only the listed hits travel (a backtest's days can hold millions of hits).
 */
export async function runConditionHeads(
  db: DbOrTx,
  c: WarningCondition,
  days: readonly string[],
  prefix: string,
  head: number,
): Promise<Map<string, { count: number; hits: Hit[] }>> {
  const out = new Map<string, { count: number; hits: Hit[] }>(days.map((d) => [d, { count: 0, hits: [] }]));
  if (days.length === 0) return out;
  if (c.kind === 'deaths_pace') {
    // A handful of areas per day: cut in code.
    for (const [d, hits] of await paceHitsOnDays(db, c.params.tolerancePct, days, prefix))
      out.set(d, { count: hits.length, hits: hits.slice(0, head) });
    return out;
  }
  for (const r of await hitRows(db, c, days, prefix, undefined, head)) {
    const day = out.get(r.as_of);
    if (!day) continue;
    day.count = Number(r.day_count);
    day.hits.push(hitOf(r));
  }
  return out;
}

/** The subjects meeting `c` on `asOf` (the nightly evaluation and the per-event re-check). */
export async function runCondition(
  db: DbOrTx,
  c: WarningCondition,
  asOf: string,
  prefix: string,
  enterpriseId?: string,
  focusArea?: string,
) {
  return (await runConditionOnDays(db, c, [asOf], prefix, enterpriseId, focusArea)).get(asOf)!;
}
