// Generates the scheduled self-inspection tasks due around `today` (China date): for every operating enterprise
// with a risk register, one task per control level whose period contains today (班组日、部门周、经理月 by default,
// configurable), holding one item per live control measure of an open event at that level and one per item of
// the checklist templates that apply to the enterprise (its sector, its special hazard tags, or 通用).
//
// Idempotent: tasks are unique per (enterprise, level, period start) and items per (task, origin), so running it
// twice, from two processes, or after a restart adds nothing; a measure added mid-period joins the still-pending
// task on the next run. Set-based SQL, so a district of thousands of enterprises is a handful of statements.
import { sql } from 'drizzle-orm';
import type { ResponsibleLevel } from '@anjian/contracts';
import { responsibleLevels } from '@anjian/contracts';
import {
  checkTaskItems,
  checkTasks,
  checkTemplateItems,
  checkTemplates,
  enterpriseRiskSummary,
  enterprises,
  riskEvents,
  riskMeasures,
  riskUnits,
} from '../../../db/schema';
import { CalendarGapError, isWorkday } from '../../../platform/calendar';
import { rowsOf, type DbOrTx, type Tx } from '../../../platform/db';
import { recordAudit, type AuditContext } from '../../../platform/audit';
import { loadRiskSettings } from '../../risks/risks.settings';
import { periodOf } from '../checks.periods';

export interface GenerateResult {
  date: string;
  tasksCreated: number;
  itemsCreated: number;
}

/** Daily checks follow the official working-day calendar; a year it has no data for counts every day (over-asking beats silently skipping). */
function isCheckDay(today: string, log?: (msg: string) => void): boolean {
  try {
    return isWorkday(today);
  } catch (e) {
    if (!(e instanceof CalendarGapError)) throw e;
    log?.(`${e.message}; generating daily checks for ${today} anyway`);
    return true;
  }
}

const count = async (tx: Tx, statement: ReturnType<typeof sql>) =>
  rowsOf<{ n: number }>(await tx.execute(sql`with ins as (${statement} returning 1) select count(*)::int as n from ins`))[0]?.n ?? 0;

// Joins from a task `t` (and its enterprise `e`) to what it must check. Measures: live, of open and live events
// and units, at the task's level. Templates: active, at the task's level, for the enterprise's sector, one of its
// special hazard tags, or everyone (no sector and no tag).
const measureJoin = sql`
  join ${riskMeasures} m on m.enterprise_id = e.id and m.responsible_level = t.level and m.deleted_at is null
  join ${riskEvents} ev on ev.id = m.event_id and ev.status = 'open' and ev.deleted_at is null
  join ${riskUnits} u on u.id = m.unit_id and u.deleted_at is null`;
const templateJoin = sql`
  join ${checkTemplates} tp on tp.active and tp.deleted_at is null and tp.check_level = t.level
   and ((tp.sector is null and tp.hazard_tag is null) or tp.sector = e.sector or tp.hazard_tag = any(e.hazard_tags))
  join ${checkTemplateItems} ti on ti.template_id = tp.id and ti.retired_at is null`;

async function generateLevel(tx: Tx, level: ResponsibleLevel, frequency: string, start: string, end: string) {
  // A candidate row `t` per eligible enterprise, so the same joins decide both "needs a task" and "which items".
  const tasksCreated = await count(
    tx,
    sql`insert into ${checkTasks} (enterprise_id, area_code, sector, park_id, level, frequency, period_start, due_date)
        select e.id, e.area_code, e.sector, e.park_id, ${level}, ${frequency}, ${start}, ${end}
          from ${enterprises} e
          join ${enterpriseRiskSummary} s on s.enterprise_id = e.id and s.units > 0
          cross join (select ${level}::text as level) t
         where e.deleted_at is null and e.operating_status = 'operating'
           and (exists (select 1 from (select 1) x ${measureJoin}) or exists (select 1 from (select 1) y ${templateJoin}))
        on conflict (enterprise_id, level, period_start) do nothing`,
  );
  // Items join only tasks still pending: a submitted check is a record and never changes afterwards.
  const pending = sql`t.level = ${level} and t.period_start = ${start} and t.state = 'pending'`;
  const fromMeasures = await count(
    tx,
    sql`insert into ${checkTaskItems}
          (task_id, enterprise_id, area_code, sector, park_id, source_key, measure_id, event_id, content, unit_name, event_name, risk_level, sort)
        select t.id, t.enterprise_id, t.area_code, t.sector, t.park_id, 'm:' || m.id, m.id, ev.id, m.description, u.name, ev.name, ev.level,
               coalesce(array_position(array['major','significant','general','low']::text[], ev.level), 5)
          from ${checkTasks} t
          join ${enterprises} e on e.id = t.enterprise_id
          ${measureJoin}
         where ${pending}
        on conflict (task_id, source_key) do nothing`,
  );
  const fromTemplates = await count(
    tx,
    sql`insert into ${checkTaskItems}
          (task_id, enterprise_id, area_code, sector, park_id, source_key, template_item_id, content, basis, unit_name, sort)
        select t.id, t.enterprise_id, t.area_code, t.sector, t.park_id, 't:' || ti.id, ti.id, ti.content, ti.basis, tp.name, 100 + ti.sort
          from ${checkTasks} t
          join ${enterprises} e on e.id = t.enterprise_id
          ${templateJoin}
         where ${pending}
        on conflict (task_id, source_key) do nothing`,
  );
  if (tasksCreated + fromMeasures + fromTemplates > 0) {
    await tx.execute(sql`update ${checkTasks} t
                            set item_count = (select count(*) from ${checkTaskItems} i where i.task_id = t.id)
                          where ${pending}`);
  }
  return { tasksCreated, itemsCreated: fromMeasures + fromTemplates };
}

/** `audit` is who asked (the route); the daily job passes none and is recorded as the system (actor null). */
export async function generateCheckTasks(
  db: DbOrTx,
  o: { today: string; log?: (msg: string) => void; audit?: AuditContext },
): Promise<GenerateResult> {
  const settings = await loadRiskSettings(db);
  const checkDay = !settings.dailyOnWorkdaysOnly || isCheckDay(o.today, o.log);
  return db.transaction(async (tx) => {
    const out: GenerateResult = { date: o.today, tasksCreated: 0, itemsCreated: 0 };
    for (const level of responsibleLevels) {
      const frequency = settings.frequencies[level];
      if (frequency === 'daily' && !checkDay) continue;
      const { start, end } = periodOf(frequency, o.today);
      const r = await generateLevel(tx, level, frequency, start, end);
      out.tasksCreated += r.tasksCreated;
      out.itemsCreated += r.itemsCreated;
    }
    // A request is always recorded (who asked, even for nothing new); the job only when it wrote something.
    if (o.audit || out.tasksCreated + out.itemsCreated > 0)
      await recordAudit(tx, o.audit ?? { actor: null, ip: null }, {
        action: 'check.task.generate',
        entityType: 'check_task',
        entityId: o.today,
        after: out,
      });
    return out;
  });
}
