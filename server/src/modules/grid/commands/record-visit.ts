// POST /api/grid/visits: one patrol visit, recorded once whatever the number of tries. The phone generates the id
// before the first try; a resend (lost connection, offline queue) finds it and answers the stored visit with
// `duplicate: true`, changing nothing. In one transaction: the visit, its photos (claimed uploads), its information
// reports, the per-unit summary, the coverage and activity aggregates (a unit or an inspector's unit counts once a
// month through its marker row), the domain event the street's notice comes from, and the audit entry. The distance
// from the unit's recorded location is kept, never refused: a unit's pin can be wrong. Hidden dangers found on the
// visit are reported by the client through the hazards module's own route (source grid_patrol, origin the visit).
import { sql } from 'drizzle-orm';
import type { RecordVisitBody } from '@anjian/contracts';
import {
  gridCoverageMonthly,
  gridInfoReports,
  gridInspectorMonthly,
  gridInspectorUnitMonths,
  gridUnitMonths,
  gridUnitStatus,
  gridVisits,
} from '../../../db/schema';
import type { Actor } from '../../../platform/actor';
import { recordAudit } from '../../../platform/audit';
import type { Db, Tx } from '../../../platform/db';
import { AppError, fieldError, notFound } from '../../../platform/errors';
import { claimFiles } from '../../../platform/files';
import { appendEvent } from '../../../platform/outbox';
import { cstDate } from '../../../platform/time';
import { findUnit, findVisitById } from '../grid.queries';
import { haversineMetres, monthOf } from '../grid.rules';
import { presentVisit } from '../grid.presenter';

/** How far the phone's clock may run ahead, and how long a visit may wait in an offline queue. */
const CLOCK_SKEW_MS = 10 * 60_000;
const MAX_QUEUED_DAYS = 30;

export async function recordVisit(db: Db, actor: Actor, ip: string | null, input: RecordVisitBody, now = new Date()) {
  return db.transaction((tx) => recordVisitIn(tx, actor, ip, input, now));
}

export async function recordVisitIn(tx: Tx, actor: Actor, ip: string | null, input: RecordVisitBody, now = new Date()) {
  const again = await findVisitById(tx, input.id);
  if (again) return resend(tx, actor, again, input);
  const unit = await findUnit(tx, actor, input.enterpriseId);
  if (!unit) throw notFound();
  const at = new Date(input.checkedInAt);
  if (at.getTime() > now.getTime() + CLOCK_SKEW_MS) {
    throw fieldError('checkedInAt', '签到时间不能晚于当前时间', 'The check-in time cannot be in the future');
  }
  if (at.getTime() < now.getTime() - MAX_QUEUED_DAYS * 86_400_000) {
    throw fieldError(
      'checkedInAt',
      `签到时间不能早于 ${MAX_QUEUED_DAYS} 天前`,
      `The check-in time cannot be more than ${MAX_QUEUED_DAYS} days ago`,
    );
  }
  if ((input.lon === undefined) !== (input.lat === undefined)) {
    throw fieldError(input.lon === undefined ? 'lon' : 'lat', '经度和纬度须同时提供', 'Give both longitude and latitude');
  }
  const day = cstDate(at);
  const month = monthOf(day);
  const distanceM =
    input.lon !== undefined && input.lat !== undefined && unit.longitude !== null && unit.latitude !== null
      ? Math.round(haversineMetres({ lon: input.lon, lat: input.lat }, { lon: unit.longitude, lat: unit.latitude }))
      : null;
  const inserted = await tx
    .insert(gridVisits)
    .values({
      id: input.id,
      enterpriseId: unit.id,
      areaCode: unit.areaCode,
      sector: unit.sector,
      parkId: unit.parkId,
      inspectorId: actor.id,
      checkedInAt: at,
      month,
      lon: input.lon ?? null,
      lat: input.lat ?? null,
      distanceM,
      checklist: input.checklist,
      notes: input.notes || null,
    })
    .onConflictDoNothing()
    .returning();
  // Two tries at once: the other one inserted it (its transaction has committed, or this insert would still wait).
  if (inserted.length === 0) return resend(tx, actor, (await findVisitById(tx, input.id))!, input);
  const visit = inserted[0]!;
  await claimFiles(tx, actor, input.attachments ?? [], { type: 'grid_visit', id: visit.id });
  const reports = input.infoReports ?? [];
  if (reports.length > 0) {
    await tx.insert(gridInfoReports).values(
      reports.map((r) => ({
        visitId: visit.id,
        enterpriseId: unit.id,
        areaCode: unit.areaCode,
        kind: r.kind,
        description: r.description,
        reportedBy: actor.id,
      })),
    );
  }
  // The unit's summary keeps its latest visit by check-in time: a queued visit arriving late does not move it back.
  await tx
    .insert(gridUnitStatus)
    .values({
      enterpriseId: unit.id,
      areaCode: unit.areaCode,
      lastVisitId: visit.id,
      lastVisitedAt: at,
      lastVisitedOn: day,
      lastInspectorId: actor.id,
      visits: 1,
    })
    .onConflictDoUpdate({
      target: gridUnitStatus.enterpriseId,
      set: {
        areaCode: unit.areaCode,
        visits: sql`${gridUnitStatus.visits} + 1`,
        lastVisitId: sql`case when excluded.last_visited_at >= ${gridUnitStatus.lastVisitedAt} then excluded.last_visit_id else ${gridUnitStatus.lastVisitId} end`,
        lastInspectorId: sql`case when excluded.last_visited_at >= ${gridUnitStatus.lastVisitedAt} then excluded.last_inspector_id else ${gridUnitStatus.lastInspectorId} end`,
        lastVisitedOn: sql`case when excluded.last_visited_at >= ${gridUnitStatus.lastVisitedAt} then excluded.last_visited_on else ${gridUnitStatus.lastVisitedOn} end`,
        lastVisitedAt: sql`greatest(excluded.last_visited_at, ${gridUnitStatus.lastVisitedAt})`,
        updatedAt: now,
      },
    });
  const firstThisMonth =
    (await tx.insert(gridUnitMonths).values({ enterpriseId: unit.id, month }).onConflictDoNothing().returning()).length > 0;
  await tx
    .insert(gridCoverageMonthly)
    .values({ areaCode: unit.areaCode, month, visits: 1, unitsVisited: firstThisMonth ? 1 : 0 })
    .onConflictDoUpdate({
      target: [gridCoverageMonthly.areaCode, gridCoverageMonthly.month],
      set: {
        visits: sql`${gridCoverageMonthly.visits} + 1`,
        unitsVisited: sql`${gridCoverageMonthly.unitsVisited} + ${firstThisMonth ? 1 : 0}`,
      },
    });
  const inspectorFirst =
    (
      await tx
        .insert(gridInspectorUnitMonths)
        .values({ inspectorId: actor.id, enterpriseId: unit.id, month })
        .onConflictDoNothing()
        .returning()
    ).length > 0;
  await tx
    .insert(gridInspectorMonthly)
    .values({ inspectorId: actor.id, month, areaCode: actor.areaCode ?? unit.areaCode, visits: 1, units: inspectorFirst ? 1 : 0 })
    .onConflictDoUpdate({
      target: [gridInspectorMonthly.inspectorId, gridInspectorMonthly.month],
      set: { visits: sql`${gridInspectorMonthly.visits} + 1`, units: sql`${gridInspectorMonthly.units} + ${inspectorFirst ? 1 : 0}` },
    });
  const ref = { id: visit.id, areaCode: unit.areaCode, enterpriseId: unit.id, sector: unit.sector, parkId: unit.parkId };
  await appendEvent(tx, 'grid_visit.record', 'grid_visit', ref, actor, {
    enterpriseName: unit.name,
    infoReports: reports.map((r) => ({ kind: r.kind, description: r.description })),
  });
  await recordAudit(
    tx,
    { actor, ip },
    {
      action: 'grid_visit.record',
      entityType: 'grid_visit',
      entityId: visit.id,
      after: { enterpriseId: unit.id, checkedInAt: at.toISOString(), distanceM, checklist: input.checklist, infoReports: reports.length },
    },
  );
  return presentVisit(tx, visit);
}

/** The same id again: the stored visit for its own inspector (about the same unit), a conflict for anyone else. */
async function resend(tx: Tx, actor: Actor, stored: typeof gridVisits.$inferSelect, input: RecordVisitBody) {
  if (stored.inspectorId !== actor.id || stored.enterpriseId !== input.enterpriseId) {
    throw new AppError('CONFLICT', [{ field: 'id', zh: '该巡查编号已被使用', en: 'This visit id is already used' }]);
  }
  return presentVisit(tx, stored, true);
}
