// 举报 merged as a duplicate: every reporter with an account behind the merged report(s) is told that it joined an
// earlier report being handled. Recipients come from reports.submitted_by of the ids the event names (the vault is
// not read; anonymous and operator-recorded reporters follow it on the tracking page). The notice names no report
// detail and links to the citizen's own list.
import { and, inArray, isNotNull } from 'drizzle-orm';
import { reports } from '../../db/schema';
import type { Tx } from '../../platform/db';
import type { DomainEvent } from '../../platform/queue';
import { notify } from './notifications.service';

export async function onReportMerged(tx: Tx, e: DomainEvent) {
  const p = e.payload as { mergedIds?: string[] };
  const ids = (p.mergedIds ?? []).filter((x) => typeof x === 'string');
  if (!ids.length) return;
  const rows = await tx
    .select({ userId: reports.submittedBy })
    .from(reports)
    .where(and(inArray(reports.id, ids), isNotNull(reports.submittedBy)));
  const to = [...new Set(rows.map((r) => r.userId!))];
  await notify(tx, to, {
    kind: 'announcement',
    title: { zh: '您的举报已并入在先举报一并办理', en: 'Your report was merged into an earlier report being handled' },
    entityType: 'report',
    entityId: null,
    link: '/my-reports',
    eventId: e.id,
    dedupeKey: `event:${e.id}`,
  });
}
