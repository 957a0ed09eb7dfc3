// SQL of 举报: every officer read goes through the scope predicate on the report's own area code (a street officer
// sees its street's reports, the district its district's); the tracking read goes by the code alone and returns only
// what the public may see; a citizen's list goes by the account that submitted. The vault is read only by reveal.
import { and, asc, count, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { ReportListQuery } from '@anjian/contracts';
import { areas, reportReporters, reports, stateTransitions, users } from '../../db/schema';
import type { Actor } from '../../platform/actor';
import type { DbOrTx } from '../../platform/db';
import { scopeWhere } from '../../platform/scope';
import type { ReportRow } from './reports.workflow';

const scope = (actor: Actor) =>
  scopeWhere(actor, { areaCode: reports.areaCode, sector: reports.sector, parkId: reports.parkId, enterpriseId: reports.enterpriseId });

export async function findReport(db: DbOrTx, actor: Actor, id: string, lock = false): Promise<ReportRow | null> {
  const q = db
    .select()
    .from(reports)
    .where(and(eq(reports.id, id), scope(actor)));
  const [row] = lock ? await q.for('update') : await q;
  return row ?? null;
}

/** The SQL condition "past its time limit on `today`" (received and not accepted in time, or not replied in time). */
export function overdueSql(today: string): SQL {
  return sql`((${reports.status} = 'received' and ${reports.acceptDue} < ${today})
    or (${reports.status} in ('accepted', 'handling') and ${reports.handleDue} < ${today}))`;
}

export async function findReports(db: DbOrTx, actor: Actor, q: ReportListQuery, today: string) {
  const parts: SQL[] = [scope(actor)];
  if (q.status) parts.push(eq(reports.status, q.status));
  if (q.category) parts.push(eq(reports.category, q.category));
  if (q.channel) parts.push(eq(reports.channel, q.channel));
  if (q.overdue !== undefined) parts.push(q.overdue ? overdueSql(today) : sql`not ${overdueSql(today)}`);
  const where = and(...parts);
  const [items, [total]] = await Promise.all([
    db
      .select()
      .from(reports)
      .where(where)
      .orderBy(desc(reports.submittedOn), desc(reports.createdAt), asc(reports.id))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    db.select({ n: count() }).from(reports).where(where),
  ]);
  return { items, total: total!.n };
}

export async function findByTrackingCode(db: DbOrTx, code: string) {
  const [row] = await db
    .select({
      /** Only to read the report's photos; never presented. */
      id: reports.id,
      status: reports.status,
      submittedOn: reports.submittedOn,
      // A merged report shows the reply given on the report it joined.
      reply: sql<string | null>`coalesce(${reports.reply}, (select t.reply from reports t where t.id = ${reports.mergedInto}))`,
      // The extension the reporter must be told of (§8); only these four columns of the report itself.
      extensionReason: reports.extensionReason,
      extendedDays: reports.extendedDays,
      extendedOn: reports.extendedOn,
      handleDue: reports.handleDue,
    })
    .from(reports)
    .where(eq(reports.trackingCode, code.toUpperCase()));
  return row ?? null;
}

export async function findMyReports(db: DbOrTx, userId: string) {
  return db
    .select({
      id: reports.id,
      trackingCode: reports.trackingCode,
      category: reports.category,
      address: reports.address,
      status: reports.status,
      submittedOn: reports.submittedOn,
      reply: reports.reply,
    })
    .from(reports)
    .where(eq(reports.submittedBy, userId))
    .orderBy(desc(reports.createdAt))
    .limit(200);
}

export async function findReportHistory(db: DbOrTx, id: string) {
  return db
    .select({
      action: stateTransitions.action,
      from: stateTransitions.fromState,
      to: stateTransitions.toState,
      actorName: stateTransitions.actorName,
      at: stateTransitions.at,
    })
    .from(stateTransitions)
    .where(and(eq(stateTransitions.recordType, 'report'), eq(stateTransitions.recordId, id)))
    .orderBy(asc(stateTransitions.at), asc(stateTransitions.id));
}

/** Names of the areas and assignees a page of reports refers to. */
export async function reportNames(db: DbOrTx, rows: ReportRow[]) {
  const codes = [...new Set(rows.map((r) => r.areaCode))];
  const ids = [...new Set(rows.map((r) => r.assigneeId).filter((x): x is string => !!x))];
  const [a, u] = await Promise.all([
    codes.length ? db.select({ code: areas.code, name: areas.name }).from(areas).where(inArray(areas.code, codes)) : [],
    ids.length ? db.select({ id: users.id, name: users.displayName }).from(users).where(inArray(users.id, ids)) : [],
  ]);
  return { areas: new Map(a.map((x) => [x.code, x.name])), users: new Map(u.map((x) => [x.id, x.name])) };
}

/** Areas a report can be routed to: districts and streets (the public form's list). */
export async function findReportAreas(db: DbOrTx) {
  return db
    .select({ code: areas.code, name: areas.name, level: areas.level })
    .from(areas)
    .where(inArray(areas.level, ['district', 'street']))
    .orderBy(asc(areas.sort), asc(areas.code))
    .limit(2000);
}

export async function areaExists(db: DbOrTx, code: string) {
  const [row] = await db
    .select({ code: areas.code })
    .from(areas)
    .where(and(eq(areas.code, code), inArray(areas.level, ['district', 'street', 'community', 'grid'])));
  return !!row;
}

export async function findSealedReporter(db: DbOrTx, reportId: string) {
  const [row] = await db.select().from(reportReporters).where(eq(reportReporters.reportId, reportId));
  return row ?? null;
}

/** A user the report may be assigned to: an officer whose scope covers the report's area. */
export async function findAssignee(db: DbOrTx, id: string) {
  const [row] = await db.select({ id: users.id, role: users.role, displayName: users.displayName }).from(users).where(eq(users.id, id));
  return row ?? null;
}
