// Row → response for occupational health. Exposed workers' names and identity numbers, and their check results, are
// health data: only the enterprise itself sees them in full (platform/masking.ts `healthRecord`); officers see the
// masked name and number and the check dates and kinds without the result.
import { can, type OhProfileView, type WorkerView } from '@anjian/contracts';
import type { Actor } from '../../platform/actor';
import type { DbOrTx } from '../../platform/db';
import { maskPersonName, seesInFull } from '../../platform/masking';
import { cstDate } from '../../platform/time';
import { unsealIdNumber } from '../people/people.vault';
import { checksOf, profileExtras, type ProfileRow, type WorkerRow } from './occupational-health.queries';
import { current, isKeySector, periods } from './occupational-health.rules';

export async function presentProfile(db: DbOrTx, actor: Actor, p: ProfileRow, today = cstDate()): Promise<OhProfileView> {
  const x = await profileExtras(db, p.enterpriseId);
  const abilities: OhProfileView['abilities'] = [];
  if (can(actor.role, 'occhealth.manage')) abilities.push('declare', 'detect', 'ppe', 'worker');
  if (can(actor.role, 'occhealth.grade')) abilities.push('grade');
  return {
    enterpriseId: p.enterpriseId,
    enterpriseName: x.enterpriseName,
    areaCode: p.areaCode,
    sector: p.sector as OhProfileView['sector'],
    keySector: isKeySector(p.sector),
    declaredOn: p.declaredOn,
    declarationItems: p.declarationItems as OhProfileView['declarationItems'],
    lastDetectionOn: p.lastDetectionOn,
    lastDetectionPassed: p.lastDetectionPassed,
    nextDetectionDue: p.nextDetectionDue,
    detectionOverdue: p.nextDetectionDue === null || p.nextDetectionDue <= today,
    lastPpeOn: p.lastPpeOn,
    grade: p.grade as OhProfileView['grade'],
    gradedOn: p.gradedOn,
    exposedWorkers: p.exposedWorkers,
    workersChecked: p.workersChecked,
    detections: x.detections.map((d) => ({
      id: d.id,
      reportNo: d.reportNo,
      agency: d.agency,
      detectedOn: d.detectedOn,
      passed: d.passed,
      results: d.results,
    })),
    ppeIssues: x.ppe.map((i) => ({ id: i.id, issuedOn: i.issuedOn, item: i.item, quantity: i.quantity })),
    version: p.version,
    abilities,
  };
}

export async function presentWorkers(
  db: DbOrTx,
  actor: Actor,
  rows: WorkerRow[],
  vaultKey: string,
  today = cstDate(),
): Promise<WorkerView[]> {
  const checks = await checksOf(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((w) => {
    const full = seesInFull(actor, { kind: 'healthRecord', enterpriseId: w.enterpriseId });
    const list = checks.get(w.id) ?? [];
    const lastPeriodic = list.find((c) => c.kind === 'periodic')?.checkedOn ?? null;
    return {
      id: w.id,
      enterpriseId: w.enterpriseId,
      name: full ? w.name : maskPersonName(w.name)!,
      idNumber: full ? unsealIdNumber(vaultKey, w.idNumberSealed) : w.idNumberMasked,
      post: w.post,
      factors: w.factors,
      employedFrom: w.employedFrom,
      leftOn: w.leftOn,
      checks: list.map((c) => ({
        kind: c.kind as WorkerView['checks'][number]['kind'],
        checkedOn: c.checkedOn,
        result: full ? (c.result as WorkerView['checks'][number]['result']) : null,
        institution: c.institution,
      })),
      checkedCurrent: (w.leftOn === null || w.leftOn > today) && current(lastPeriodic, periods.checkMonths, today),
      version: w.version,
    };
  });
}
