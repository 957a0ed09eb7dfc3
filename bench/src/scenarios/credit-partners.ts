// Issue 17 §3 (联合惩戒 and 公示): a district's partner export — the list in force and its changes since a day, signed
// (buildPartnerPayload + signPayload, what GET /api/credit/partner-feed answers) and as .xlsx — the lookup by credit
// code (findListingByCreditCode) and a page of the public disclosure list (findDisclosures over the active credit
// entries) against bare selects of the same rows measured in the same run, on PGlite and (when reachable)
// PostgreSQL. BENCH_CREDIT_LISTINGS (default 500) listings in force; BENCH_CREDIT_ENTRIES (default 50,000) entries.
import { sql } from 'drizzle-orm';
import type { Actor } from '../../../server/src/platform/actor';
import { type Database } from '../../../server/src/platform/db';
import { buildDistrict, buildEnterprise, buildStreet } from '../../../server/src/seed/factories';
import { buildPartnerPayload } from '../../../server/src/modules/credit/partners/partners.routes';
import { signPayload } from '../../../server/src/modules/credit/partners/feed-signature';
import { partnerWorkbook } from '../../../server/src/modules/credit/partners/partners.export';
import { measureKindsOf } from '../../../server/src/modules/credit/partners/measures';
import { findDisclosures } from '../../../server/src/modules/credit/partners/partners.queries';
import { findListingByCreditCode } from '../../../server/src/modules/credit/listing.queries';
import { cstDate } from '../../../server/src/platform/time';
import { timeIt, type ScenarioResult } from '../lib';
import { onBothEngines } from '../engines';

const LISTINGS = Number(process.env.BENCH_CREDIT_LISTINGS ?? 500);
const ENTRIES = Number(process.env.BENCH_CREDIT_ENTRIES ?? 50_000);

async function onEngine(engine: string, d: Database): Promise<ScenarioResult> {
  const district = await buildDistrict(d.db, '基准区');
  const streets = [];
  for (let i = 0; i < 10; i++) streets.push(await buildStreet(d.db, { district, name: `基准街道${i + 1}` }));
  const ents = [];
  for (let i = 0; i < LISTINGS; i++) ents.push(await buildEnterprise(d.db, { street: streets[i % 10]!, name: `基准企业${i + 1}` }));
  const today = cstDate();
  await d.db.execute(sql`
    insert into credit_listings (enterprise_id, area_code, party_name, credit_code, principal_name, status, criteria, grounds,
                                 sources, proposed_on, decided_on, document_number, published_on, period_end, early_removal_from)
    select e.id, e.area_code, e.name, e.credit_code, '张三', 'published', '["major_accident"]', '发生重大事故', '[]',
           date '2025-01-01', date '2025-02-01', '基准失信〔2025〕' || row_number() over () || '号', date '2025-02-02',
           date '2028-02-01', date '2026-02-01'
      from enterprises e where e.area_code like ${`${district.code}%`}`);
  await d.db.execute(sql`
    insert into state_transitions (record_type, record_id, action, from_state, to_state, evidence, at)
    select 'credit_listing', id, 'publish', 'decided', 'published', '{"on":"2025-02-02"}', timestamptz '2025-02-02 10:00+08'
      from credit_listings`);
  await d.db.execute(sql`
    insert into credit_entries (enterprise_id, area_code, kind, source_type, source_id, title, points, occurred_on, status,
                                event_id, last_event_id)
    select e.id, e.area_code, (array['penalty','accident','major_hazard','verified_report'])[1 + g % 4], 'bench', gen_random_uuid(),
           '基准信用记录', 10, ${today}::date - (g % 700), case when g % 10 = 0 then 'withdrawn' else 'active' end, g, g
      from generate_series(1, ${ENTRIES}) g
      join (select id, area_code, row_number() over () - 1 as n from enterprises where area_code like ${`${district.code}%`}) e
        on e.n = g % ${LISTINGS}`);
  await d.db.execute(sql`analyze credit_listings`);
  await d.db.execute(sql`analyze credit_entries`);
  const actor: Actor = {
    id: '00000000-0000-4000-8000-000000000001',
    username: 'bench',
    displayName: 'bench',
    role: 'district_officer',
    orgId: null,
    orgName: '基准区应急管理局',
    areaCode: district.code,
    areaPrefix: district.code,
    sectors: [],
    parkId: null,
    enterpriseId: null,
    scopeKind: 'area',
    mustChangePassword: false,
  };
  const feed = await timeIt(async () => signPayload(await buildPartnerPayload(d.db, actor, '2025-01-01'), 'bench-key', 'bench'), 50, 1);
  const payload = await buildPartnerPayload(d.db, actor, '2025-01-01');
  const xlsx = await timeIt(() => partnerWorkbook(payload, measureKindsOf()), 20, 1, 2);
  const bareList = await timeIt(
    () => d.db.execute(sql`select * from credit_listings where area_code like ${`${district.code}%`} and status = 'published'`),
    50,
    1,
  );
  const codes = ents.map((e) => e.creditCode);
  const lookup = await timeIt((i) => findListingByCreditCode(d.db, codes[i % codes.length]!, today), 300, 1);
  const bareLookup = await timeIt(
    (i) => d.db.execute(sql`select * from credit_listings where credit_code = ${codes[i % codes.length]!} limit 1`),
    300,
    1,
  );
  const page = await timeIt((i) => findDisclosures(d.db, { page: 1 + (i % 5), pageSize: 20 }, today), 100, 1);
  const barePage = await timeIt(
    (i) =>
      d.db.execute(
        sql`select id from credit_entries where status = 'active' order by occurred_on desc, id desc limit 20 offset ${(i % 5) * 20}`,
      ),
    100,
    1,
  );
  return {
    name: 'credit-partners',
    engine,
    metrics: { signedFeed: feed, xlsx, bareList, lookup, bareLookup, disclosurePage: page, bareDisclosurePage: barePage },
    ratios: {
      feedP95VsBareList: feed.p95ms / bareList.p95ms,
      lookupP95VsBare: lookup.p95ms / bareLookup.p95ms,
      disclosureP95VsBare: page.p95ms / barePage.p95ms,
    },
    targets: {
      'lookup p95 < 50 ms': { limit: 50, met: lookup.p95ms < 50 },
      'signed feed p95 < 1000 ms': { limit: 1000, met: feed.p95ms < 1000 },
      'disclosure page p95 < 300 ms': { limit: 300, met: page.p95ms < 300 },
    },
    notes: `${LISTINGS} listings in force in one district, ${ENTRIES} credit entries; baselines: bare selects of the same rows`,
  };
}

export function creditPartnersScenario(): Promise<ScenarioResult[]> {
  return onBothEngines('anjian_bench_credit_partners', onEngine);
}
