// Standardization record → response whitelist.
import type { StandardizationGrade, StandardizationRecordKind, StandardizationRecordView } from '@anjian/contracts';
import type { DbOrTx } from '../../platform/db';
import { enterpriseNames } from './insurance.queries';
import type { StandardizationRecordRow } from './standardization.queries';

export function presentRecord(r: StandardizationRecordRow, names: Map<string, string>): StandardizationRecordView {
  return {
    id: r.id,
    enterpriseId: r.enterpriseId,
    enterpriseName: names.get(r.enterpriseId) ?? null,
    kind: r.kind as StandardizationRecordKind,
    grade: r.grade as StandardizationGrade | null,
    previousGrade: r.previousGrade as StandardizationGrade | null,
    certifyingBody: r.certifyingBody,
    certifiedOn: r.certifiedOn,
    expiresOn: r.expiresOn,
    note: r.note,
    accidentId: r.accidentId,
    createdAt: r.createdAt.toISOString(),
  };
}

export async function presentRecords(db: DbOrTx, rows: StandardizationRecordRow[]) {
  const names = await enterpriseNames(
    db,
    rows.map((r) => r.enterpriseId),
  );
  return rows.map((r) => presentRecord(r, names));
}
