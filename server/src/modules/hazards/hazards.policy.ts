// Rules about who may record what on a hidden danger beyond the workflow itself: which sources each side may
// claim, whether a 令10号 item fits the enterprise, 挂牌督办 permissions, and the caller's abilities on a record.
import { can, type Sector } from '@anjian/contracts';
import { sql } from 'drizzle-orm';
import type { Actor } from '../../platform/actor';
import { counterDraw } from '../../platform/counters';
import type { DbOrTx } from '../../platform/db';
import { fieldError, type BilingualDetail } from '../../platform/errors';
import { hazardSourceInfo, type HazardGrade, type HazardSource } from '../../reference/hazards/classification';
import { findItem, memOrder10, type StandardItem } from '../../reference/hazards/major-hazard-standard';
import { actorKindOfRole } from '../../reference/hazards/workflow';
import type { HazardRow } from './hazards.queries';

/**
 * An enterprise account records only its own self-check findings; a regulator never records one as a self-check,
 * because a self-check finding is signed off by the enterprise itself (workflow.acceptorOf).
 */
export function sourceRefusal(actor: Actor, source: HazardSource): BilingualDetail | null {
  const kind = actorKindOfRole(actor.role);
  const selfCheck = hazardSourceInfo[source].finder === 'enterprise';
  if (kind === 'enterprise' && !selfCheck) {
    return {
      field: 'source',
      zh: '企业账号只能登记企业自查发现的隐患',
      en: 'Enterprise accounts record their own self-check findings only',
    };
  }
  if (kind === 'regulator' && selfCheck) {
    return {
      field: 'source',
      zh: '监管人员登记的隐患不能标记为企业自查',
      en: 'A regulator cannot record a finding as an enterprise self-check',
    };
  }
  return null;
}

/** Validates a 令10号 item reference against the enterprise's sector; returns the item. */
export function checkMajorItem(id: string, grade: HazardGrade, sector: Sector): StandardItem {
  const item = findItem(id);
  if (!item)
    throw fieldError(
      'majorItemId',
      '不是《工贸企业重大事故隐患判定标准》中的条目',
      'Not an item of the 工贸 major-hazard standard (令10号)',
    );
  if (grade !== 'major') {
    throw fieldError(
      'majorItemId',
      '引用了重大事故隐患判定标准条目，隐患等级应为重大',
      'A cited major-hazard item makes this a major hidden danger',
    );
  }
  if (!memOrder10.sectors.includes(sector)) {
    throw fieldError(
      'majorItemId',
      '令10号仅适用于工贸企业，该企业行业不在其范围内',
      "令10号 covers industry-and-trade enterprises only; this enterprise's sector is outside it",
    );
  }
  const article = memOrder10.articles.find((a) => a.number === item.article);
  if (article?.scope.kind === 'sector' && article.scope.sector !== sector) {
    throw fieldError('majorItemId', '该条目适用于其他行业的企业', "This item applies to another sector's enterprises");
  }
  return item;
}

/**
 * 隐患编号 YH<year>-<6 digits>, gap-free per year, drawn inside the statement that inserts the hidden danger (as a
 * CTE of it, `number` its value). The counter row stays locked from the draw until the transaction commits, and every
 * report of the year waits for it, so the draw belongs in the transaction's last write before its audit entry: drawn
 * first and held across six round trips, each report waited ~70 ms on the one before it at 200 requests/s (issue #19).
 * A seventh digit is added after 999,999 (lpad would cut the number instead).
 */
export function hazardNumbering(tx: DbOrTx, foundOn: string) {
  const year = foundOn.slice(0, 4);
  const drawn = tx.$with('hazard_number', { value: sql<number>`value` }).as(counterDraw(`hazard:${year}`));
  return {
    cte: drawn,
    number: sql<string>`(select ${`YH${year}-`} || lpad(value::text, greatest(6, length(value::text)), '0') from ${drawn})`,
  };
}

/** Listing steps the caller may take now (挂牌督办); they never change the workflow state. */
/** The 挂牌督办 steps open to the caller now (the hazard machine's guard for them). */
export type ListingStep = 'list' | 'report_progress' | 'delist';

export function listingAbilities(actor: Pick<Actor, 'role'>, h: Pick<HazardRow, 'grade' | 'state' | 'listing'>): string[] {
  const out: string[] = [];
  const lister = can(actor.role, 'hazard.list');
  if (lister && h.grade === 'major' && !h.listing && h.state !== 'closed') out.push('list');
  if (h.listing && !h.listing.delistedOn) {
    if (actorKindOfRole(actor.role) === 'enterprise' && h.state !== 'closed') out.push('report_progress');
    if (lister && h.state === 'closed') out.push('delist');
  }
  return out;
}

/**
 * Re-grading (一般 ↔ 重大) by the supervising side while the hidden danger is open. A major one under 挂牌督办
 * stays major until de-listed: the listing is the government's own finding.
 */
export function regradeRefusal(h: Pick<HazardRow, 'grade' | 'state' | 'listing'>): { zh: string; en: string } | null {
  if (h.state === 'closed') return { zh: '已销号的隐患不能调整等级', en: 'A closed hidden danger cannot be re-graded' };
  if (h.grade === 'major' && h.listing && !h.listing.delistedOn) {
    return { zh: '挂牌督办中的重大事故隐患不能降为一般隐患', en: 'A major hidden danger under listed supervision cannot be downgraded' };
  }
  return null;
}
