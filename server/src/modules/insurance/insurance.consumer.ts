// Reactions of 安责险 and 标准化 to other modules' events:
//  - accident.register (modules/accidents/commands/register-accident.ts, payload { level, deaths }): the enterprise's
//    grade in force is lowered or revoked by standardization.rules gradeAfterAccident. Idempotent: the record is keyed
//    `event:<id>` per enterprise (standardization_records_source_uq), so a redelivered event writes nothing.
//  - enterprise.update that moves the enterprise: its policies and records follow it to the new street/industry/park.
import { and, eq, isNull } from 'drizzle-orm';
import type { StandardizationGrade } from '@anjian/contracts';
import { enterprises, insurancePolicies, standardizationRecords } from '../../db/schema';
import type { Tx } from '../../platform/db';
import { followEnterpriseScope } from '../../platform/enterprise-scope';
import type { DomainEvent, EventConsumer } from '../../platform/queue';
import { cstDate } from '../../platform/time';
import { applyStandardization } from './commands/record-standardization';
import { gradeAfterAccident, gradeInForce } from './standardization.rules';

const levelNames: Record<string, string> = { general: '一般', larger: '较大', major: '重大', especially_major: '特别重大' };

export async function onAccidentForStandardization(tx: Tx, e: DomainEvent) {
  const p = e.payload as { deaths?: number; level?: string };
  if (!e.enterpriseId) return null;
  const [ent] = await tx
    .select()
    .from(enterprises)
    .where(and(eq(enterprises.id, e.enterpriseId), isNull(enterprises.deletedAt)))
    .for('update');
  if (!ent) return null;
  const current = gradeInForce(
    { grade: ent.standardizationGrade, expiresOn: ent.standardizationExpiry },
    cstDate(e.occurredAt),
  ) as StandardizationGrade | null;
  if (!current) return null;
  const next = gradeAfterAccident(current, { deaths: p.deaths ?? 0, level: p.level ?? 'general' });
  if (next === current) return null;
  const why = `发生${levelNames[p.level ?? ''] ?? ''}生产安全事故（死亡${p.deaths ?? 0}人）`;
  return applyStandardization(tx, null, null, ent, {
    kind: next ? 'downgraded' : 'revoked',
    grade: next,
    note: next ? `${why}，等级下调` : `${why}，撤销标准化等级`,
    accidentId: e.entityId,
    sourceKey: `event:${e.id}`,
  });
}

export const insuranceConsumer: EventConsumer = {
  name: 'insurance',
  accepts: (e) => e.type === 'accident.register' || e.type === 'enterprise.update',
  async handle(tx, e) {
    if (e.type === 'accident.register') await onAccidentForStandardization(tx, e);
    await followEnterpriseScope(tx, e, [insurancePolicies, standardizationRecords]);
  },
};
