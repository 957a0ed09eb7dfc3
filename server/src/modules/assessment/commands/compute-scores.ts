// Scoring a frozen scheme: the facts of every assessed unit are read set-wise from the platform's rollups
// (assessment.sources.ts), each unit's sheet computed line by line (assessment.calc.ts). Sheets not yet made are
// inserted in bulk in the machine's bulk-initial state (draft); draft sheets are recomputed (entered values kept);
// published and later sheets are left as they are. One audit entry for the run, in the same transaction.
import { eq, sql } from 'drizzle-orm';
import type { VersionBody } from '@anjian/contracts';
import { assessmentSheets } from '../../../db/schema';
import type { Actor } from '../../../platform/actor';
import { recordAudit } from '../../../platform/audit';
import type { Db, Tx } from '../../../platform/db';
import { computeSheet } from '../assessment.calc';
import { schemeSheets, unitsOf } from '../assessment.queries';
import { round2 } from '../assessment.rules';
import { sourcesOf, unitFacts } from '../assessment.sources';
import { cstDate } from '../../../platform/time';
import { writeScheme } from '../assessment.workflow';
import { loadScheme } from './change-scheme';

export async function computeScores(db: Db, actor: Actor, ip: string | null, id: string, input: VersionBody) {
  return db.transaction((tx) => computeScoresIn(tx, actor, ip, id, input));
}

export async function computeScoresIn(tx: Tx, actor: Actor, ip: string | null, id: string, input: VersionBody) {
  const before = await loadScheme(tx, actor, id, input.version);
  const scheme = await writeScheme(tx, actor, before, 'compute', {});
  const units = await unitsOf(tx, scheme.unitOrgIds);
  const facts = await unitFacts(tx, units, scheme.year, { today: cstDate(), sources: sourcesOf(scheme.indicators) });
  const existing = new Map((await schemeSheets(tx, scheme.id)).map((s) => [s.orgId, s]));
  const inserts: (typeof assessmentSheets.$inferInsert)[] = [];
  let recomputed = 0;
  for (const u of units) {
    const sheet = existing.get(u.id);
    if (sheet && sheet.status !== 'draft') continue;
    const c = computeSheet(scheme.indicators, scheme.vetoes, facts.get(u.id)!, sheet?.entered ?? {});
    const values = { ...c, total: round2(Math.max(0, c.computedTotal + (sheet?.adjustment ?? 0))) };
    if (!sheet) {
      inserts.push({ schemeId: scheme.id, year: scheme.year, orgId: u.id, areaCode: scheme.areaCode, ...values });
      continue;
    }
    await tx
      .update(assessmentSheets)
      .set({ ...values, updatedAt: new Date(), version: sql`${assessmentSheets.version} + 1` })
      .where(eq(assessmentSheets.id, sheet.id));
    recomputed++;
  }
  if (inserts.length > 0) await tx.insert(assessmentSheets).values(inserts);
  await recordAudit(
    tx,
    { actor, ip },
    {
      action: 'assessment.compute',
      entityType: 'assessment_scheme',
      entityId: scheme.id,
      after: { year: scheme.year, revision: scheme.revision, created: inserts.length, recomputed },
    },
  );
  return scheme;
}
