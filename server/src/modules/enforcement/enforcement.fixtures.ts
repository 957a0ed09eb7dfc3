// Test world for enforcement: a district with two streets, enterprises in each, a bureau with three officers,
// a street officer per street, a leader and an enterprise account. Each test file builds its own.
import { afterEach } from 'vitest';
import type { Role } from '@anjian/contracts';
import { buildTestApp, loginAs, type Client, type TestApp } from '../../../test/app';
import { enforcementClock } from './enforcement.clock';
import { buildCommunity, buildDistrict, buildEnterprise, buildOrg, buildStreet, buildUser } from '../../seed/factories';

export interface EnforcementWorld {
  t: TestApp;
  district: string;
  streetA: string;
  streetB: string;
  enterprisesA: { id: string; areaCode: string; name: string }[];
  enterprisesB: { id: string; areaCode: string; name: string }[];
  officer: Client;
  streetOfficerA: Client;
  streetOfficerAId: string;
  streetOfficerB: Client;
  leader: Client;
  entA: Client;
  close(): Promise<void>;
}

export async function buildEnforcementWorld(perStreet = 10): Promise<EnforcementWorld> {
  const t = await buildTestApp();
  const db = t.database.db;
  const district = await buildDistrict(db);
  const streetA = await buildStreet(db, { district, name: '甲街道' });
  const streetB = await buildStreet(db, { district, name: '乙街道' });
  const communityA = await buildCommunity(db, { street: streetA });
  const communityB = await buildCommunity(db, { street: streetB });
  const enterprisesA = [];
  const enterprisesB = [];
  for (let i = 0; i < perStreet; i++) {
    enterprisesA.push(await buildEnterprise(db, { area: communityA, sector: i % 2 ? 'machinery' : 'light_industry' }));
    enterprisesB.push(await buildEnterprise(db, { area: communityB, sector: 'machinery' }));
  }
  const bureau = await buildOrg(db, { area: district, name: '测试区应急管理局' });
  const officeA = await buildOrg(db, { area: streetA, kind: 'street_office', name: '甲街道安监办' });
  const officeB = await buildOrg(db, { area: streetB, kind: 'street_office', name: '乙街道安监办' });
  const login = async (role: Role, o: { org?: Awaited<ReturnType<typeof buildOrg>>; enterpriseId?: string; name?: string }) => {
    const u = await buildUser(db, { role, org: o.org ?? null, enterpriseId: o.enterpriseId ?? null, displayName: o.name });
    return { client: await loginAs(t.app, u.username, u.password), id: u.id };
  };
  const officer = await login('district_officer', { org: bureau, name: '王执法' });
  await login('district_officer', { org: bureau, name: '李执法' });
  await login('district_officer', { org: bureau, name: '赵执法' });
  const sa = await login('street_officer', { org: officeA, name: '钱街道' });
  const sb = await login('street_officer', { org: officeB, name: '孙街道' });
  return {
    t,
    district: district.code,
    streetA: streetA.code,
    streetB: streetB.code,
    enterprisesA,
    enterprisesB,
    officer: officer.client,
    streetOfficerA: sa.client,
    streetOfficerAId: sa.id,
    streetOfficerB: sb.client,
    leader: (await login('district_leader', { org: bureau })).client,
    entA: (await login('enterprise_safety_manager', { enterpriseId: enterprisesA[0]!.id })).client,
    close: () => t.close(),
  };
}

/**
 * Pins "today" for penalty cases (enforcementClock) in this test file: `on('2026-09-28')` moves it, each test starts
 * from the real clock again.
 */
export function pinEnforcementDay(): (date: string) => void {
  const realToday = enforcementClock.today;
  afterEach(() => {
    enforcementClock.today = realToday;
  });
  return (date) => {
    enforcementClock.today = () => date;
  };
}

/**
 * A general-procedure case against an organisation, filed by the bureau officer and driven step by step: `step`
 * posts an action with the current version and keeps the case when it succeeds.
 */
export async function openCase(w: EnforcementWorld, e: { id: string; name: string }, violation: string, basisId: string) {
  let c = (
    await w.officer.post('/api/enforcement/cases', {
      enterpriseId: e.id,
      procedure: 'general',
      partyKind: 'organisation',
      partyName: e.name,
      violation,
      basisId,
    })
  ).json();
  const step = async (action: string, body: Record<string, unknown> = {}) => {
    const res = await w.officer.post(`/api/enforcement/cases/${c.id}/actions/${action}`, { version: c.version, ...body });
    if (res.statusCode === 200) c = res.json();
    return res;
  };
  return { get: () => c, step, reload: async () => (c = (await w.officer.get(`/api/enforcement/cases/${c.id}`)).json()) };
}
