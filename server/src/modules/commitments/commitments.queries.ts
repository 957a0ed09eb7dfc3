// All SQL of commitments and duty records: every read through the scope predicate on the table's own scope columns
// (the public commitment page alone reads without a caller: it shows what the enterprise publishes to its workers).
import { and, count, desc, eq, isNull, type SQL } from 'drizzle-orm';
import type { DutyRecordListQuery } from '@anjian/contracts';
import { dutyRecords, enterprises, safetyCommitments } from '../../db/schema';
import type { Actor } from '../../platform/actor';
import type { DbOrTx } from '../../platform/db';
import { scopeWhere } from '../../platform/scope';

export type CommitmentRow = typeof safetyCommitments.$inferSelect;
export type DutyRow = typeof dutyRecords.$inferSelect;
export type DutyRowWithName = DutyRow & { enterpriseName: string };

const enterpriseScope = (actor: Actor) =>
  scopeWhere(actor, {
    areaCode: enterprises.areaCode,
    sector: enterprises.sector,
    parkId: enterprises.parkId,
    enterpriseId: enterprises.id,
  });
const commitmentScope = (actor: Actor) =>
  scopeWhere(actor, {
    areaCode: safetyCommitments.areaCode,
    sector: safetyCommitments.sector,
    parkId: safetyCommitments.parkId,
    enterpriseId: safetyCommitments.enterpriseId,
  });
export const dutyScope = (actor: Actor) =>
  scopeWhere(actor, {
    areaCode: dutyRecords.areaCode,
    sector: dutyRecords.sector,
    parkId: dutyRecords.parkId,
    enterpriseId: dutyRecords.enterpriseId,
  });

export interface EnterpriseFacts {
  id: string;
  name: string;
  areaCode: string;
  sector: string;
  parkId: string | null;
}

/** A live enterprise in the caller's scope (lock: FOR UPDATE, serialising the first signature of a year). */
export async function findEnterprise(db: DbOrTx, actor: Actor, id: string, lock = false): Promise<EnterpriseFacts | null> {
  const q = db
    .select({
      id: enterprises.id,
      name: enterprises.name,
      areaCode: enterprises.areaCode,
      sector: enterprises.sector,
      parkId: enterprises.parkId,
    })
    .from(enterprises)
    .where(and(eq(enterprises.id, id), isNull(enterprises.deletedAt), enterpriseScope(actor)));
  const [row] = lock ? await q.for('update') : await q;
  return row ?? null;
}

export async function findCommitment(db: DbOrTx, actor: Actor, enterpriseId: string, year: number, lock = false) {
  const q = db
    .select()
    .from(safetyCommitments)
    .where(and(eq(safetyCommitments.enterpriseId, enterpriseId), eq(safetyCommitments.year, year), commitmentScope(actor)));
  const [row] = lock ? await q.for('update') : await q;
  return row ?? null;
}

/** The published commitment of a live enterprise for a year, with no caller (the workers' public page). */
export async function findPublicCommitment(db: DbOrTx, enterpriseId: string, year: number) {
  const [row] = await db
    .select({ c: safetyCommitments, enterpriseName: enterprises.name })
    .from(safetyCommitments)
    .innerJoin(enterprises, eq(enterprises.id, safetyCommitments.enterpriseId))
    .where(and(eq(safetyCommitments.enterpriseId, enterpriseId), eq(safetyCommitments.year, year), isNull(enterprises.deletedAt)));
  return row ?? null;
}

export async function findDutyRecord(db: DbOrTx, actor: Actor, id: string, lock = false): Promise<DutyRowWithName | null> {
  const q = db
    .select({ r: dutyRecords, enterpriseName: enterprises.name })
    .from(dutyRecords)
    .innerJoin(enterprises, eq(enterprises.id, dutyRecords.enterpriseId))
    .where(and(eq(dutyRecords.id, id), dutyScope(actor)));
  const [row] = lock ? await q.for('update', { of: dutyRecords }) : await q;
  return row ? { ...row.r, enterpriseName: row.enterpriseName } : null;
}

/** The record of a duty for a period, if filed (one per enterprise, duty and period). */
export async function findDutyRecordOf(db: DbOrTx, actor: Actor, enterpriseId: string, duty: string, period: string) {
  const [row] = await db
    .select({ id: dutyRecords.id })
    .from(dutyRecords)
    .where(and(eq(dutyRecords.enterpriseId, enterpriseId), eq(dutyRecords.duty, duty), eq(dutyRecords.period, period), dutyScope(actor)));
  return row ? findDutyRecord(db, actor, row.id) : null;
}

export async function findDutyRecords(db: DbOrTx, actor: Actor, q: DutyRecordListQuery) {
  const parts: SQL[] = [dutyScope(actor)];
  if (q.status) parts.push(eq(dutyRecords.status, q.status));
  if (q.year) parts.push(eq(dutyRecords.year, q.year));
  if (q.duty) parts.push(eq(dutyRecords.duty, q.duty));
  if (q.enterpriseId) parts.push(eq(dutyRecords.enterpriseId, q.enterpriseId));
  const where = and(...parts);
  const [rows, [total]] = await Promise.all([
    db
      .select({ r: dutyRecords, enterpriseName: enterprises.name })
      .from(dutyRecords)
      .innerJoin(enterprises, eq(enterprises.id, dutyRecords.enterpriseId))
      .where(where)
      .orderBy(desc(dutyRecords.createdAt), desc(dutyRecords.id))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    db.select({ n: count() }).from(dutyRecords).where(where),
  ]);
  return { rows: rows.map((x) => ({ ...x.r, enterpriseName: x.enterpriseName })), total: total?.n ?? 0 };
}

/** Every record of one enterprise for a year (at most 22), for its board. */
export async function enterpriseYearRecords(db: DbOrTx, actor: Actor, enterpriseId: string, year: number) {
  return db
    .select({ id: dutyRecords.id, duty: dutyRecords.duty, period: dutyRecords.period, status: dutyRecords.status })
    .from(dutyRecords)
    .where(and(eq(dutyRecords.enterpriseId, enterpriseId), eq(dutyRecords.year, year), dutyScope(actor)));
}
