// The demo district: 深圳市龙岗区 with its real streets and communities, generated grids,
// its bureau, street offices, industry departments, park stations and one account per role.
import { asc, eq, sql } from 'drizzle-orm';
import type { Role } from '@anjian/contracts';
import { areas, users } from '../db/schema';
import type { Db } from '../platform/db';
import { hashPassword, type Argon2Params } from '../platform/passwords';
import { LONGGANG, loadDivisions } from '../modules/jurisdiction/load-divisions';
import { completeCreditCode } from '../reference/credit-code';
import { buildEnterprise, buildOrg, buildPark, buildUser } from './factories';
import { seedEnterprises } from './enterprises';
import { seedDemoRisks } from './risks';
import { cstDate } from '../platform/time';
import { seedDemoEnforcement, seedDemoParkInspection } from './enforcement';
import { demoActor, seedDemoHazards } from './hazards';
import { seedDemoPublicity } from './publicity';
import { seedDemoOccupationalHealth } from './occupational-health';
import { seedDistrictActivity } from './district-activity';
import { seedDemoCredit } from './credit';
import { seedDemoReports } from './reports';
import { seedDemoReportHandling } from './report-handling';
import { seedDemoRewards } from './rewards';
import { seedDemoReportDuplicates } from './report-duplicates';
import { DEV_PEOPLE_VAULT_KEY, DEV_REPORT_VAULT_KEY } from '../platform/config';
import { seedDemoPeople } from './people';
import { seedDemoTraining } from './training';
import { seedDemoEmergency } from './emergency';
import { seedDemoEmergencyPlans } from './emergency-plans';
import { seedDemoWorkplans } from './workplans';
import { seedDemoAssessment } from './assessment';
import { seedDemoWarnings } from './warnings';
import { seedDemoGrid } from './grid';

export const DEMO_PASSWORD = 'Anjian@2026';
/** Generated enterprises in the demo district (kept small so the demo starts in seconds on PGlite). */
const DEMO_ENTERPRISES = 2000;

export interface DemoLogin {
  username: string;
  role: Role;
  displayName: string;
}

export async function isSeeded(db: Db): Promise<boolean> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(users);
  return (row?.n ?? 0) > 0;
}

/**
 * `peopleVaultKey`: the key staff identity numbers are sealed with (config.people.vaultKey). `enterprises`: how many generated units (the fuzz suite uses fewer, to stay fast); `reportVaultKey`: the key the
 * demo reports' reporters are sealed with (config.reports.vaultKey; the development default when not given).
 */
export async function seedDemo(
  db: Db,
  argon2: Argon2Params,
  o: { enterprises?: number; reportVaultKey?: string; peopleVaultKey?: string } = {},
): Promise<DemoLogin[]> {
  const reportVaultKey = o.reportVaultKey ?? DEV_REPORT_VAULT_KEY;
  return db.transaction(async (tx) => {
    await loadDivisions(tx, { ...LONGGANG, excludeStreets: [...LONGGANG.excludeStreets], gridsPerCommunity: 2 });
    const district = (await tx.query.areas.findFirst({ where: eq(areas.code, '440307') }))!;
    const streets = await tx.select().from(areas).where(eq(areas.parentCode, '440307')).orderBy(asc(areas.sort));
    const street = (code: string) => streets.find((s) => s.code === code)!;

    const bureau = await buildOrg(tx, { area: district, kind: 'bureau', name: '深圳市龙岗区应急管理局' });
    const divisions = ['执法监察大队', '安全生产综合监管科', '危险化学品安全监管科', '工贸行业安全监管科'];
    const [enforcement] = await Promise.all(
      divisions.map((name) =>
        buildOrg(tx, { area: district, kind: 'bureau_division', name: `龙岗区应急管理局${name}`, parentId: bureau.id }),
      ),
    );
    const streetOffices = new Map<string, typeof bureau>();
    for (const s of streets) {
      streetOffices.set(s.code, await buildOrg(tx, { area: s, kind: 'street_office', name: `龙岗区${s.name}应急管理办公室` }));
    }
    const zhujian = await buildOrg(tx, {
      area: district,
      kind: 'industry_department',
      name: '深圳市龙岗区住房和建设局',
      sectors: ['construction'],
    });
    await buildOrg(tx, { area: district, kind: 'industry_department', name: '深圳市龙岗区交通运输局', sectors: ['transport'] });
    await buildOrg(tx, { area: district, kind: 'industry_department', name: '深圳市市场监督管理局龙岗监管局', sectors: ['commerce'] });
    await buildOrg(tx, { area: district, kind: 'industry_department', name: '深圳市龙岗区消防救援大队', sectors: ['commerce', 'other'] });
    const baolong = await buildPark(tx, { street: street('440307019'), name: '宝龙工业园区' });
    const pingdi = await buildPark(tx, { street: street('440307006'), name: '坪地国际低碳城' });
    const baolongStation = await buildOrg(tx, {
      area: street('440307019'),
      kind: 'park_station',
      name: '宝龙工业园区安全监管站',
      parkId: baolong.id,
    });
    await buildOrg(tx, { area: street('440307006'), kind: 'park_station', name: '坪地国际低碳城安全监管站', parkId: pingdi.id });
    const longcheng = street('440307015');
    const [grid] = await tx
      .select()
      .from(areas)
      .where(sql`${areas.level} = 'grid' and ${areas.code} like ${`${longcheng.code}%`}`)
      .orderBy(asc(areas.code))
      .limit(1);
    const gridStation = await buildOrg(tx, {
      area: grid!,
      kind: 'grid_station',
      name: `${grid!.name}工作站`,
      parentId: streetOffices.get(longcheng.code)!.id,
    });

    const accounts: [string, Role, string, typeof bureau | null][] = [
      ['admin', 'sys_admin', '系统管理员', bureau],
      ['auditor', 'audit_admin', '审计管理员', bureau],
      ['leader', 'district_leader', '区局领导 李明', bureau],
      ['officer', 'district_officer', '执法大队 王强', enforcement!],
      ['street', 'street_officer', '龙城街道 陈静', streetOffices.get(longcheng.code)!],
      ['grid', 'grid_inspector', '网格员 刘洋', gridStation],
      ['zhujian', 'industry_officer', '住建局 赵磊', zhujian],
      ['park', 'park_officer', '宝龙园区 孙悦', baolongStation],
      ['citizen', 'public', '市民 周先生', null],
    ];
    const out: DemoLogin[] = [];

    // Every demo account has the same published password: hashed once (with the deployment's argon2 settings) instead
    // of once per account, which was the slowest part of the seed after the migrations.
    const passwordHash = await hashPassword(DEMO_PASSWORD, argon2);
    for (const [username, role, displayName, org] of accounts) {
      await buildUser(tx, { role, org, username, displayName, password: DEMO_PASSWORD, passwordHash });
      out.push({ username, role, displayName });
    }

    // The enterprise file: generated units across the district, plus one named unit with its own accounts.
    await seedEnterprises(tx, { count: o.enterprises ?? DEMO_ENTERPRISES, seed: 2026 });
    const [community] = await tx
      .select()
      .from(areas)
      .where(sql`${areas.level} = 'community' and ${areas.code} like ${`${longcheng.code}%`}`)
      .orderBy(asc(areas.code))
      .limit(1);
    const hongda = await buildEnterprise(tx, {
      area: community!,
      name: '深圳市龙岗区宏达五金制品有限公司',
      creditCode: completeCreditCode('91440307MA5G2HD8X'),
      address: `深圳市龙岗区龙城街道${community!.name}龙翔大道 88 号 3 栋`,
      legalRepresentative: '黄志明',
      principalName: '黄志明',
      principalPhone: '13923456789',
      safetyManagerName: '陈海燕',
      safetyManagerPhone: '13612345678',
      longitude: 114.2468,
      latitude: 22.7209,
      industryCode: 'C33',
      sector: 'machinery',
      hazardTags: ['combustible_dust', 'special_equipment'],
      employees: 86,
      isKey: true,
      smallMicro: true,
      premises: 'rented',
      landlord: `${community!.name.split('社区')[0]}股份合作公司`,
      standardizationGrade: '3',
      standardizationDate: '2024-06-18',
      standardizationExpiry: '2027-06-18',
    });
    const enterpriseAccounts: [string, Role, string][] = [
      ['ent_boss', 'enterprise_principal', '宏达五金 黄志明'],
      ['ent_safety', 'enterprise_safety_manager', '宏达五金 陈海燕'],
    ];
    for (const [username, role, displayName] of enterpriseAccounts) {
      await buildUser(tx, { role, org: null, enterpriseId: hongda.id, username, displayName, password: DEMO_PASSWORD, passwordHash });
      out.push({ username, role, displayName });
    }
    // Risk registers (宏达五金 in full, a sample of the generated units), checklist templates and check tasks.
    await seedDemoRisks(tx, { hongdaId: hongda.id, today: cstDate() });
    // Hidden dangers in 龙城街道 (hazards capability), after the accounts they are reported by.
    await seedDemoHazards(tx, longcheng.code);
    // Enforcement: a draw with today's tasks, one inspection with a finding, two penalty cases.
    await seedDemoEnforcement(tx, longcheng.code, hongda.id);
    await seedDemoParkInspection(tx);
    // A year and more of activity in all 11 streets: accidents with base data and targets, hidden dangers in every
    // state, draws, inspections and a case at a different step in each street.
    await seedDistrictActivity(tx, { officer: await demoActor(tx, 'officer'), leader: await demoActor(tx, 'leader') }, cstDate());
    // 举报: one waiting for acceptance, one replied to (the citizen account's).
    await seedDemoReports(tx, longcheng.code, reportVaultKey);
    // 举报 handling: routing rules for 宝龙街道 (a park and 住建 report), an extension, an overdue report with a link.
    await seedDemoReportHandling(tx, longcheng.code, reportVaultKey);
    // 举报奖励: one reward paid, one due (verified reports of 龙城街道).
    await seedDemoRewards(tx, longcheng.code, reportVaultKey);
    await seedDemoReportDuplicates(tx, longcheng.code, reportVaultKey);
    // 三项岗位 people and certificates: 宏达五金's own list and a sample of generated units in every street.
    await seedDemoPeople(tx, o.peopleVaultKey ?? DEV_PEOPLE_VAULT_KEY, hongda.id);
    // 培训与考试: lecturers, a question bank and a paper, last month's training day held, next month's planned.
    await seedDemoTraining(tx, longcheng.code, hongda.id);
    // 宣传覆盖: this quarter's "四个一" campaign of 龙城街道, part-way delivered.
    await seedDemoPublicity(tx, longcheng.code, hongda.id);
    // 职业健康: 宏达五金 and two dozen 龙城 enterprises' files, each rate below its target somewhere.
    await seedDemoOccupationalHealth(tx, longcheng.code, hongda.id, o.peopleVaultKey ?? DEV_PEOPLE_VAULT_KEY);
    // 应急管理: depots with stock, teams, experts, shelters, this week's duty roster and a call taken this morning.
    await seedDemoEmergency(tx, longcheng.code);
    // 应急预案 and 演练: 宏达五金's filed plan (evaluation due soon), a filing in review, a 双盲 drill with a finding.
    await seedDemoEmergencyPlans(tx);
    // 工作方案: a special campaign with ten tasks, last month's reports (one late, some missing), a 督办.
    await seedDemoWorkplans(tx);
    // 年度考核, 约谈, 通报: a scored scheme (the street's sheet published), an interview, a published bulletin.
    await seedDemoAssessment(tx);
    // 警兆知识库: three active rules evaluated on the demo data (warnings in the inbox) and one draft to backtest.
    await seedDemoWarnings(tx);
    // 网格巡查: the demo grid inspector's units with visits, one overdue, one due soon, one never visited.
    await seedDemoGrid(tx);
    // 信用 last: credit entries and grades from every demo event above (each marked processed), and one 严重失信
    // listing in its objection period.
    await seedDemoCredit(tx);
    return out;
  });
}

export async function demoLogins(db: Db): Promise<DemoLogin[]> {
  const rows = await db
    .select({ username: users.username, role: users.role, displayName: users.displayName })
    .from(users)
    .orderBy(asc(users.createdAt));
  return rows.map((r) => ({ ...r, role: r.role as Role }));
}
