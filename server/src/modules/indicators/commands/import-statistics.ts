// Imports monthly accident statistics reported by other departments (公安交警, 消防, 海事, 渔业, 农机),
// replacing the figures of the same area, month and category. 工矿商贸 figures are accepted only for
// periods the registry does not cover, so no death is ever counted twice.
import { and, gte, like, lt, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { statisticsRow } from '@anjian/contracts';
import { accidentStatistics, accidents } from '../../../db/schema';
import type { Db, DbOrTx } from '../../../platform/db';
import type { Actor } from '../../../platform/actor';
import { recordAudit } from '../../../platform/audit';
import { AppError, type BilingualDetail } from '../../../platform/errors';
import { likePrefix } from '../../../platform/scope';
import { cstDate, cstStartOfDay } from '../../../platform/time';
import { findAreaRow, mayReadArea } from '../indicators.queries';

type StatRow = z.infer<typeof statisticsRow>;

const monthStart = (y: number, m: number) => cstStartOfDay(`${y}-${String(m).padStart(2, '0')}-01`);

async function registryHasImc(db: DbOrTx, prefix: string, year: number, month: number): Promise<boolean> {
  const [from, to] =
    month === 0
      ? [monthStart(year, 1), monthStart(year + 1, 1)]
      : [monthStart(year, month), month === 12 ? monthStart(year + 1, 1) : monthStart(year, month + 1)];
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(accidents)
    .where(
      and(
        like(accidents.areaCode, likePrefix(prefix)),
        eq(accidents.category, 'industry_mining_commerce'),
        gte(accidents.occurredAt, from),
        lt(accidents.occurredAt, to),
      ),
    );
  return (row?.n ?? 0) > 0;
}

async function checkRow(db: DbOrTx, actor: Actor | null, r: StatRow, i: number, today: string): Promise<BilingualDetail[]> {
  const out: BilingualDetail[] = [];
  const field = (f: string) => `rows.${i}.${f}`;
  const area = await findAreaRow(db, r.areaCode);
  if (!area || !mayReadArea(actor, r.areaCode)) {
    out.push({
      field: field('areaCode'),
      zh: `区划${r.areaCode}不存在或不在管辖范围内`,
      en: `Area ${r.areaCode} is unknown or outside your jurisdiction`,
    });
    return out;
  }
  const thisYear = Number(today.slice(0, 4));
  const ym = r.year * 100 + r.month;
  if (r.month === 0 ? r.year >= thisYear : ym > Number(today.slice(0, 4)) * 100 + Number(today.slice(5, 7))) {
    out.push({
      field: field('month'),
      zh: '不能导入尚未结束的年份或未来月份的全年数',
      en: 'Whole-year figures need a finished year, and months cannot be in the future',
    });
  }
  if (r.deaths > 0 && r.accidents === 0)
    out.push({ field: field('accidents'), zh: '有死亡人数但事故起数为0', en: 'Deaths without any accident' });
  if (r.category === 'industry_mining_commerce' && (await registryHasImc(db, area.prefix, r.year, r.month))) {
    out.push({
      field: field('category'),
      zh: '该期间平台事故台账已有工矿商贸事故，请勿重复导入',
      en: 'The registry already holds industry/mining/commerce accidents for this period: importing them would count them twice',
    });
  }
  return out;
}

export async function importStatistics(db: Db, actor: Actor | null, ip: string | null, rows: StatRow[], now = new Date()) {
  const today = cstDate(now);
  return db.transaction(async (tx) => {
    const problems: BilingualDetail[] = [];
    const seen = new Set<string>();
    for (const [i, r] of rows.entries()) {
      const key = `${r.areaCode}/${r.year}/${r.month}/${r.category}`;
      if (seen.has(key)) problems.push({ field: `rows.${i}`, zh: '同一区划、月份和类别重复', en: 'Duplicate area, month and category' });
      seen.add(key);
      problems.push(...(await checkRow(tx, actor, r, i, today)));
    }
    if (problems.length > 0) throw new AppError('VALIDATION', problems);
    let inserted = 0;
    for (const r of rows) {
      const values = { ...r, injuries: r.injuries ?? null, importedBy: actor?.id ?? null, importedAt: now };
      const [row] = await tx
        .insert(accidentStatistics)
        .values(values)
        .onConflictDoUpdate({
          target: [accidentStatistics.areaCode, accidentStatistics.year, accidentStatistics.month, accidentStatistics.category],
          set: values,
        })
        .returning({ inserted: sql<boolean>`(xmax = 0)` });
      if (row!.inserted) inserted++;
    }
    await recordAudit(tx, { actor, ip }, { action: 'indicator.statistics.import', entityType: 'accident_statistics', after: { rows } });
    return { inserted, updated: rows.length - inserted };
  });
}
