// The credit consumer of domain events: a penalty decision (a decision after a failed 整改复查 is a refusal to
// rectify), an accident (its level re-read on every accident and investigation event), a hidden danger graded 重大
// become entries on the enterprise's credit record, linked to their source; a changed or revoked decision, or a hazard
// re-graded 一般, withdraws the entry, and an accident within the last N years the 无事故 record; good records and 安责险
// gaps below (onDutyAccepted …, onAccidentFree). Each event then recomputes the enterprise's summary row (grade and
// score) in the same transaction. Idempotent twice over: the consumer's mark (platform/queue.ts) per event id, and one
// entry per (source, kind) — a redelivered event updates the same row to the same values. The daily sweeps' events (the
// 无事故 announcements, the 安责险 coverage gaps: one per enterprise) are taken a batch at a time (handleSweepBatch).
import { desc, eq, sql } from 'drizzle-orm';
import {
  dutyKindLabels,
  reportCategoryLabels,
  standardizationGradeLabels,
  type DutyKind,
  type ReportCategory,
  type StandardizationGrade,
} from '@anjian/contracts';
import { accidents, dutyRecords, enterprises, hazards, insurancePolicies, penaltyCases, reports } from '../../db/schema';
import { rowsOf, type Tx } from '../../platform/db';
import type { DomainEvent, EventConsumer } from '../../platform/queue';
import { cstDate } from '../../platform/time';
import { anniversary, breaksRecord, fullYears } from './accident-free.rules';
import { ACCIDENT_FREE_EVENT, type AccidentFreePayload } from './accident-free.job';
import { currentCreditScheme } from './credit.scheme';
import { recomputeSummariesOf } from './credit.recompute';
import {
  accidentLevelZh,
  recomputeSummary,
  upsertEntries,
  upsertEntry,
  withdrawEntries,
  withdrawKind,
  type EntryInput,
  type EntryWrite,
} from './credit.service';

const eventDay = (e: DomainEvent) => cstDate(e.occurredAt);

async function onCase(tx: Tx, e: DomainEvent): Promise<string | null> {
  const [c] = await tx.select().from(penaltyCases).where(eq(penaltyCases.id, e.entityId));
  // A decision against a natural person (the principal in 一案双查) is that person's, not the unit's credit record.
  if (!c || c.partyKind === 'natural_person') return null;
  if (e.type === 'case.decide' || e.type === 'case.decide_on_the_spot') {
    const refusal = c.origin === 'reinspection';
    const fine = c.fine === null ? null : Number(c.fine);
    await upsertEntry(tx, e, {
      enterpriseId: c.enterpriseId,
      kind: refusal ? 'refusal_to_rectify' : 'penalty',
      sourceType: 'penalty_case',
      sourceId: c.id,
      sourceRef: c.number,
      severity: c.fineBand,
      title: `${refusal ? '整改复查不合格被处罚' : '行政处罚'}：${c.violation}${fine !== null ? `（罚款${fine}元）` : ''}`.slice(0, 500),
      occurredOn: c.decidedOn ?? c.servedOn ?? eventDay(e),
    });
    return c.enterpriseId;
  }
  if (e.type === 'case.change_decision') {
    await withdrawEntries(tx, e, 'penalty_case', c.id, c.changedOn ?? eventDay(e), '处罚决定已变更或撤销');
    return c.enterpriseId;
  }
  return null;
}

/**
 * An accident edited after registration (accident.update): the entry follows it. Moved to another enterprise, the one
 * entry (keyed by its source) moves too and the former enterprise's grade is recomputed; no longer at any enterprise
 * of the register, the entry is withdrawn. Answers the former enterprise when its grade must be recomputed.
 */
async function onAccidentEdited(tx: Tx, e: DomainEvent): Promise<string | null> {
  const p = e.payload as { previousEnterpriseId?: string | null };
  const [a] = await tx.select().from(accidents).where(eq(accidents.id, e.entityId));
  const former = p.previousEnterpriseId ?? null;
  if (!a?.enterpriseId) {
    const n = await withdrawEntries(tx, e, 'accident', e.entityId, eventDay(e), '事故已更正为不属于本企业');
    return n > 0 ? former : null;
  }
  return former !== a.enterpriseId ? former : null;
}

async function onAccident(tx: Tx, e: DomainEvent): Promise<string | null> {
  const [a] = await tx.select().from(accidents).where(eq(accidents.id, e.entityId));
  if (!a?.enterpriseId) return null;
  const on = cstDate(a.occurredAt);
  await upsertEntry(tx, e, {
    enterpriseId: a.enterpriseId,
    kind: 'accident',
    sourceType: 'accident',
    sourceId: a.id,
    sourceRef: `${on} ${accidentLevelZh[a.level] ?? a.level}`,
    severity: a.level,
    title: `${accidentLevelZh[a.level] ?? a.level}生产安全事故（死亡${a.deaths}人）`,
    occurredOn: on,
  });
  // The 无事故 record stands only while no accident is on record in the last N years (no N in the scheme: any accident).
  const years = currentCreditScheme.accidentFreeYears;
  if (years === undefined || breaksRecord(on, eventDay(e), years))
    await withdrawKind(tx, e, a.enterpriseId, 'accident_free', eventDay(e), `${on}发生${accidentLevelZh[a.level] ?? ''}生产安全事故`);
  return a.enterpriseId;
}

async function onHazard(tx: Tx, e: DomainEvent): Promise<string | null> {
  const [h] = await tx.select().from(hazards).where(eq(hazards.id, e.entityId));
  if (!h) return null;
  if (h.grade === 'major') {
    await upsertEntry(tx, e, {
      enterpriseId: h.enterpriseId,
      kind: 'major_hazard',
      sourceType: 'hazard',
      sourceId: h.id,
      sourceRef: null,
      severity: 'major',
      title: `重大事故隐患：${h.description}`.slice(0, 500),
      occurredOn: h.foundOn,
    });
  } else {
    const n = await withdrawEntries(tx, e, 'hazard', h.id, eventDay(e), '隐患已调整为一般隐患');
    if (n === 0) return null;
  }
  return h.enterpriseId;
}

/**
 * A 举报 about an enterprise found verified or partly verified (report.verified, reports/rewards): an entry on that
 * enterprise's record. A report that names no enterprise of the register, or was found unfounded, writes nothing. The
 * title names the category only: the report's text could point to its reporter.
 */
async function onReportVerified(tx: Tx, e: DomainEvent): Promise<string | null> {
  const p = e.payload as { finding?: string };
  if (p.finding !== 'verified' && p.finding !== 'partly_verified') return null;
  const [r] = await tx.select().from(reports).where(eq(reports.id, e.entityId));
  if (!r?.enterpriseId) return null;
  const category = reportCategoryLabels[r.category as ReportCategory]?.zh ?? r.category;
  await upsertEntry(tx, e, {
    enterpriseId: r.enterpriseId,
    kind: 'verified_report',
    sourceType: 'report',
    sourceId: r.id,
    sourceRef: null,
    severity: p.finding,
    title: `举报经核查${p.finding === 'verified' ? '属实' : '部分属实'}：${category}`,
    occurredOn: eventDay(e),
  });
  return r.enterpriseId;
}

/**
 * Good records and 安责险 (scheme 2026.2): an accepted 八个一次 record (duty_record.accept, commitments) is one
 * duty_kept entry per record; a standardization grade (standardization.certified/renewed/downgraded, insurance
 * module) is one entry per enterprise carrying the grade in force, withdrawn when the grade is revoked; a coverage gap
 * found by the insurance daily job (insurance.coverage_gap) is one uninsured entry per enterprise, withdrawn when a
 * policy in force is recorded (insurance.policy.record).
 */
async function onDutyAccepted(tx: Tx, e: DomainEvent): Promise<string | null> {
  const [r] = await tx.select().from(dutyRecords).where(eq(dutyRecords.id, e.entityId));
  if (!r || r.status !== 'accepted') return null;
  await upsertEntry(tx, e, {
    enterpriseId: r.enterpriseId,
    kind: 'duty_kept',
    sourceType: 'duty_record',
    sourceId: r.id,
    sourceRef: r.period,
    severity: null,
    title: `落实“八个一次”：${dutyKindLabels[r.duty as DutyKind]?.zh ?? r.duty}（${r.period}）经街道核查通过`,
    occurredOn: r.heldOn,
  });
  return r.enterpriseId;
}

async function onStandardization(tx: Tx, e: DomainEvent): Promise<string | null> {
  const p = e.payload as { grade?: string | null };
  if (!e.enterpriseId) return null;
  if (e.type === 'standardization.revoked' || !p.grade) {
    await withdrawEntries(tx, e, 'standardization', e.enterpriseId, eventDay(e), '安全生产标准化等级已撤销');
    return e.enterpriseId;
  }
  await upsertEntry(tx, e, {
    enterpriseId: e.enterpriseId,
    kind: 'standardization',
    // One entry per enterprise: the grade in force, moved by each grant, renewal or downgrade.
    sourceType: 'standardization',
    sourceId: e.enterpriseId,
    sourceRef: e.entityId,
    severity: p.grade,
    title: `安全生产标准化${standardizationGradeLabels[p.grade as StandardizationGrade]?.zh ?? p.grade}${e.type === 'standardization.downgraded' ? '（降级）' : ''}`,
    occurredOn: eventDay(e),
  });
  return e.enterpriseId;
}

async function onCoverageGap(tx: Tx, e: DomainEvent): Promise<string | null> {
  const input = coverageGapEntry(e);
  if (!input) return null;
  await upsertEntry(tx, e, input);
  return input.enterpriseId;
}

function coverageGapEntry(e: DomainEvent): EntryInput | null {
  const p = e.payload as { gapSince?: string; lastPolicyNo?: string | null };
  if (!e.enterpriseId) return null;
  return {
    enterpriseId: e.enterpriseId,
    kind: 'uninsured',
    sourceType: 'insurance_coverage',
    sourceId: e.enterpriseId,
    sourceRef: p.lastPolicyNo ?? null,
    severity: null,
    title: `属安责险应投保行业领域，未投保或保单已过期${p.gapSince ? `（自${p.gapSince}起）` : ''}`,
    occurredOn: eventDay(e),
  };
}

async function onPolicyRecorded(tx: Tx, e: DomainEvent): Promise<string | null> {
  const [pol] = await tx.select().from(insurancePolicies).where(eq(insurancePolicies.id, e.entityId));
  const today = eventDay(e);
  if (!pol || pol.startsOn > today || pol.endsOn < today) return null;
  const n = await withdrawEntries(tx, e, 'insurance_coverage', pol.enterpriseId, today, `已投保安责险（${pol.policyNo}）`);
  return n > 0 ? pol.enterpriseId : null;
}

/**
 * The 无事故 good record (scheme 2026.3): an enterprise.accident_free event of the daily sweep (accident-free.job.ts) is
 * one accident_free entry per accident-free period — its source the last accident the years count from, or the
 * enterprise when they count from entering the register — written only if the enterprise's anchor is still the one
 * announced (an accident registered since has moved it) and N full years have passed on the event's day.
 */
async function onAccidentFree(tx: Tx, e: DomainEvent): Promise<string | null> {
  return writeAccidentFree(tx, e, e.payload as Partial<AccidentFreePayload>);
}

/**
 * An enterprise restored after deletion (enterprise.restore): the daily sweep skipped it while it was deleted, so a
 * record earned meanwhile (or earned before and still standing) is written now, as the sweep would have announced it.
 */
async function onRestored(tx: Tx, e: DomainEvent): Promise<string | null> {
  const years = currentCreditScheme.accidentFreeYears;
  if (!years) return null;
  const [ent] = await tx
    .select({
      anchorOn: sql<string>`(greatest(${enterprises.createdAt}, ${enterprises.lastAccidentAt}) at time zone 'Asia/Shanghai')::date::text`,
      afterAccident: sql<boolean>`coalesce(${enterprises.lastAccidentAt} >= ${enterprises.createdAt}, false)`,
    })
    .from(enterprises)
    .where(eq(enterprises.id, e.entityId));
  const today = eventDay(e);
  if (!ent || fullYears(ent.anchorOn, today) < years) return null;
  const [last] = ent.afterAccident
    ? await tx
        .select({ id: accidents.id })
        .from(accidents)
        .where(eq(accidents.enterpriseId, e.entityId))
        .orderBy(desc(accidents.occurredAt), desc(accidents.id))
        .limit(1)
    : [];
  return writeAccidentFree(tx, e, {
    anchorOn: ent.anchorOn,
    anchorKind: ent.afterAccident ? 'accident' : 'registered',
    accidentId: last?.id ?? null,
    years: fullYears(ent.anchorOn, today),
    reachedOn: anniversary(ent.anchorOn, years),
  });
}

async function writeAccidentFree(tx: Tx, e: DomainEvent, p: Partial<AccidentFreePayload>): Promise<string | null> {
  const write = accidentFreeWrite(e, p, (await enterpriseStates(tx, [e.entityId])).get(e.entityId));
  if (!write) return null;
  await upsertEntries(tx, [write]);
  return write.input.enterpriseId;
}

/** What a batch needs of an enterprise: its scope, and for accidentFreeWrite its anchor now and the 无事故 record it holds. */
interface EnterpriseState {
  id: string;
  deleted: boolean;
  anchorOn: string;
  scope: EntryWrite['scope'];
  /** The source of its active 无事故 entry, if it holds one. */
  heldSource: string | null;
}

/** The enterprises' states, by id: one read however many. */
async function enterpriseStates(tx: Tx, ids: readonly string[]): Promise<Map<string, EnterpriseState>> {
  const list = `{${[...new Set(ids)].join(',')}}`;
  const rows = rowsOf<{
    id: string;
    deleted: boolean;
    anchor_on: string;
    area_code: string;
    sector: string | null;
    park_id: string | null;
    held: string | null;
  }>(
    await tx.execute(sql`
      select en.id, en.deleted_at is not null as deleted, en.area_code, en.sector, en.park_id,
             (greatest(en.created_at, en.last_accident_at) at time zone 'Asia/Shanghai')::date::text as anchor_on,
             (select c.source_id from credit_entries c
               where c.enterprise_id = en.id and c.kind = 'accident_free' and c.status = 'active' limit 1) as held
        from enterprises en where en.id = any(${list}::uuid[])`),
  );
  return new Map(
    rows.map((r) => [
      r.id,
      {
        id: r.id,
        deleted: r.deleted,
        anchorOn: r.anchor_on,
        scope: { areaCode: r.area_code, sector: r.sector, parkId: r.park_id },
        heldSource: r.held,
      },
    ]),
  );
}

/**
 * The 无事故 entry an announcement writes, or null: only if the enterprise's anchor is still the one announced (an
 * accident registered since has moved it) and N full years have passed on the event's day; and one standing record at a
 * time: a period announced again (an old accident recorded late moved the anchor, yet the years still hold) leaves the
 * record in force as it is.
 */
function accidentFreeWrite(e: DomainEvent, p: Partial<AccidentFreePayload>, ent: EnterpriseState | undefined): EntryWrite | null {
  const years = currentCreditScheme.accidentFreeYears;
  if (!years || !p.anchorOn || !p.reachedOn) return null;
  if (!ent || ent.deleted || ent.anchorOn !== p.anchorOn || fullYears(p.anchorOn, eventDay(e)) < years) return null;
  const fromAccident = p.anchorKind === 'accident';
  const sourceId = (fromAccident && p.accidentId) || ent.id;
  if (ent.heldSource && ent.heldSource !== sourceId) return null;
  return {
    eventId: e.id,
    scope: ent.scope,
    input: {
      enterpriseId: ent.id,
      kind: 'accident_free',
      sourceType: 'accident_free',
      sourceId,
      sourceRef: `自${p.anchorOn}起`,
      severity: null,
      title: `连续${p.years ?? years}年未发生生产安全事故（自${p.anchorOn}${fromAccident ? '上次事故' : '纳入企业档案'}起算，${p.reachedOn}满${years}年）`,
      occurredOn: p.reachedOn,
    },
  };
}

/**
 * A batch of daily sweeps' events (the queue's consumer batch): the 无事故 announcements and the 安责险 coverage gaps,
 * one event per enterprise each. The enterprises' states are read once for all, the entries written in one statement
 * and the summaries recomputed in one (credit.recompute.ts). An enterprise's latest event of a kind stands for its
 * earlier ones in the batch, as handling them in order would leave it.
 */
async function handleSweepBatch(tx: Tx, events: DomainEvent[]): Promise<void> {
  const latest = new Map(events.map((e) => [`${e.type}|${e.enterpriseId ?? e.entityId}`, e]));
  const states = await enterpriseStates(
    tx,
    [...latest.values()].map((e) => e.enterpriseId ?? e.entityId),
  );
  const writes = [...latest.values()].flatMap((e): EntryWrite[] => {
    if (e.type === ACCIDENT_FREE_EVENT) {
      const write = accidentFreeWrite(e, e.payload as Partial<AccidentFreePayload>, states.get(e.entityId));
      return write ? [write] : [];
    }
    const input = coverageGapEntry(e);
    const scope = input && states.get(input.enterpriseId)?.scope;
    return input && scope ? [{ eventId: e.id, input, scope }] : [];
  });
  await upsertEntries(tx, writes);
  await recomputeSummariesOf(
    tx,
    writes.map((w) => w.input.enterpriseId),
    cstDate(),
  );
}

export async function handleCreditEvent(tx: Tx, e: DomainEvent): Promise<void> {
  let enterpriseId: string | null = null;
  if (e.entityType === 'penalty_case') enterpriseId = await onCase(tx, e);
  else if (e.type === 'accident.register' || e.entityType === 'accident_investigation') enterpriseId = await onAccident(tx, e);
  else if (e.type === 'accident.update') {
    const former = await onAccidentEdited(tx, e);
    enterpriseId = await onAccident(tx, e);
    // After the entry has moved, so the former enterprise's grade no longer counts it.
    if (former) await recomputeSummary(tx, former, cstDate());
  } else if (e.entityType === 'hazard') enterpriseId = await onHazard(tx, e);
  else if (e.entityType === 'credit_listing') enterpriseId = e.enterpriseId;
  else if (e.type === 'report.verified') enterpriseId = await onReportVerified(tx, e);
  else if (e.type === 'duty_record.accept') enterpriseId = await onDutyAccepted(tx, e);
  else if (e.entityType === 'standardization_record') enterpriseId = await onStandardization(tx, e);
  else if (e.type === 'insurance.coverage_gap') enterpriseId = await onCoverageGap(tx, e);
  else if (e.type === 'insurance.policy.record') enterpriseId = await onPolicyRecorded(tx, e);
  else if (e.type === ACCIDENT_FREE_EVENT) enterpriseId = await onAccidentFree(tx, e);
  else if (e.type === 'enterprise.restore') enterpriseId = await onRestored(tx, e);
  if (enterpriseId) await recomputeSummary(tx, enterpriseId, cstDate());
}

const creditEntityTypes = ['penalty_case', 'accident_investigation', 'hazard', 'credit_listing', 'standardization_record'];
const creditTypes = [
  'accident.register',
  'accident.update',
  'report.verified',
  'duty_record.accept',
  'insurance.coverage_gap',
  'insurance.policy.record',
  ACCIDENT_FREE_EVENT,
  'enterprise.restore',
];

/** The daily sweeps' events, one per enterprise, handled a batch at a time. */
const sweepTypes = [ACCIDENT_FREE_EVENT, 'insurance.coverage_gap'];

/**
 * A hidden danger's entry follows its grade (onHazard), which its report sets and only a regrade changes: its other
 * steps (rectification, acceptance, 挂牌督办 …) change nothing on the credit record, so they are not queued here —
 * at four or five steps a hidden danger, each was a job reading the hazard and, for a major one, recomputing the
 * enterprise's summary for nothing.
 */
const creditHazardTypes = ['hazard.report', 'hazard.regrade'];

export const creditConsumer: EventConsumer = {
  name: 'credit',
  accepts: (e) =>
    e.entityType === 'hazard'
      ? creditHazardTypes.includes(e.type)
      : creditEntityTypes.includes(e.entityType) || creditTypes.includes(e.type),
  handle: handleCreditEvent,
  batch: { accepts: (e) => sweepTypes.includes(e.type), handle: handleSweepBatch },
};
