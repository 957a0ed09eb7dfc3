// Export of one enterprise's dual-prevention data as JSON, nested like the national dual-prevention data-exchange
// structure: analysis units → risk events → control measures → check tasks → check records → hidden dangers.
// The upper levels come from the risk engineer's tables (risk_units … check_task_items); this capability fills
// the hidden-danger level. Field names are this platform's own, in English: the exchange specification's column
// names were not available to check against (see the report of the hazards capability).
import { and, asc, eq, isNull } from 'drizzle-orm';
import { checkTaskItems, checkTasks, hazards, riskEvents, riskMeasures, riskUnits } from '../../db/schema';
import type { Actor } from '../../platform/actor';
import type { DbOrTx } from '../../platform/db';
import { notFound } from '../../platform/errors';
import { cstIso } from '../../platform/time';
import { acceptorOf } from '../../reference/hazards/workflow';
import type { HazardGrade, HazardSource } from '../../reference/hazards/classification';
import { findEnterpriseInScope } from '../enterprises/enterprises.queries';

type HazardRecord = typeof hazards.$inferSelect;
type ItemRecord = typeof checkTaskItems.$inferSelect;

function exportHazard(h: HazardRecord, checkRecordId: string | null) {
  return {
    id: h.id,
    number: h.number,
    description: h.description,
    location: h.location,
    source: h.source,
    category: h.category,
    grade: h.grade,
    accidentType: h.accidentType,
    majorItemId: h.majorItemId,
    foundOn: h.foundOn,
    registrant: h.reportedByName,
    responsiblePerson: h.responsiblePerson,
    measures: h.measures,
    funds: h.funds === null ? null : Number(h.funds),
    deadline: h.deadline,
    state: h.state,
    rectifiedOn: h.submittedOn,
    closedOn: h.closedOn,
    acceptor: acceptorOf({ grade: h.grade as HazardGrade, source: h.source as HazardSource }),
    checkRecordId,
  };
}

export async function exportEnterpriseHazards(db: DbOrTx, actor: Actor, enterpriseId: string) {
  const e = await findEnterpriseInScope(db, actor, enterpriseId);
  if (!e) throw notFound();
  const [units, events, measures, tasks, items, all] = await Promise.all([
    db
      .select()
      .from(riskUnits)
      .where(and(eq(riskUnits.enterpriseId, e.id), isNull(riskUnits.deletedAt)))
      .orderBy(asc(riskUnits.name)),
    db
      .select()
      .from(riskEvents)
      .where(and(eq(riskEvents.enterpriseId, e.id), isNull(riskEvents.deletedAt))),
    db
      .select()
      .from(riskMeasures)
      .where(and(eq(riskMeasures.enterpriseId, e.id), isNull(riskMeasures.deletedAt))),
    db.select().from(checkTasks).where(eq(checkTasks.enterpriseId, e.id)).orderBy(asc(checkTasks.periodStart)),
    db.select().from(checkTaskItems).where(eq(checkTaskItems.enterpriseId, e.id)),
    db.select().from(hazards).where(eq(hazards.enterpriseId, e.id)).orderBy(asc(hazards.foundOn), asc(hazards.number)),
  ]);
  // A hazard belongs to a check record either through the record's hazard_id or its own origin reference.
  const recordOf = new Map<string, string>();
  for (const i of items) if (i.hazardId) recordOf.set(i.hazardId, i.id);
  for (const h of all) if (h.originType === 'check_item' && h.originId && !recordOf.has(h.id)) recordOf.set(h.id, h.originId);
  const hazardsOfRecord = (id: string) => all.filter((h) => recordOf.get(h.id) === id).map((h) => exportHazard(h, id));
  const recordsFor = (measureId: string) => {
    const mine = items.filter((i) => i.measureId === measureId);
    const taskIds = [...new Set(mine.map((i) => i.taskId))];
    return tasks
      .filter((t) => taskIds.includes(t.id))
      .map((t) => ({
        id: t.id,
        level: t.level,
        frequency: t.frequency,
        periodStart: t.periodStart,
        dueDate: t.dueDate,
        state: t.state,
        doneAt: t.doneAt ? cstIso(t.doneAt) : null,
        doneBy: t.doneByName,
        checkRecords: mine
          .filter((i) => i.taskId === t.id)
          .map((i: ItemRecord) => ({
            id: i.id,
            content: i.content,
            result: i.result,
            note: i.note,
            checkedAt: i.checkedAt ? cstIso(i.checkedAt) : null,
            hiddenDangers: hazardsOfRecord(i.id),
          })),
      }));
  };
  return {
    format: 'anjian.dual-prevention.v1',
    structure: 'units > riskEvents > controlMeasures > checkTasks > checkRecords > hiddenDangers',
    generatedAt: cstIso(new Date()),
    enterprise: { id: e.id, name: e.name, creditCode: e.creditCode, areaCode: e.areaCode, sector: e.sector },
    units: units.map((u) => ({
      id: u.id,
      name: u.name,
      kind: u.kind,
      location: u.location,
      riskEvents: events
        .filter((ev) => ev.unitId === u.id)
        .map((ev) => ({
          id: ev.id,
          name: ev.name,
          accidentType: ev.accidentTypeCode,
          level: ev.level,
          controlMeasures: measures
            .filter((m) => m.eventId === ev.id)
            .map((m) => ({
              id: m.id,
              type: m.type,
              description: m.description,
              responsibleLevel: m.responsibleLevel,
              checkTasks: recordsFor(m.id),
            })),
        })),
    })),
    /** Every hidden danger of the enterprise, including those found outside a scheduled check. */
    hiddenDangers: all.map((h) => exportHazard(h, recordOf.get(h.id) ?? null)),
  };
}
