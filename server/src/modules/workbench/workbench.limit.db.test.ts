// The workbench counts cases past the 90-day decision limit in SQL; decisionClock (行政处罚法 §60, extensions, the
// hearing's days) is the rule the case page shows. Over a spread of filing days, extensions and hearings, both
// settings of the hearing exclusion, the two must agree case for case.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { penaltyCases } from '../../db/schema';
import type { Actor } from '../../platform/actor';
import type { Database } from '../../platform/db';
import { addDays } from '../../platform/time';
import { decisionClock, defaultHearingConfig } from '../../reference/enforcement/penalty-limits';
import { buildDistrict, buildEnterprise, buildStreet } from '../../seed/factories';
import { openTestDatabase } from '../../../test/db';
import { casesPastLimit } from './workbench.figures';
import { findCases } from '../enforcement/cases/cases.queries';

const today = '2026-06-03';
let d: Database;
let actor: Actor;
let enterpriseId: string;
let areaCode: string;

beforeAll(async () => {
  d = await openTestDatabase();
  const district = await buildDistrict(d.db);
  const ent = await buildEnterprise(d.db, { street: await buildStreet(d.db, { district }) });
  enterpriseId = ent.id;
  areaCode = ent.areaCode;
  actor = {
    id: '00000000-0000-4000-8000-000000000001',
    username: 'probe',
    displayName: 'probe',
    role: 'district_officer',
    orgId: null,
    orgName: null,
    areaCode: district.code,
    areaPrefix: district.prefix,
    sectors: [],
    parkId: null,
    enterpriseId: null,
    scopeKind: 'area',
    mustChangePassword: false,
  };
});
afterAll(() => d.close());

const caseArb = fc.record({
  filedAgo: fc.integer({ min: 60, max: 400 }),
  extensionDays: fc.array(fc.integer({ min: 1, max: 60 }), { maxLength: 2 }),
  hearing: fc.option(
    fc.record({ requestedAfter: fc.integer({ min: 0, max: 120 }), heldAfter: fc.option(fc.integer({ min: 0, max: 60 })) }),
  ),
});

describe('cases past their decision limit', () => {
  it('counts in SQL exactly the cases decisionClock calls overdue, with and without the hearing exclusion', async () => {
    let n = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(caseArb, { minLength: 1, maxLength: 25 }), async (specs) => {
        await d.db.delete(penaltyCases);
        const rows = specs.map((s) => {
          const filedOn = addDays(today, -s.filedAgo);
          const requested = s.hearing ? addDays(filedOn, s.hearing.requestedAfter) : null;
          const held = s.hearing && requested && s.hearing.heldAfter !== null ? addDays(requested, s.hearing.heldAfter) : null;
          return {
            number: `（测）应急立〔2026〕${++n}号`,
            enterpriseId,
            areaCode,
            sector: 'machinery',
            procedure: 'general',
            partyKind: 'organisation',
            partyName: '测试公司',
            violation: '未建立隐患排查治理制度',
            basisId: 'AQSCF2021-94',
            status: 'investigating',
            filedOn,
            extensionDays: s.extensionDays,
            hearingRequestedOn: requested && requested <= today ? requested : null,
            hearingHeldOn: held && held <= today && requested && requested <= today ? held : null,
          };
        });
        await d.db.insert(penaltyCases).values(rows);
        for (const excludeFromDecisionLimit of [true, false]) {
          const hearing = { ...defaultHearingConfig, excludeFromDecisionLimit };
          const expected = rows.filter((r) => decisionClock({ ...r, decidedOn: null }, today, hearing).overdue).length;
          const got = await casesPastLimit(d.db, actor, today, hearing);
          expect(got.casesPastLimit?.value).toBe(expected);
          // The case list behind the figure (?pastLimit=true) holds the same cases.
          const listed = await findCases(d.db, actor, { page: 1, pageSize: 1, pastLimit: true }, { today, hearing });
          expect(listed.total).toBe(expected);
        }
      }),
      { numRuns: 30 },
    );
  });
});
