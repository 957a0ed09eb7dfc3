// Acknowledge or close an incident through its machine: loadForUpdate (scope, lock, version → 404/409), the one
// writer, a timeline entry and the audit, in one transaction.
import type { IncidentActBody } from '@anjian/contracts';
import type { Actor } from '../../../platform/actor';
import { recordAudit } from '../../../platform/audit';
import type { Db } from '../../../platform/db';
import { loadForUpdate } from '../../../platform/load-for-update';
import { addTimeline, findIncident } from '../incidents.queries';
import { auditIncident, presentIncidentDetail } from '../incidents.presenter';
import { writeIncident } from '../incidents.workflow';

export async function actOnIncident(db: Db, actor: Actor, ip: string | null, id: string, input: IncidentActBody) {
  return db.transaction(async (tx) => {
    const before = await loadForUpdate({
      load: () => findIncident(tx, actor, id, true),
      version: input.version,
      present: (row) => presentIncidentDetail(tx, actor, row),
    });
    const after = await writeIncident(tx, actor, before, input.action, { input: { note: input.note ?? null } });
    await addTimeline(tx, id, input.action === 'acknowledge' ? 'acknowledged' : 'closed', actor, input.note ?? null);
    await recordAudit(
      tx,
      { actor, ip },
      {
        action: `incident.${input.action}`,
        entityType: 'incident',
        entityId: id,
        before: auditIncident(before),
        after: auditIncident(after),
      },
    );
    return presentIncidentDetail(tx, actor, after);
  });
}
