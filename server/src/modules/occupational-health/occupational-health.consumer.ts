// Reaction to the enterprises module: an enterprise that moves street, industry or park takes its occupational-health
// file with it (platform/enterprise-scope.ts), and its counted flags leave the old rate cell for the new one in the
// same transaction. A repeated delivery finds nothing left to move.
import { eq } from 'drizzle-orm';
import { ohDeclarations, ohDetections, ohHealthChecks, ohPpeIssues, ohProfiles, ohWorkers } from '../../db/schema';
import { followEnterpriseScope, isEnterpriseMove } from '../../platform/enterprise-scope';
import type { EventConsumer } from '../../platform/queue';
import { moveCell } from './occupational-health.queries';

export const occupationalHealthConsumer: EventConsumer = {
  name: 'occupational-health',
  accepts: (e) => e.type === 'enterprise.update',
  async handle(tx, e) {
    if (!isEnterpriseMove(e)) return;
    const [before] = await tx.select().from(ohProfiles).where(eq(ohProfiles.enterpriseId, e.entityId)).for('update');
    await followEnterpriseScope(tx, e, [ohProfiles, ohDeclarations, ohDetections, ohPpeIssues, ohWorkers, ohHealthChecks]);
    if (!before) return;
    const [after] = await tx.select().from(ohProfiles).where(eq(ohProfiles.enterpriseId, e.entityId));
    if (!after || (after.areaCode === before.areaCode && after.sector === before.sector)) return;
    const flags = (sign: number) => ({
      enterprises: sign,
      declared: sign * Number(before.declared),
      detected: sign * Number(before.detected),
      ppe: sign * Number(before.ppe),
      graded: sign * Number(before.graded),
      exposedWorkers: sign * before.exposedWorkers,
      workersChecked: sign * before.workersChecked,
    });
    await moveCell(tx, before.areaCode, before.sector, flags(-1));
    await moveCell(tx, after.areaCode, after.sector, flags(1));
  },
};
