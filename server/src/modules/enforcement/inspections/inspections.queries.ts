// SQL for inspections and their findings, always through the record-scope predicate (out of scope = not found).
import { and, desc, eq, getTableColumns, sql, type SQL } from 'drizzle-orm';
import { enterprises, inspectionFindings, inspections, penaltyCases } from '../../../db/schema';
import type { Actor } from '../../../platform/actor';
import type { DbOrTx } from '../../../platform/db';
import { scopeWhere } from '../../../platform/scope';
import { cstDate } from '../../../platform/time';

export type InspectionRow = typeof inspections.$inferSelect & { enterpriseName: string };
export type FindingRow = typeof inspectionFindings.$inferSelect;

const scope = (actor: Actor) =>
  scopeWhere(actor, {
    areaCode: inspections.areaCode,
    sector: inspections.sector,
    parkId: inspections.parkId,
    enterpriseId: inspections.enterpriseId,
  });

const columns = { ...getTableColumns(inspections), enterpriseName: enterprises.name };

export async function findInspection(db: DbOrTx, actor: Actor, id: string, lock = false): Promise<InspectionRow | null> {
  const q = db
    .select(columns as never)
    .from(inspections)
    .innerJoin(enterprises, eq(enterprises.id, inspections.enterpriseId))
    .where(and(eq(inspections.id, id), scope(actor)));
  const rows = (await (lock ? q.for('update', { of: inspections }) : q)) as InspectionRow[];
  return rows[0] ?? null;
}

export interface InspectionQuery {
  page: number;
  pageSize: number;
  state?: string;
  enterpriseId?: string;
  kind?: string;
  reinspectionDue?: 'true';
  inspectedMonth?: string;
}

export async function findInspections(db: DbOrTx, actor: Actor, q: InspectionQuery) {
  const parts: SQL[] = [scope(actor)];
  if (q.state) parts.push(eq(inspections.state, q.state));
  if (q.enterpriseId) parts.push(eq(inspections.enterpriseId, q.enterpriseId));
  if (q.kind) parts.push(eq(inspections.kind, q.kind));
  if (q.reinspectionDue) parts.push(sql`${inspections.reinspectedOn} is null and ${inspections.reinspectionDue} <= ${cstDate()}::date`);
  if (q.inspectedMonth) {
    // As enforcement_stats counts them (enforcement_track_inspections): done, in the month of inspected_on.
    const first = `${q.inspectedMonth}-01`;
    parts.push(
      sql`${inspections.state} = 'done' and ${inspections.inspectedOn} >= ${first}::date
          and ${inspections.inspectedOn} < (${first}::date + interval '1 month')`,
    );
  }
  const where = and(...parts);
  const items = (await db
    .select(columns as never)
    .from(inspections)
    .innerJoin(enterprises, eq(enterprises.id, inspections.enterpriseId))
    .where(where)
    .orderBy(desc(inspections.plannedOn), desc(inspections.createdAt))
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize)) as InspectionRow[];
  const [c] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(inspections)
    .where(where);
  return { items, total: c?.n ?? 0 };
}

export function findFindings(db: DbOrTx, inspectionId: string): Promise<FindingRow[]> {
  return db
    .select()
    .from(inspectionFindings)
    .where(eq(inspectionFindings.inspectionId, inspectionId))
    .orderBy(inspectionFindings.createdAt);
}

/** The case filed for this inspection's failed re-inspection, if any. */
export async function findEscalation(db: DbOrTx, inspectionId: string) {
  const [row] = await db
    .select({ id: penaltyCases.id, number: penaltyCases.number, status: penaltyCases.status })
    .from(penaltyCases)
    .where(and(eq(penaltyCases.inspectionId, inspectionId), eq(penaltyCases.origin, 'reinspection')));
  return row ?? null;
}
