// The per-enterprise summary is maintained incrementally by every command; after any sequence of writes it must
// equal a plain aggregate over the events, with the overall level being `highestLevel` of the open levels.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { AssessmentInput } from '@anjian/contracts';
import { enterpriseRiskSummary, riskEvents, riskUnits } from '../../db/schema';
import { buildCommunity } from '../../seed/factories';
import type { Actor } from '../../platform/actor';
import type { Database } from '../../platform/db';
import { highestLevel, isRiskLevel, riskLevels, type RiskLevel } from '../../reference/risk/levels';
import { buildDistrict, buildEnterprise, buildOrg, buildStreet, buildUser } from '../../seed/factories';
import { openTestDatabase } from '../../../test/db';
import { rebuildRiskSummaries, syncRiskScope } from './risks.summary';
import { createMeasure } from './commands/save-measure';
import { generateCheckTasks } from '../checks/commands/generate-check-tasks';
import { checkTaskItems, checkTasks, enterprises, riskMeasures } from '../../db/schema';
import { eq } from 'drizzle-orm';
import { createRiskUnit } from './commands/create-risk-unit';
import { deleteRiskUnit } from './commands/delete-risk-unit';
import { createRiskEvent } from './commands/create-risk-event';
import { updateRiskEvent } from './commands/update-risk-event';
import { changeRiskEventStatus } from './commands/close-risk-event';
import { deleteRiskEvent } from './commands/delete-risk-event';

let database: Database;
let actor: Actor;
const enterpriseIds: string[] = [];

beforeAll(async () => {
  database = await openTestDatabase();
  const db = database.db;
  const district = await buildDistrict(db);
  const street = await buildStreet(db, { district });
  for (let i = 0; i < 3; i++) enterpriseIds.push((await buildEnterprise(db, { street })).id);
  const org = await buildOrg(db, { area: district });
  const u = await buildUser(db, { role: 'district_officer', org });
  actor = {
    id: u.id,
    username: u.username,
    displayName: u.displayName,
    role: 'district_officer',
    orgId: org.id,
    orgName: org.name,
    areaCode: district.code,
    areaPrefix: district.code,
    sectors: [],
    parkId: null,
    enterpriseId: null,
    scopeKind: 'area',
    mustChangePassword: false,
  };
});
afterAll(() => database.close());

const assessments: fc.Arbitrary<AssessmentInput | null> = fc.oneof(
  fc.constant(null),
  fc.record({
    method: fc.constant('lec' as const),
    l: fc.constantFrom(10, 6, 3, 1, 0.5, 0.2, 0.1),
    e: fc.constantFrom(10, 6, 3, 2, 1, 0.5),
    c: fc.constantFrom(100, 40, 15, 7, 3, 1),
  }),
  fc.record({ method: fc.constant('matrix' as const), l: fc.integer({ min: 1, max: 5 }), s: fc.integer({ min: 1, max: 5 }) }),
);

type Op =
  | { op: 'unit'; ent: number }
  | { op: 'event'; pick: number; assessment: AssessmentInput | null }
  | { op: 'assess'; pick: number; assessment: AssessmentInput | null }
  | { op: 'toggle'; pick: number }
  | { op: 'deleteEvent'; pick: number }
  | { op: 'deleteUnit'; pick: number };

const ops: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ op: fc.constant('unit' as const), ent: fc.nat(2) }),
  fc.record({ op: fc.constant('event' as const), pick: fc.nat(), assessment: assessments }),
  fc.record({ op: fc.constant('event' as const), pick: fc.nat(), assessment: assessments }),
  fc.record({ op: fc.constant('assess' as const), pick: fc.nat(), assessment: assessments }),
  fc.record({ op: fc.constant('toggle' as const), pick: fc.nat() }),
  fc.record({ op: fc.constant('deleteEvent' as const), pick: fc.nat() }),
  fc.record({ op: fc.constant('deleteUnit' as const), pick: fc.nat() }),
);

async function liveUnits() {
  const rows = await database.db.select().from(riskUnits);
  return rows.filter((r) => !r.deletedAt);
}
async function liveEvents() {
  const rows = await database.db.select().from(riskEvents);
  return rows.filter((r) => !r.deletedAt);
}

async function apply(o: Op) {
  const db = database.db;
  if (o.op === 'unit') return createRiskUnit(db, actor, null, enterpriseIds[o.ent]!, { name: `单元${o.ent}`, kind: 'site' });
  if (o.op === 'event') {
    const units = await liveUnits();
    if (units.length === 0) return;
    return createRiskEvent(db, actor, null, units[o.pick % units.length]!.id, { name: '事件', assessment: o.assessment });
  }
  if (o.op === 'deleteUnit') {
    const units = await liveUnits();
    if (units.length === 0) return;
    const u = units[o.pick % units.length]!;
    return deleteRiskUnit(db, actor, null, u.id, u.version);
  }
  const events = await liveEvents();
  if (events.length === 0) return;
  const e = events[o.pick % events.length]!;
  if (o.op === 'assess') return updateRiskEvent(db, actor, null, e.id, { version: e.version, assessment: o.assessment });
  if (o.op === 'toggle') {
    return changeRiskEventStatus(db, actor, null, e.id, e.status === 'open' ? 'close' : 'reopen', { version: e.version, reason: '测试' });
  }
  return deleteRiskEvent(db, actor, null, e.id, e.version);
}

/** The summary as a plain aggregate over every event row, computed here without the module's SQL. */
async function expectedSummaries() {
  const events = await database.db.select().from(riskEvents);
  const units = await liveUnits();
  return enterpriseIds.map((id) => {
    const open = events.filter((e) => e.enterpriseId === id && e.status === 'open' && !e.deletedAt);
    const n = (l: RiskLevel) => open.filter((e) => e.level === l).length;
    return {
      enterpriseId: id,
      level: highestLevel(open.map((e) => e.level).filter(isRiskLevel)),
      ...Object.fromEntries(riskLevels.map((l) => [l, n(l)])),
      unassessed: open.filter((e) => e.level === null).length,
      units: units.filter((u) => u.enterpriseId === id).length,
    };
  });
}

describe('enterprise risk summary', () => {
  it('equals a plain aggregate of the events after random writes', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(ops, { minLength: 5, maxLength: 25 }), async (sequence) => {
        for (const o of sequence) await apply(o);
        const stored = await database.db.select().from(enterpriseRiskSummary);
        const actual = enterpriseIds.map((id) => {
          const s = stored.find((r) => r.enterpriseId === id);
          if (!s) return { enterpriseId: id, level: null, major: 0, significant: 0, general: 0, low: 0, unassessed: 0, units: 0 };
          return {
            enterpriseId: id,
            level: s.level,
            major: s.major,
            significant: s.significant,
            general: s.general,
            low: s.low,
            unassessed: s.unassessed,
            units: s.units,
          };
        });
        expect(actual).toEqual(await expectedSummaries());
        // The bulk rebuild (settings change, seeds) must agree with the incremental path.
        await database.db.transaction((tx) => rebuildRiskSummaries(tx));
        const rebuilt = await database.db.select().from(enterpriseRiskSummary);
        expect(
          rebuilt
            .map(({ updatedAt: _u, areaCode: _a, sector: _s, parkId: _p, ...r }) => r)
            .sort((a, b) => a.enterpriseId.localeCompare(b.enterpriseId)),
        ).toEqual(
          stored
            .map(({ updatedAt: _u, areaCode: _a, sector: _s, parkId: _p, ...r }) => r)
            .sort((a, b) => a.enterpriseId.localeCompare(b.enterpriseId)),
        );
      }),
      { numRuns: 8, seed: 20260415 },
    );
  });
});

describe('scope copies', () => {
  it('follow the enterprise when it is reassigned to another area (syncRiskScope)', async () => {
    const db = database.db;
    const id = enterpriseIds[0]!;
    const unit = await createRiskUnit(db, actor, null, id, { name: '迁移测试', kind: 'post' });
    const event = await createRiskEvent(db, actor, null, unit.id, { name: '事件', assessment: { method: 'matrix', l: 1, s: 1 } });
    await createMeasure(db, actor, null, event.id, { type: 'management', description: '检查', responsibleLevel: 'team' });
    await generateCheckTasks(db, { today: '2026-03-02' });
    const moved = await buildCommunity(db);
    await db.update(enterprises).set({ areaCode: moved.code, sector: 'commerce' }).where(eq(enterprises.id, id));
    await db.transaction((tx) => syncRiskScope(tx, id));
    for (const table of [riskUnits, riskEvents, riskMeasures, enterpriseRiskSummary, checkTasks, checkTaskItems]) {
      const rows = await db.select({ areaCode: table.areaCode, sector: table.sector }).from(table).where(eq(table.enterpriseId, id));
      expect(rows.length).toBeGreaterThan(0);
      expect(new Set(rows.map((r) => `${r.areaCode}/${r.sector}`))).toEqual(new Set([`${moved.code}/commerce`]));
    }
  });
});
