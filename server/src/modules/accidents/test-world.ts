// Test helper for the accident and indicator tests: a district with two streets, an officer per role
// that registers or reads accidents, an enterprise with its own account, and a request body builder.
import type { CreateAccidentBody } from '@anjian/contracts';
import { buildTestApp, loginAs, type Client, type TestApp } from '../../../test/app';
import { buildDistrict, buildEnterprise, buildOrg, buildStreet, buildUser } from '../../seed/factories';

export interface World {
  t: TestApp;
  district: { code: string };
  streetA: { code: string };
  streetB: { code: string };
  enterpriseA: { id: string; sector: string };
  officer: Client;
  leader: Client;
  streetOfficerA: Client;
  streetOfficerB: Client;
  zhujian: Client;
  enterpriseUserA: Client;
}

export async function buildWorld(): Promise<World> {
  const t = await buildTestApp();
  const db = t.database.db;
  const district = await buildDistrict(db, '事故测试区');
  const streetA = await buildStreet(db, { district, name: '甲街道' });
  const streetB = await buildStreet(db, { district, name: '乙街道' });
  const enterpriseA = await buildEnterprise(db, { street: streetA, sector: 'machinery' });
  const login = async (
    role: Parameters<typeof buildUser>[1]['role'],
    org: Parameters<typeof buildUser>[1]['org'],
    enterpriseId?: string,
  ) => {
    const u = await buildUser(db, { role, org, enterpriseId: enterpriseId ?? null });
    return loginAs(t.app, u.username, u.password);
  };
  const bureau = await buildOrg(db, { area: district });
  return {
    t,
    district,
    streetA,
    streetB,
    enterpriseA: { id: enterpriseA.id, sector: enterpriseA.sector },
    officer: await login('district_officer', bureau),
    leader: await login('district_leader', bureau),
    streetOfficerA: await login('street_officer', await buildOrg(db, { area: streetA, kind: 'street_office' })),
    streetOfficerB: await login('street_officer', await buildOrg(db, { area: streetB, kind: 'street_office' })),
    zhujian: await login(
      'industry_officer',
      await buildOrg(db, { area: district, kind: 'industry_department', sectors: ['construction'] }),
    ),
    enterpriseUserA: await login('enterprise_principal', null, enterpriseA.id),
  };
}

export const daysAgo = (days: number, hours = 0) => new Date(Date.now() - days * 86_400_000 - hours * 3_600_000).toISOString();

export function accidentBody(areaCode: string, o: Partial<CreateAccidentBody> = {}): CreateAccidentBody {
  return {
    occurredAt: daysAgo(1),
    areaCode,
    address: '测试路1号车间',
    category: 'industry_mining_commerce',
    typeScheme: 'GB6441-2025',
    typeCode: 'P04',
    causeCategory: 'undetermined',
    sector: 'machinery',
    deaths: 0,
    missing: 0,
    seriousInjuries: 0,
    minorInjuries: 0,
    directLossWan: 0,
    ...o,
  };
}
