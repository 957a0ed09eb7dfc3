// Risk register rows → API shapes (whitelists) with the caller's abilities. Rows reaching here are already inside
// the caller's scope, so abilities follow from the role and the record's state.
import { can, type RiskEvent, type RiskMeasure, type RiskUnit } from '@anjian/contracts';
import type { Actor } from '../../platform/actor';
import { phoneFor } from '../../platform/masking';
import { cstIso } from '../../platform/time';
import { isRiskLevel, riskColour } from '../../reference/risk/levels';
import { accidentTypeLabel, assessmentOf } from './risks.assessment';
import { overallLevel } from './risks.summary';
import { availableEventActions } from './risks.workflow';
import type { EventRow, MeasureRow, UnitCounts, UnitRow } from './risks.queries';

const levelOf = (v: string | null) => (isRiskLevel(v) ? v : null);

export function presentUnit(actor: Actor, row: UnitRow, counts: UnitCounts[]): RiskUnit {
  const mine = counts.filter((c) => c.unitId === row.id);
  const n = (level: string | null) => mine.filter((c) => c.level === level).reduce((s, c) => s + c.n, 0);
  const c = { major: n('major'), significant: n('significant'), general: n('general'), low: n('low'), unassessed: n(null) };
  const manage = can(actor.role, 'risk.manage');
  return {
    id: row.id,
    enterpriseId: row.enterpriseId,
    name: row.name,
    kind: row.kind as RiskUnit['kind'],
    location: row.location,
    description: row.description,
    emergencyPhone: phoneFor(actor, { kind: 'enterpriseContact', enterpriseId: row.enterpriseId }, row.emergencyPhone),
    level: overallLevel(c),
    counts: c,
    createdAt: cstIso(row.createdAt),
    updatedAt: cstIso(row.updatedAt),
    version: row.version,
    abilities: manage ? ['update', 'delete', 'addEvent', 'card'] : ['card'],
  };
}

export function presentMeasure(actor: Actor, row: MeasureRow): RiskMeasure {
  return {
    id: row.id,
    eventId: row.eventId,
    type: row.type as RiskMeasure['type'],
    description: row.description,
    responsibleLevel: row.responsibleLevel as RiskMeasure['responsibleLevel'],
    responsiblePerson: row.responsiblePerson,
    version: row.version,
    abilities: can(actor.role, 'risk.manage') ? ['update', 'delete'] : [],
  };
}

export function presentEvent(actor: Actor, row: EventRow, measures: MeasureRow[], lang: 'zh' | 'en' = 'zh'): RiskEvent {
  const level = levelOf(row.level);
  const label = accidentTypeLabel(row.accidentTypeScheme, row.accidentTypeCode);
  const abilities: RiskEvent['abilities'] = [];
  if (can(actor.role, 'risk.manage')) {
    abilities.push('update', 'assess', 'delete', ...availableEventActions(actor, row));
    if (row.status === 'open') abilities.push('addMeasure');
  }
  return {
    id: row.id,
    unitId: row.unitId,
    unitName: row.unitName,
    enterpriseId: row.enterpriseId,
    name: row.name,
    hazardFactors: row.hazardFactors,
    consequences: row.consequences,
    accidentType:
      row.accidentTypeScheme && row.accidentTypeCode
        ? { scheme: row.accidentTypeScheme as 'GB6441-1986', code: row.accidentTypeCode, label: label ? label[lang] : row.accidentTypeCode }
        : null,
    assessment: assessmentOf(row),
    level,
    colour: level ? riskColour(level) : null,
    status: row.status as RiskEvent['status'],
    closedReason: row.closedReason,
    assessedAt: row.assessedAt ? cstIso(row.assessedAt) : null,
    measures: measures.filter((m) => m.eventId === row.id).map((m) => presentMeasure(actor, m)),
    version: row.version,
    abilities,
  };
}

/** What the audit log keeps of a register row: the row itself minus bookkeeping. */
export function auditRow<T extends { createdAt?: Date; updatedAt?: Date }>(row: T) {
  const { createdAt: _c, updatedAt: _u, ...rest } = row;
  return rest;
}
