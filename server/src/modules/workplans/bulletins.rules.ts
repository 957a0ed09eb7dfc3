// 通报 from completion data, as data + small pure functions. A unit's items in a period are its (task, month) monthly
// reports that fell due in it (workplans.rules reportState: filed on time, late, missing). Fairness (issue #14 item 3:
// "a unit with too few items is not ranked first or last on one data point"): a unit with fewer than `minItems` items
// (L, default 3) is listed unranked, so it can be neither first nor last; the rule is printed on the bulletin.
import type { BulletinKind, BulletinRow } from '@anjian/contracts';

export const DEFAULT_MIN_ITEMS = 3;

export interface UnitTally {
  orgId: string;
  orgName: string;
  onTime: number;
  late: number;
  missing: number;
}

export const fairnessRule = (minItems: number) =>
  `排名规则：按时报送率从高到低排名；应报事项少于${minItems}项的单位不参与排名，不列首位或末位。` +
  ` / Ranked by on-time rate; a unit with fewer than ${minItems} items is not ranked, so never first or last.`;

/** Code-point order: the same on every server whatever its locale. */
const byName = (a: { orgName: string }, b: { orgName: string }) => (a.orgName < b.orgName ? -1 : a.orgName > b.orgName ? 1 : 0);

const rateOf = (t: UnitTally) => {
  const due = t.onTime + t.late + t.missing;
  return due === 0 ? null : Math.round((t.onTime * 10000) / due) / 100;
};

/** Rows with rank: eligible units by rate descending (1, 2, 2, 4), then the few-item units unranked. */
export function rankFairly(tallies: UnitTally[], minItems: number): BulletinRow[] {
  const rows = tallies.map((t) => {
    const due = t.onTime + t.late + t.missing;
    return { ...t, due, rate: rateOf(t), rank: null as number | null, fewItems: due < minItems };
  });
  const eligible = rows.filter((r) => !r.fewItems).sort((a, b) => b.rate! - a.rate! || byName(a, b));
  eligible.forEach((r, i) => {
    r.rank = i > 0 && eligible[i - 1]!.rate === r.rate ? eligible[i - 1]!.rank : i + 1;
  });
  const few = rows.filter((r) => r.fewItems).sort((a, b) => byName(a, b));
  return [...eligible, ...few];
}

/** The bulletin's text as generated (editable before publishing). */
export function bulletinBody(kind: BulletinKind, rows: BulletinRow[], period: { from: string; to: string }, minItems: number): string {
  const head = `${period.from} 至 ${period.to} 工作任务进展报送情况通报。`;
  const names = (list: BulletinRow[]) => (list.length ? list.map((r) => r.orgName).join('、') : '无');
  const ranked = rows.filter((r) => r.rank !== null);
  if (kind === 'praise') return `${head}\n按时报送率100%的单位：${names(ranked.filter((r) => r.rate === 100))}。予以表扬。`;
  if (kind === 'criticism') {
    const bad = ranked.filter((r) => r.missing > 0 || r.late > 0);
    return `${head}\n存在逾期或未报送的单位：${bad.map((r) => `${r.orgName}（逾期${r.late}项、未报${r.missing}项）`).join('、') || '无'}。予以通报批评，限期整改。`;
  }
  const lines = rows.map(
    (r) =>
      `${r.rank ?? '—'}. ${r.orgName}：按时${r.onTime}/${r.due}${r.rate === null ? '' : `（${r.rate}%）`}${r.fewItems ? '（事项不足，不参与排名）' : ''}`,
  );
  return `${head}\n${lines.join('\n')}\n${fairnessRule(minItems)}`;
}
