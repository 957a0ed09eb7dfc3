// Loads Gaoming's published figures (明府办〔2016〕122号) for 佛山市高明区 (440608): Table 1 as imported
// whole-year statistics by category, the base data its Table 4 rates imply, Table 4's 市指标 as
// absolute targets for 2010–2015, and Table 8's 2020 targets as reductions from 2015. Idempotent.
import type { Db } from '../platform/db';
import { areas } from '../db/schema';
import { TABLE_1, TABLE_4, TABLE_8, GAOMING_PLAN } from '../reference/indicators/gaoming-data';
import type { RateId } from '../reference/indicators/rates';
import { GAOMING_AREA, gaomingBaseData } from '../modules/indicators/gaoming';
import { importStatistics } from '../modules/indicators/commands/import-statistics';
import { saveBase } from '../modules/indicators/commands/save-base';
import { saveTarget } from '../modules/indicators/commands/save-target';

const COLUMN: Record<RateId, 'deathsPer100mGdp' | 'roadDeathsPer10kVehicles' | 'deathsPer100kWorkers'> = {
  deaths_per_100m_gdp: 'deathsPer100mGdp',
  road_deaths_per_10k_vehicles: 'roadDeathsPer10kVehicles',
  deaths_per_100k_workers: 'deathsPer100kWorkers',
};

export async function seedGaoming(db: Db): Promise<void> {
  const { code, name, city, province } = GAOMING_AREA;
  await db
    .insert(areas)
    .values([
      { code: province.code, name: province.name, level: 'province', parentCode: null, prefix: '44' },
      { code: city.code, name: city.name, level: 'city', parentCode: province.code, prefix: '4406' },
      { code, name, level: 'district', parentCode: city.code, prefix: code },
    ])
    .onConflictDoNothing();
  const source = `${GAOMING_PLAN.document} 表1`;
  await importStatistics(
    db,
    null,
    'seed',
    TABLE_1.flatMap((r) =>
      (
        [
          ['industry_mining_commerce', r.industryMiningCommerce],
          ['road_traffic', r.roadTraffic],
          ['fire', r.fire],
        ] as const
      ).map(([category, c]) => ({ areaCode: code, year: r.year, month: 0, category, accidents: c.accidents, deaths: c.deaths, source })),
    ),
  );
  await saveBase(
    db,
    null,
    'seed',
    gaomingBaseData().map((b) => ({ ...b, areaCode: code, source: `由${GAOMING_PLAN.document}表1死亡人数÷表4比率推算` })),
  );
  for (const r of TABLE_4) {
    for (const [indicator, col] of Object.entries(COLUMN) as [RateId, (typeof COLUMN)[RateId]][]) {
      await saveTarget(
        db,
        null,
        'seed',
        { areaCode: code, year: r.year, indicator },
        { kind: 'absolute', value: r[col].cityTarget, setBy: '佛山市政府下达（表4 市指标）' },
      );
    }
  }
  for (const t of TABLE_8) {
    await saveTarget(
      db,
      null,
      'seed',
      { areaCode: code, year: 2020, indicator: t.indicator },
      { kind: 'reduction', baseYear: 2015, reductionPercent: t.reductionPercent, setBy: `${GAOMING_PLAN.document} 表8` },
    );
  }
}
