// A small world for the credit tests: a district with two streets, an enterprise in each, officers of each level,
// and source records (penalty cases, accidents, hidden dangers) inserted directly with their domain events, which
// the tests then hand to the credit consumer as the queue would.
import type { Role } from '@anjian/contracts';
import { accidents, hazards, penaltyCases } from '../../db/schema';
import { appendEvent } from '../../platform/outbox';
import { consumeEvent } from '../../platform/queue';
import { buildTestApp, loginAs, type Client, type TestApp } from '../../../test/app';
import { buildEnterprise, buildOrg, buildStreet, buildUser } from '../../seed/factories';
import { creditConsumer } from './credit.consumer';

export async function buildCreditWorld() {
  const t: TestApp = await buildTestApp();
  const db = t.database.db;
  const streetA = await buildStreet(db, { name: '甲街道' });
  const district = (await db.query.areas.findFirst({ where: (x, { eq }) => eq(x.code, streetA.parentCode!) }))!;
  const streetB = await buildStreet(db, { district, name: '乙街道' });
  const entA = await buildEnterprise(db, { street: streetA, name: '甲五金制品有限公司', principalName: '张三' });
  const entB = await buildEnterprise(db, { street: streetB, name: '乙化工有限公司' });
  const as: Record<string, Client> = {};
  const users: Record<string, { id: string }> = {};
  const login = async (key: string, role: Role, org: Awaited<ReturnType<typeof buildOrg>> | null, o: { enterpriseId?: string } = {}) => {
    const u = await buildUser(db, { role, org, ...o });
    users[key] = u;
    as[key] = await loginAs(t.app, u.username, u.password);
  };
  await login('district', 'district_officer', await buildOrg(db, { area: district }));
  await login('leader', 'district_leader', await buildOrg(db, { area: district }));
  await login('streetA', 'street_officer', await buildOrg(db, { area: streetA, kind: 'street_office' }));
  await login('streetB', 'street_officer', await buildOrg(db, { area: streetB, kind: 'street_office' }));
  await login('citizen', 'public', null);

  let seq = 0;
  const consume = (eventId: number) => consumeEvent(t.database, creditConsumer, eventId);

  async function decideCase(ent: typeof entA, o: { origin?: string; decidedOn?: string; fine?: string } = {}) {
    const n = ++seq;
    const [c] = await db
      .insert(penaltyCases)
      .values({
        number: `测安罚立〔2026〕${n}号`,
        enterpriseId: ent.id,
        areaCode: ent.areaCode,
        sector: ent.sector,
        procedure: 'general',
        partyKind: 'organisation',
        partyName: ent.name,
        violation: '未按规定开展安全生产教育培训',
        basisId: 'AQF-97',
        fine: o.fine ?? '20000',
        status: 'decided',
        filedOn: '2026-09-01',
        decidedOn: o.decidedOn ?? '2026-10-15',
        origin: o.origin ?? 'direct',
      })
      .returning();
    const eventId = await appendEvent(db, 'case.decide', 'penalty_case', c!, null, { from: 'reviewed', to: 'decided' });
    return { row: c!, eventId };
  }

  async function changeDecision(caseId: string, ent: typeof entA) {
    return appendEvent(db, 'case.change_decision', 'penalty_case', { id: caseId, areaCode: ent.areaCode, enterpriseId: ent.id }, null, {
      from: 'decided',
      to: 'decided',
    });
  }

  async function accident(ent: typeof entA, level: string, occurredAt = '2026-08-01T10:00:00+08:00') {
    const [a] = await db
      .insert(accidents)
      .values({
        occurredAt: new Date(occurredAt),
        areaCode: ent.areaCode,
        address: ent.address,
        enterpriseId: ent.id,
        sector: ent.sector,
        category: 'industry_mining_commerce',
        typeScheme: 'GB6441-1986',
        typeCode: '01',
        deaths: level === 'general' ? 1 : 3,
        level,
      })
      .returning();
    const eventId = await appendEvent(db, 'accident.register', 'accident', a!, null, { level, deaths: a!.deaths });
    return { row: a!, eventId };
  }

  async function hazard(ent: typeof entA, grade: 'general' | 'major') {
    const n = ++seq;
    const [h] = await db
      .insert(hazards)
      .values({
        number: `YHTEST-${Date.now()}-${n}`,
        enterpriseId: ent.id,
        areaCode: ent.areaCode,
        sector: ent.sector,
        source: 'enterprise_self_check',
        description: '储罐区可燃气体报警装置失效',
        category: 'unsafe_condition',
        grade,
        foundOn: '2026-09-10',
        state: 'reported',
      })
      .returning();
    const eventId = await appendEvent(db, 'hazard.report', 'hazard', h!, null, { from: null, to: 'reported' });
    return { row: h!, eventId };
  }

  return {
    t,
    db,
    streetA,
    streetB,
    district,
    entA,
    entB,
    as,
    users,
    consume,
    decideCase,
    changeDecision,
    accident,
    hazard,
    close: () => t.close(),
  };
}
export type CreditWorld = Awaited<ReturnType<typeof buildCreditWorld>>;
