// SQL of 举报奖励: every officer read goes through the scope predicate on the reward's own scope columns (the report's,
// copied when the reward was created); the finding is read only after its report passed the report's scope; the
// tracking read goes by the code alone and returns only the reward's stage. No query here touches the vault.
import { and, asc, count, desc, eq, inArray, ne, sql, type SQL } from 'drizzle-orm';
import type { RewardListQuery } from '@anjian/contracts';
import { areas, reportRewards, reports, reportVerifications, stateTransitions, users } from '../../../db/schema';
import type { Actor } from '../../../platform/actor';
import { rowsOf, type DbOrTx } from '../../../platform/db';
import { scopeWhere } from '../../../platform/scope';
import { findFilesByIds } from '../../../platform/files';
import type { RewardRow } from './rewards.workflow';

const scope = (actor: Actor) =>
  scopeWhere(actor, {
    areaCode: reportRewards.areaCode,
    sector: reportRewards.sector,
    parkId: reportRewards.parkId,
    enterpriseId: reportRewards.enterpriseId,
  });

export async function findReward(db: DbOrTx, actor: Actor, id: string, lock = false): Promise<RewardRow | null> {
  const q = db
    .select()
    .from(reportRewards)
    .where(and(eq(reportRewards.id, id), scope(actor)));
  const [row] = lock ? await q.for('update') : await q;
  return row ?? null;
}

export async function findRewards(db: DbOrTx, actor: Actor, q: RewardListQuery) {
  const parts: SQL[] = [scope(actor)];
  if (q.status) parts.push(eq(reportRewards.status, q.status));
  if (q.year) parts.push(eq(reportRewards.year, q.year));
  const where = and(...parts);
  const [items, [total]] = await Promise.all([
    db
      .select()
      .from(reportRewards)
      .where(where)
      .orderBy(desc(reportRewards.dueOn), desc(reportRewards.createdAt), asc(reportRewards.id))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    db.select({ n: count() }).from(reportRewards).where(where),
  ]);
  return { items, total: total!.n };
}

/** The reward of a report whose scope the caller already passed. */
export async function findRewardOfReport(db: DbOrTx, reportId: string) {
  const [row] = await db.select().from(reportRewards).where(eq(reportRewards.reportId, reportId));
  return row ?? null;
}

export async function findVerification(db: DbOrTx, reportId: string) {
  const [row] = await db
    .select({
      finding: reportVerifications.finding,
      note: reportVerifications.note,
      recordedOn: reportVerifications.recordedOn,
      recordedByName: users.displayName,
    })
    .from(reportVerifications)
    .innerJoin(users, eq(users.id, reportVerifications.recordedBy))
    .where(eq(reportVerifications.reportId, reportId));
  return row ?? null;
}

/**
 * The other rewards of the same matter (same decision or accident reference), whatever their area: the first valid
 * reporter is decided over all of them. Only dates and ids leave this function — nothing the caller is shown.
 */
export async function findSameMatter(db: DbOrTx, basisRef: string, exceptId: string) {
  return db
    .select({
      id: reportRewards.id,
      acceptedOn: reportRewards.reportAcceptedOn,
      submittedOn: reports.submittedOn,
      createdAt: reports.createdAt,
    })
    .from(reportRewards)
    .innerJoin(reports, eq(reports.id, reportRewards.reportId))
    .where(and(eq(reportRewards.basisRef, basisRef), ne(reportRewards.status, 'declined'), ne(reportRewards.id, exceptId)))
    .limit(100);
}

/** A report's submission day and creation time: the first-valid-reporter rule's tie-breakers. */
export async function findReportDates(db: DbOrTx, reportId: string) {
  const [row] = await db
    .select({ submittedOn: reports.submittedOn, createdAt: reports.createdAt })
    .from(reports)
    .where(eq(reports.id, reportId));
  return row ?? null;
}

/** 举报奖励措施落实率 for one year of the caller's scope, per area: due = not declined, paid = paid. */
export async function rewardRateOf(db: DbOrTx, actor: Actor, year: number) {
  const rows = await db
    .select({
      areaCode: reportRewards.areaCode,
      due: sql<number>`count(*) filter (where ${reportRewards.status} <> 'declined')`.mapWith(Number),
      paid: sql<number>`count(*) filter (where ${reportRewards.status} = 'paid')`.mapWith(Number),
    })
    .from(reportRewards)
    .where(and(eq(reportRewards.year, year), scope(actor)))
    .groupBy(reportRewards.areaCode)
    .orderBy(asc(reportRewards.areaCode))
    .limit(1000);
  const names = await areaNames(
    db,
    rows.map((r) => r.areaCode),
  );
  return rows.map((r) => ({ ...r, areaName: names.get(r.areaCode) ?? null }));
}

export async function findRewardHistory(db: DbOrTx, id: string) {
  return db
    .select({
      action: stateTransitions.action,
      from: stateTransitions.fromState,
      to: stateTransitions.toState,
      actorName: stateTransitions.actorName,
      at: stateTransitions.at,
    })
    .from(stateTransitions)
    .where(and(eq(stateTransitions.recordType, 'report_reward'), eq(stateTransitions.recordId, id)))
    .orderBy(asc(stateTransitions.at), asc(stateTransitions.id));
}

async function areaNames(db: DbOrTx, codes: string[]) {
  const unique = [...new Set(codes)];
  const a = unique.length ? await db.select({ code: areas.code, name: areas.name }).from(areas).where(inArray(areas.code, unique)) : [];
  return new Map(a.map((x) => [x.code, x.name]));
}

/**
 * Names a page of rewards refers to: areas, the proposing and approving users, each report's category and unit, and
 * the payment vouchers' file facts (the presenter shows them only to 'reward.receipt').
 */
export async function rewardNames(db: DbOrTx, rows: RewardRow[]) {
  const userIds = [...new Set(rows.flatMap((r) => [r.proposedBy, r.approvedBy]).filter((x): x is string => !!x))];
  const reportIds = [...new Set(rows.map((r) => r.reportId))];
  const receiptIds = rows.map((r) => r.receiptFileId).filter((x): x is string => !!x);
  const [a, u, rep, receipts] = await Promise.all([
    areaNames(
      db,
      rows.map((r) => r.areaCode),
    ),
    userIds.length ? db.select({ id: users.id, name: users.displayName }).from(users).where(inArray(users.id, userIds)) : [],
    reportIds.length
      ? db
          .select({ id: reports.id, category: reports.category, enterpriseName: reports.enterpriseName })
          .from(reports)
          .where(inArray(reports.id, reportIds))
      : [],
    findFilesByIds(db, receiptIds),
  ]);
  return {
    areas: a,
    users: new Map(u.map((x) => [x.id, x.name])),
    reports: new Map(rep.map((x) => [x.id, x])),
    receipts: new Map(receipts.map((f) => [f.id, { id: f.id, name: f.originalName, mime: f.mime, size: f.size }])),
  };
}

/** What a tracking code shows of its report's reward (the code is the only key; nothing else is returned). */
export async function findRewardByTrackingCode(db: DbOrTx, code: string) {
  const rows = rowsOf<{
    found: boolean;
    status: string | null;
    amount_fen: string | number | null;
    paid_on: string | null;
    claim_due: string | null;
  }>(
    await db.execute(sql`
      select true as found, w.status, w.amount_fen, w.paid_on::text as paid_on, w.claim_due::text as claim_due
        from reports r left join report_rewards w on w.report_id = r.id
       where r.tracking_code = ${code.toUpperCase()}`),
  );
  return rows[0] ?? null;
}
