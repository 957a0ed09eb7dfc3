// A district that looks lived in: several years of accidents with the statistics base data and targets, thousands of
// hidden dangers in every state, and inspections, penalty cases in every step and draws in every street of 龙岗区 —
// so each analysis page and chart shows something on first start. Deterministic: every choice is a function of a row
// number (SQL) or of a seeded PRNG (commands), so two fresh starts show the same district.
// Volume rows (accidents, hidden dangers) are bulk inserts with their aggregates kept consistent — the hidden-danger
// rollups and draw signals by their triggers, the accident rollups rebuilt once; records with a workflow and documents
// (inspections, cases, draws, base data, targets) go through the real commands, on past days where time matters.
import { asc, eq, sql } from 'drizzle-orm';
import { areas, enterprises } from '../db/schema';
import type { Actor } from '../platform/actor';
import type { Db, DbOrTx } from '../platform/db';
import { addDays } from '../platform/time';
import { rebuildRollup } from '../modules/accidents/rollup';
import { saveBase } from '../modules/indicators/commands/save-base';
import { saveTarget } from '../modules/indicators/commands/save-target';
import { createDraw } from '../modules/enforcement/draws/commands/create-draw';
import { createInspection } from '../modules/enforcement/inspections/commands/create-inspection';
import { recordInspection } from '../modules/enforcement/inspections/commands/record-inspection';
import { fileCase } from '../modules/enforcement/cases/commands/file-case';
import { actOnCase } from '../modules/enforcement/cases/commands/act-on-case';
import { enforcementClock } from '../modules/enforcement/enforcement.clock';
import type { CaseAction, CaseActionBody } from '@anjian/contracts';

/** Accidents over the years before today (about 100 a year across the district). */
const ACCIDENTS = 420;
/** Hidden dangers over all enterprises, most closed, the rest open in every state. */
const HAZARDS = 2000;

/** mulberry32: a small seeded PRNG, so the command-driven part is the same on every fresh start. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface ActivityActors {
  officer: Actor;
  leader: Actor;
}

export async function seedDistrictActivity(tx: DbOrTx, actors: ActivityActors, today: string): Promise<void> {
  const db = tx as unknown as Db;
  const streets = await tx.select().from(areas).where(eq(areas.parentCode, '440307')).orderBy(asc(areas.sort));
  await seedAccidents(tx, today);
  await seedIndicators(db, streets, today);
  await seedHazards(tx, today);
  await seedEnforcement(db, actors, streets, today);
}

async function seedAccidents(tx: DbOrTx, today: string): Promise<void> {
  // Spread over ~4 years back from yesterday; categories as a district sees them (road traffic the most frequent);
  // GB 6441-2025 types from the day it is in force (accident-types.ts), GB 6441-1986 codes before.
  // One statement without the per-row dimension rollup trigger; rebuildRollup below rebuilds both rollups once.
  await tx.execute(sql`alter table accidents disable trigger accidents_dimension_rollup`);
  await tx.execute(sql`
    insert into accidents (occurred_at, area_code, address, sector, category, type_scheme, type_code, cause_category,
                           deaths, missing, serious_injuries, minor_injuries, direct_loss_wan, level, description)
    select o.at, c.code, c.name || '辖区内', (array['machinery','commerce','construction','light_industry','transport'])[1 + g % 5],
           (array['industry_mining_commerce','road_traffic','road_traffic','fire','industry_mining_commerce','other'])[1 + g % 6],
           case when o.at >= timestamptz '2026-07-01 00:00+08' then 'GB6441-2025' else 'GB6441-1986' end,
           case when o.at >= timestamptz '2026-07-01 00:00+08' then (array['P01','P02','P03','P04','P05','P08'])[1 + g % 6]
                else (array['01','02','03','04','05','09','019'])[1 + g % 7] end,
           (array['unsafe_act','unsafe_condition','management','undetermined'])[1 + g % 4],
           dd.d, 0, (g % 9 = 0)::int, g % 3, ((g * 37) % 120)::numeric, case when dd.d >= 3 then 'larger' else 'general' end,
           '演示数据：事故经过从略'
    from generate_series(1, ${ACCIDENTS}::int) g
    cross join lateral (select (case when g % 139 = 0 then 3 when g % 5 = 0 then 1 else 0 end) as d) dd
    cross join lateral (select ${`${today} 00:00+08`}::timestamptz - ((1 + (g * 7919) % 1450) * interval '1 day')
                               + (((g * 37) % 24) * interval '1 hour') as at) o
    cross join lateral (select code, name from areas where level = 'community' and code like '440307%'
                        order by md5(code || g::text) limit 1) c`);
  // The latest six 工矿商贸 accidents of each park's street happened at units of the park (place, sector and park
  // taken from the unit, as registering one does), so a park station's figures and list are not empty.
  await tx.execute(sql`
    with acc as (
      select a.id, p.id as park_id, row_number() over (partition by p.id order by a.occurred_at desc, a.id) as rn
      from accidents a join parks p on a.area_code like p.area_code || '%'
      where a.category = 'industry_mining_commerce'
    ), unit as (
      select id, name, sector, park_id, area_code, address,
             row_number() over (partition by park_id order by credit_code) as rn
      from enterprises where park_id is not null and deleted_at is null
    )
    update accidents a
    set enterprise_id = unit.id, unit_name = unit.name, sector = unit.sector, park_id = unit.park_id,
        area_code = unit.area_code, address = unit.address
    from acc join unit on unit.park_id = acc.park_id and unit.rn = acc.rn
    where a.id = acc.id and acc.rn <= 6`);
  // Each accident's reports up the chain its level requires (493号 第九～十一条), as a district records them: on time,
  // except the county report of about one in twenty-three (迟报, 50 minutes past its hour), so the ledger's 报告 column
  // shows on-time and late reports rather than every past accident as 逾期未报. None is received after now (an
  // accident late yesterday, seeded just after midnight).
  await tx.execute(sql`
    insert into accident_reports (accident_id, tier, received_at, recorded_by_name)
    select a.id, t.tier,
           least(now(), a.occurred_at + t.after
             + case when t.rank = 1 and extract(epoch from a.occurred_at)::bigint % 23 = 0 then interval '50 minutes'
                    else interval '0 minutes' end),
           '演示数据'
    from accidents a
    join (values ('county', 1, interval '40 minutes'), ('city', 2, interval '2 hours 10 minutes'),
                 ('province', 3, interval '3 hours 40 minutes'), ('state_council', 4, interval '5 hours 10 minutes'))
         as t(tier, rank, after)
      on t.rank <= case a.level when 'general' then 2 when 'larger' then 3 else 4 end`);
  await tx.execute(sql`alter table accidents enable trigger accidents_dimension_rollup`);
  await rebuildRollup(tx);
}

async function seedIndicators(db: Db, streets: { code: string; name: string }[], today: string): Promise<void> {
  const year = Number(today.slice(0, 4));
  const years = [year - 3, year - 2, year - 1, year];
  // 龙岗区's order of magnitude: ~5,000 亿元 GDP, ~1.1 million 工矿商贸 workers, ~1 million motor vehicles.
  const rows = years.flatMap((y, i) => [
    {
      areaCode: '440307',
      year: y,
      gdpYi: 4800 + 220 * i,
      imcWorkers: 1_080_000 + 15_000 * i,
      motorVehicles: 960_000 + 30_000 * i,
      source: '演示数据',
    },
    ...streets.map((s, k) => ({
      areaCode: s.code,
      year: y,
      gdpYi: Math.round((4800 + 220 * i) * (0.05 + 0.01 * (k % 5))),
      imcWorkers: Math.round((1_080_000 + 15_000 * i) * (0.06 + 0.008 * (k % 6))),
      motorVehicles: Math.round((960_000 + 30_000 * i) * (0.07 + 0.006 * (k % 5))),
      source: '演示数据',
    })),
  ]);
  await saveBase(db, null, null, rows);
  for (const y of [year - 1, year]) {
    await saveTarget(
      db,
      null,
      null,
      { areaCode: '440307', year: y, indicator: 'deaths_per_100m_gdp' },
      { kind: 'absolute', value: 0.012, setBy: '市安委办' },
    );
    await saveTarget(
      db,
      null,
      null,
      { areaCode: '440307', year: y, indicator: 'road_deaths_per_10k_vehicles' },
      { kind: 'absolute', value: 0.9, setBy: '市安委办' },
    );
    await saveTarget(
      db,
      null,
      null,
      { areaCode: '440307', year: y, indicator: 'deaths_per_100k_workers' },
      { kind: 'reduction', baseYear: year - 3, reductionPercent: 10, setBy: '市安委办' },
    );
  }
}

async function seedHazards(tx: DbOrTx, today: string): Promise<void> {
  // Numbers continue each year's counter (YH<year>-<seq>, gap-free) and the counters move past them, so hidden
  // dangers reported later through the app never collide. Closed ones spread over two years; open ones found in the
  // last 45 days, some past their deadline; 1 in 60 is major.
  // One statement without the per-row rollup trigger, then the rollups rebuilt once (as bulk loads do).
  await tx.execute(sql`alter table hazards disable trigger hazards_rollups`);
  await tx.execute(sql`
    with gen as (
      select g, e.id, e.area_code, e.sector, e.park_id,
             ${today}::date - (case when g % 100 < 80 then 20 + (g * 13) % 700 else (g * 7) % 45 end)::int as found,
             case when g % 100 < 80 then 'closed' when g % 100 < 88 then 'rectifying'
                  when g % 100 < 93 then 'reported' else 'awaiting_acceptance' end as state
      from generate_series(1, ${HAZARDS}::int) g
      join (select id, area_code, sector, park_id, row_number() over (order by credit_code) as rn,
                   count(*) over () as n
            from enterprises where deleted_at is null) e on e.rn = 1 + (g::bigint * 7919) % e.n
    ), numbered as (
      select gen.*, extract(year from found)::int as yr,
             row_number() over (partition by extract(year from found) order by g) as rn
      from gen
    )
    insert into hazards (number, enterprise_id, area_code, sector, park_id, source, description, category, grade,
                         found_on, deadline, deadline_days, deadline_unit, responsible_person, state, submitted_on, closed_on,
                         reported_by_name)
    select 'YH' || n.yr || '-' || lpad((coalesce(c.value, 0) + n.rn)::text, 6, '0'), n.id, n.area_code, n.sector, n.park_id,
           (array['enterprise_self_check','enterprise_self_check','enterprise_self_check','government_inspection','grid_patrol','public_report'])[1 + n.g % 6],
           (array['消防通道堆放杂物','配电箱未上锁、无警示标识','安全出口指示灯损坏','有限空间作业未审批','粉尘清扫记录缺失',
                  '叉车司机无证驾驶','化学品储存未分类','安全培训记录不全','防护栏缺失','应急预案未演练'])[1 + n.g % 10],
           (array['unsafe_act','unsafe_condition','management_defect','environment'])[1 + n.g % 4],
           case when n.g % 60 = 0 then 'major' else 'general' end,
           n.found, case when n.state = 'reported' then null else n.found + 15 end,
           case when n.state = 'reported' then null else 15 end,
           case when n.state = 'reported' then null else 'calendar' end,
           case when n.state = 'reported' then null else '安全管理员' end,
           n.state,
           case when n.state in ('closed', 'awaiting_acceptance') then n.found + (n.g % 14)::int end,
           case when n.state = 'closed' then n.found + (n.g % 14)::int + 1 end,
           '演示数据'
    from numbered n left join counters c on c.key = 'hazard:' || n.yr`);
  await tx.execute(sql`alter table hazards enable trigger hazards_rollups`);
  await tx.execute(sql`select hazard_rollups_rebuild()`);
  await seedHazardTimelines(tx);
  await tx.execute(sql`
    insert into counters (key, value)
    select 'hazard:' || substr(split_part(number, '-', 1), 3), max(split_part(number, '-', 2)::int)
    from hazards group by 1
    on conflict (key) do update set value = greatest(counters.value, excluded.value)`);
}

/**
 * The timeline the app would have written for each bulk-loaded hidden danger (writeHazard's hazard_events rows): the
 * report with its grade and source, the rectification order with its deadline, the enterprise's submission and the
 * acceptance, as far as each one's state has gone — so no demo record shows a state without the steps that led to it.
 */
async function seedHazardTimelines(tx: DbOrTx): Promise<void> {
  await tx.execute(sql`
    with h as (
      select id, state, grade, source, deadline, deadline_days, responsible_person, submitted_on, closed_on,
             (found_on + time '09:30') at time zone 'Asia/Shanghai' as found_at,
             case source when 'government_inspection' then 'district_officer' when 'grid_patrol' then 'grid_inspector'
                         when 'public_report' then 'street_officer' else 'enterprise_safety_manager' end as reporter
      from hazards where reported_by_name = '演示数据'
    ), steps as (
      select id, found_at as at, reporter as role, 'report' as action, null::text as from_state, 'reported' as to_state,
             jsonb_build_object('grade', grade, 'source', source) as evidence, 1 as ord
      from h
      union all
      select id, found_at + interval '2 hours', 'street_officer', 'start_rectification', 'reported', 'rectifying',
             jsonb_build_object('deadline', deadline, 'deadlineDays', deadline_days, 'deadlineUnit', 'calendar',
                                'responsiblePerson', responsible_person), 2
      from h where state <> 'reported'
      union all
      select id, (submitted_on + time '16:00') at time zone 'Asia/Shanghai', 'enterprise_safety_manager',
             'submit_for_acceptance', 'rectifying', 'awaiting_acceptance',
             jsonb_build_object('rectificationRecord', '已按要求整改完毕'), 3
      from h where state in ('awaiting_acceptance', 'closed')
      union all
      select id, (closed_on + time '10:00') at time zone 'Asia/Shanghai', 'street_officer', 'accept', 'awaiting_acceptance',
             'closed', jsonb_build_object('acceptanceOpinion', '整改到位，同意销号'), 4
      from h where state = 'closed'
    )
    insert into hazard_events (hazard_id, at, actor_name, actor_role, action, from_state, to_state, evidence)
    select id, at, '演示数据', role, action, from_state, to_state, evidence from steps order by id, ord`);
}

/** Every street: a penalty case stopped at a different step; every other street an inspection; a few draws. */
async function seedEnforcement(db: Db, a: ActivityActors, streets: { code: string; name: string }[], today: string) {
  const random = prng(2026);
  const realToday = enforcementClock.today;
  const on = (daysAgo: number) => (enforcementClock.today = () => addDays(today, -daysAgo));
  // The steps a case goes through, and the step each street's case stops after.
  const path: [CaseAction, 'officer' | 'leader', Partial<CaseActionBody>][] = [
    ['investigate', 'officer', {}],
    ['notify', 'officer', { fine: 20_000 }],
    ['submit_review', 'officer', { waived: true }],
    ['approve_review', 'leader', {}],
    ['decide', 'leader', { publish: true }],
    ['serve', 'officer', {}],
    ['pay', 'officer', { amountPaid: 20_000 }],
    ['close', 'officer', {}],
  ];
  try {
    for (const [i, street] of streets.entries()) {
      const pool = await db
        .select({ id: enterprises.id, name: enterprises.name })
        .from(enterprises)
        .where(sql`${enterprises.areaCode} like ${`${street.code}%`} and ${enterprises.deletedAt} is null`)
        .orderBy(asc(enterprises.creditCode))
        .limit(12);
      if (pool.length < 3) continue;
      const pick = () => pool[Math.floor(random() * pool.length)]!;
      // Draws and inspections happen today (the inspection's hidden dangers and documents are dated today).
      enforcementClock.today = realToday;
      if (i % 5 === 0) {
        await createDraw(db, a.officer, null, {
          title: `${street.name}安全生产双随机抽查`,
          k: 3,
          filter: { areaCode: street.code },
          inspectorsPerEnterprise: 2,
          plannedOn: today,
        });
      }
      const target = pick();
      // An inspection with a finding (a hidden danger under a rectification order) in every other street.
      const insp =
        i % 2 === 1
          ? null
          : await createInspection(db, a.officer, null, {
              enterpriseId: target.id,
              kind: 'planned',
              unannounced: random() < 0.5,
              departments: [],
              inspectorIds: [a.officer.id],
              plannedOn: today,
              principalDuty: i % 4 === 0,
            });
      if (insp)
        await recordInspection(db, a.officer, null, insp.id, {
          version: insp.version,
          checklist: [
            { item: '安全生产责任制落实', result: 'pass' },
            { item: '安全出口、疏散通道畅通', result: 'fail' },
          ],
          findings: [{ description: '疏散通道堆放货物', location: '仓库', grade: 'general', category: 'unsafe_condition', photoIds: [] }],
          summary: '发现问题1项，已责令限期整改。',
          rectificationDeadline: addDays(today, 7 + i),
          inspectorSignatures: [],
        });
      // The case: filed 30+i days ago and driven through `stop` steps that day (street 0's stays filed, the last closed).
      on(30 + i);
      const party = pick();
      let c = await fileCase(db, a.officer, null, {
        enterpriseId: party.id,
        procedure: 'general',
        partyKind: 'organisation',
        violation: '未按规定开展事故隐患排查治理',
        basisId: 'AQSCF2021-101',
        fineBand: 'first',
        firstCheckMustPenalise: i % 4 === 0,
        doubleInvestigation: i % 5 === 0,
        publish: true,
      });
      const stop = Math.min(i, path.length);
      for (const [action, who, body] of path.slice(0, stop)) {
        c = await actOnCase(db, a[who], null, c.id, action, { version: c.version, ...body });
      }
    }
  } finally {
    enforcementClock.today = realToday;
  }
}
