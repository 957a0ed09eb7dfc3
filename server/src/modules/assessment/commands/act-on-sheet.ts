// A step on a score sheet through its machine: publish, object (the assessed unit, with its reason), adjust (the
// bureau, with a reason and signed points; total = computed + adjustment, never below 0), finalize; and entering an
// indicator's value with its evidence while the sheet is a draft (the sheet is recomputed). loadForUpdate (scope,
// lock, version) → machine → the one writer → audit with before and after, in one transaction.
import type { EnterValueBody, SheetActBody } from '@anjian/contracts';
import type { Actor } from '../../../platform/actor';
import { recordAudit } from '../../../platform/audit';
import type { Db, Tx } from '../../../platform/db';
import { fieldError, notFound } from '../../../platform/errors';
import { loadForUpdate } from '../../../platform/load-for-update';
import { CONCEALMENT_KEY, computeSheet } from '../assessment.calc';
import { findIssuedScheme, findSheet, unitsOf } from '../assessment.queries';
import { auditSheet, presentSheets } from '../assessment.presenter';
import { round2 } from '../assessment.rules';
import { sourcesOf, unitFacts } from '../assessment.sources';
import { cstDate } from '../../../platform/time';
import { writeSheet, type SheetRow } from '../assessment.workflow';

const loadSheet = (tx: Tx, actor: Actor, id: string, version: number) =>
  loadForUpdate({
    load: () => findSheet(tx, actor, id, true),
    version,
    present: async (row) => (await presentSheets(tx, actor, [row], true))[0],
  });

export async function actOnSheet(db: Db, actor: Actor, ip: string | null, id: string, input: SheetActBody) {
  return db.transaction((tx) => actOnSheetIn(tx, actor, ip, id, input));
}

export async function actOnSheetIn(tx: Tx, actor: Actor, ip: string | null, id: string, input: SheetActBody) {
  const before = await loadSheet(tx, actor, id, input.version);
  let patch: Partial<SheetRow> = {};
  const evidence: Record<string, unknown> = {};
  if (input.action === 'object') {
    patch = { objection: input.reason ?? null };
    evidence.reason = input.reason;
  } else if (input.action === 'adjust') {
    const adjustment = round2(input.adjustment ?? 0);
    patch = { adjustment, adjustReason: input.reason ?? null, total: round2(Math.max(0, before.computedTotal + adjustment)) };
    Object.assign(evidence, { reason: input.reason, adjustment: input.adjustment });
  }
  const after = await writeSheet(tx, actor, before, input.action, { patch, input: evidence });
  await recordAudit(
    tx,
    { actor, ip },
    {
      action: `assessment.${input.action}`,
      entityType: 'assessment_sheet',
      entityId: id,
      before: auditSheet(before),
      after: auditSheet(after),
    },
  );
  return after;
}

export async function enterValue(db: Db, actor: Actor, ip: string | null, id: string, input: EnterValueBody) {
  return db.transaction((tx) => enterValueIn(tx, actor, ip, id, input));
}

export async function enterValueIn(tx: Tx, actor: Actor, ip: string | null, id: string, input: EnterValueBody) {
  const before = await loadSheet(tx, actor, id, input.version);
  const scheme = await findIssuedScheme(tx, actor, before.schemeId);
  if (!scheme) throw notFound();
  const enterable =
    scheme.indicators.some((i) => i.key === input.key && i.source === 'entered') ||
    (input.key === CONCEALMENT_KEY && scheme.vetoes.includes('concealment'));
  if (!enterable) throw fieldError('key', '该指标不是填报类指标', 'This indicator is not entered by hand');
  const entered = { ...before.entered, [input.key]: { value: input.value, evidence: input.evidence } };
  const [unit] = await unitsOf(tx, [before.orgId]);
  const facts = (await unitFacts(tx, [unit!], scheme.year, { today: cstDate(), sources: sourcesOf(scheme.indicators) })).get(before.orgId)!;
  const c = computeSheet(scheme.indicators, scheme.vetoes, facts, entered);
  const after = await writeSheet(tx, actor, before, 'enter', {
    patch: { ...c, entered, total: round2(Math.max(0, c.computedTotal + before.adjustment)) },
    input: { key: input.key, value: input.value, evidence: input.evidence },
  });
  await recordAudit(
    tx,
    { actor, ip },
    { action: 'assessment.enterValue', entityType: 'assessment_sheet', entityId: id, before: auditSheet(before), after: auditSheet(after) },
  );
  return after;
}
