// Changes the deployment's risk settings (LEC edge reading, LS-matrix bands, check frequencies). Stored levels
// are derived data, so every assessed event is levelled again under the new bands and every summary rewritten,
// in the same transaction: the map never shows colours from two different rule sets.
import { and, asc, eq, gt, isNotNull, isNull } from 'drizzle-orm';
import type { UpdateRiskSettingsBody } from '@anjian/contracts';
import { riskEvents } from '../../../db/schema';
import type { Actor } from '../../../platform/actor';
import { recordAudit } from '../../../platform/audit';
import type { Db, Tx } from '../../../platform/db';
import { AppError, fieldError } from '../../../platform/errors';
import { validateMatrixBands, type MatrixBandConfig } from '../../../reference/risk/matrix';
import { reassess } from '../risks.assessment';
import {
  lecPresets,
  loadRiskSettings,
  matrixBandPresets,
  presentSettings,
  storeRiskSettings,
  type EffectiveSettings,
} from '../risks.settings';
import { rebuildRiskSummaries } from '../risks.summary';

function merge(current: EffectiveSettings, input: UpdateRiskSettingsBody): EffectiveSettings {
  const next = { ...current, frequencies: { ...current.frequencies, ...input.frequencies } };
  if (input.lecConfigId !== undefined) {
    const lec = lecPresets.find((p) => p.id === input.lecConfigId);
    if (!lec)
      throw fieldError('lecConfigId', `未知的 LEC 分档方案：${input.lecConfigId}`, `Unknown LEC band reading: ${input.lecConfigId}`);
    next.lec = lec;
  }
  if (input.matrixPresetId !== undefined && input.matrixBands !== undefined) {
    throw fieldError('matrixBands', '预设方案与自定义分档只能二选一', 'Give either a preset or custom bands, not both');
  }
  if (input.matrixPresetId !== undefined) {
    const preset = matrixBandPresets.find((p) => p.id === input.matrixPresetId);
    if (!preset)
      throw fieldError('matrixPresetId', `未知的风险矩阵方案：${input.matrixPresetId}`, `Unknown matrix preset: ${input.matrixPresetId}`);
    next.matrix = preset;
  }
  if (input.matrixBands !== undefined) {
    const custom: MatrixBandConfig = {
      id: 'custom',
      name: { zh: '本地自定义', en: 'Custom (local)' },
      source: 'deployment settings',
      bands: input.matrixBands,
    };
    const issues = validateMatrixBands(custom);
    if (issues.length > 0)
      throw new AppError(
        'VALIDATION',
        issues.map((i) => ({ field: 'matrixBands', ...i.message })),
      );
    next.matrix = custom;
  }
  if (input.dailyOnWorkdaysOnly !== undefined) next.dailyOnWorkdaysOnly = input.dailyOnWorkdaysOnly;
  return next;
}

/** Re-levels assessed events page by page (keyset on id), writing only those whose level or band id changed. */
async function relevelEvents(tx: Tx, s: EffectiveSettings): Promise<number> {
  let after: string | null = null;
  let changed = 0;
  for (;;) {
    const page: (typeof riskEvents.$inferSelect)[] = await tx
      .select()
      .from(riskEvents)
      .where(and(isNotNull(riskEvents.method), isNull(riskEvents.deletedAt), after ? gt(riskEvents.id, after) : undefined))
      .orderBy(asc(riskEvents.id))
      .limit(1000);
    if (page.length === 0) return changed;
    for (const row of page) {
      const next = reassess(row, s);
      if (next.level === row.level && next.configId === row.configId && next.dangerDegree === row.dangerDegree) continue;
      await tx.update(riskEvents).set(next).where(eq(riskEvents.id, row.id));
      changed++;
    }
    after = page[page.length - 1]!.id;
  }
}

export async function updateRiskSettings(db: Db, actor: Actor, ip: string | null, input: UpdateRiskSettingsBody) {
  return db.transaction(async (tx) => {
    const before = await loadRiskSettings(tx);
    const next = merge(before, input);
    await storeRiskSettings(tx, next, actor.id);
    const relevelled = await relevelEvents(tx, next);
    if (relevelled > 0) await rebuildRiskSummaries(tx);
    await recordAudit(
      tx,
      { actor, ip },
      {
        action: 'risk.settings.update',
        entityType: 'risk_settings',
        entityId: 'deployment',
        before: presentSettings(before),
        after: { ...presentSettings(next), relevelled },
      },
    );
    return next;
  });
}
