// Test fixtures for the hazards capability: a district with two streets, an enterprise in each, and logged-in
// clients for the roles the hidden-danger loop involves. Each test file builds its own world.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Role } from '@anjian/contracts';
import { buildTestApp, loginAs, type Client, type TestApp } from '../../../test/app';
import { buildCommunity, buildDistrict, buildEnterprise, buildOrg, buildStreet, buildUser } from '../../seed/factories';

export interface HazardWorld {
  t: TestApp;
  dataDir: string;
  enterpriseA: { id: string; areaCode: string };
  enterpriseB: { id: string; areaCode: string };
  streetA: string;
  streetB: string;
  /** Safety manager of enterprise A. */
  entA: Client;
  entB: Client;
  streetOfficerA: Client;
  streetOfficerB: Client;
  districtOfficer: Client;
  leader: Client;
  close(): Promise<void>;
}

export async function buildHazardWorld(): Promise<HazardWorld> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'anjian-hazards-'));
  const t = await buildTestApp({ dataDir });
  const db = t.database.db;
  const district = await buildDistrict(db);
  const streetA = await buildStreet(db, { district, name: '甲街道' });
  const streetB = await buildStreet(db, { district, name: '乙街道' });
  const enterpriseA = await buildEnterprise(db, {
    area: await buildCommunity(db, { street: streetA }),
    sector: 'machinery',
    hazardTags: ['combustible_dust'],
  });
  const enterpriseB = await buildEnterprise(db, { area: await buildCommunity(db, { street: streetB }), sector: 'light_industry' });
  const login = async (role: Role, o: { org?: Awaited<ReturnType<typeof buildOrg>>; enterpriseId?: string }) => {
    const u = await buildUser(db, { role, org: o.org ?? null, enterpriseId: o.enterpriseId ?? null });
    return loginAs(t.app, u.username, u.password);
  };
  const bureau = await buildOrg(db, { area: district });
  return {
    t,
    dataDir,
    enterpriseA,
    enterpriseB,
    streetA: streetA.code,
    streetB: streetB.code,
    entA: await login('enterprise_safety_manager', { enterpriseId: enterpriseA.id }),
    entB: await login('enterprise_safety_manager', { enterpriseId: enterpriseB.id }),
    streetOfficerA: await login('street_officer', { org: await buildOrg(db, { area: streetA, kind: 'street_office' }) }),
    streetOfficerB: await login('street_officer', { org: await buildOrg(db, { area: streetB, kind: 'street_office' }) }),
    districtOfficer: await login('district_officer', { org: bureau }),
    leader: await login('district_leader', { org: bureau }),
    async close() {
      await t.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export const completePlan = {
  goals_and_tasks: '消除除尘系统爆炸风险',
  methods_and_measures: '改造为负压除尘并加装泄爆装置',
  funds_and_materials: '12 万元，设备已采购',
  organisation_and_personnel: '设备部牵头，安全员陈海燕负责',
  time_limit_and_requirements: '30 日内完成并验收',
  safety_measures_and_emergency_plan: '改造期间停用打磨工序，现场配备灭火器材',
};

export const completeImplementations = {
  measures: '负压除尘改造',
  funds: 120000,
  time_limit: '30日',
  responsible_person: '陈海燕',
  emergency_plan: '粉尘爆炸专项应急预案',
};

/** Reports a hidden danger and returns its detail (expects 201). */
export async function report(c: Client, body: Record<string, unknown>) {
  const res = await c.post('/api/hazards', body);
  if (res.statusCode !== 201) throw new Error(`report failed: ${res.statusCode} ${res.body}`);
  return res.json();
}

/** Runs a workflow action with the record's current version. */
export async function act(
  c: Client,
  h: { id: string; version: number },
  action: string,
  evidence: Record<string, unknown> = {},
  attachments: string[] = [],
) {
  return c.post(`/api/hazards/${h.id}/actions/${action}`, { version: h.version, evidence, attachments });
}
