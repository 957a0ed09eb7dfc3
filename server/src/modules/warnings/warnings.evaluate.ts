// Evaluating rule versions. Live: a version's condition as of today within its rule's area fires one warning per
// subject not yet warned by that rule this period (the unique index decides; the writer appends the 'warning.fire'
// event) and notifies the version's recipients whose scope holds the subject. Backtest: the same condition, as of
// each past month's last day and today (warnings.rules.ts backtestDays), counted per month with the first records
// listed (warnings.backtest.ts) — so a draft's backtest for the current month is what it fires once active, on the
// same data.
import type { BacktestView } from '@anjian/contracts';
import type { DbOrTx } from '../../platform/db';
import { areaPrefixOf } from '../../platform/scope';
import type { RecipientGroup } from '../notifications/notifications.rules';
import { recipientsFor } from '../notifications/notifications.recipients';
import { notify } from '../notifications/notifications.service';
import { backtestCondition } from './warnings.backtest';
import { runCondition } from './warnings.conditions';
import { backtestDays, conditionOf, periodOf } from './warnings.rules';
import { writeWarning, type RuleVersionRow } from './warnings.workflow';

const levelZh: Record<string, string> = { blue: '蓝色', yellow: '黄色', orange: '橙色', red: '红色' };

export async function evaluateVersion(
  tx: DbOrTx,
  v: RuleVersionRow,
  ruleName: string,
  today: string,
  enterpriseId?: string,
  focusArea?: string,
): Promise<{ hits: number; fired: number }> {
  const c = conditionOf(v.conditionKind, v.params);
  const hits = await runCondition(tx, c, today, areaPrefixOf(v.areaCode), enterpriseId, focusArea);
  let fired = 0;
  for (const h of hits) {
    const row = await writeWarning(tx, null, null, 'fire', {
      create: {
        ruleId: v.ruleId,
        ruleVersionId: v.id,
        level: v.level,
        period: periodOf(today),
        subjectType: h.subjectType,
        subjectId: h.subjectId,
        subjectLabel: h.label,
        enterpriseId: h.enterpriseId,
        areaCode: h.areaCode,
        sector: h.sector,
        parkId: h.parkId,
        evidence: h.evidence,
        action: v.action,
        firedOn: today,
      },
    });
    if (!row) continue;
    fired++;
    await notify(tx, await recipientsFor(tx, row, v.recipients as RecipientGroup[]), {
      kind: 'announcement',
      title: {
        zh: `${levelZh[v.level] ?? ''}预警：${ruleName}（${h.label}）`,
        en: `${v.level} warning: ${ruleName} (${h.label})`,
      },
      entityType: 'warning',
      entityId: row.id,
      link: `/warnings/${row.id}`,
      dedupeKey: `warning:${row.id}:fire`,
    });
  }
  return { hits: hits.length, fired };
}

/** Cap of records listed per month in a backtest (the count is exact). */
const RECORDS_PER_MONTH = 50;

export async function backtestVersion(
  db: DbOrTx,
  v: RuleVersionRow,
  today: string,
  months: number,
): Promise<BacktestView['series'][number]> {
  const days = backtestDays(today, months);
  const on = await backtestCondition(
    db,
    conditionOf(v.conditionKind, v.params),
    days.map((d) => d.asOf),
    areaPrefixOf(v.areaCode),
    RECORDS_PER_MONTH,
  );
  const out = days.map(({ month, asOf }, i) => ({
    month,
    asOf,
    count: on[i]!.count,
    records: on[i]!.hits.map((h) => ({ subjectType: h.subjectType, subjectId: h.subjectId, label: h.label, evidence: h.evidence })),
  }));
  return { versionId: v.id, seq: v.seq, status: v.status as 'draft', months: out };
}
