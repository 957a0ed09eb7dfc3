// Issue 18 item 8, "incident intake to notification of the leader on duty": the duty officer's call taken through the
// command (receiveIncident: shift on duty found, incident written through its machine with its event, the leader on
// duty's inbox row, the nearest general and medical teams found among a province's teams and told through their
// accounts' inbox, the timeline) — the time from the request to the leader's message stored, which is one transaction.
// Baseline, interleaved: a bare insert of the same incident row and one inbox row. Each call is a production-safety
// accident at a random point of the district, so each finds its own nearest teams.
import { sql } from 'drizzle-orm';
import { emergencyIncidents, notifications } from '../../../server/src/db/schema';
import { loadActor } from '../../../server/src/platform/actor-load';
import { rowsOf, type Database } from '../../../server/src/platform/db';
import { createShift } from '../../../server/src/modules/emergency/commands/save-shift';
import { receiveIncident } from '../../../server/src/modules/emergency/commands/receive-incident';
import { buildDistrict, buildOrg, buildUser } from '../../../server/src/seed/factories';
import { onBothEngines } from '../engines';
import { percentiles, type ScenarioResult } from '../lib';

const N = Number(process.env.BENCH_INTAKE_CALLS ?? 100);
// Around Longgang, roughly; teams are spread over the whole province box of emergency.ts.
const NEAR = { lng: [114.1, 114.4], lat: [22.6, 22.8] } as const;
const BOX = { lng: [109.7, 117.3], lat: [20.2, 25.5] } as const;

async function onEngine(engine: string, d: Database, teams: number): Promise<ScenarioResult> {
  const db = d.db;
  const district = await buildDistrict(db, '值班基准区');
  const org = await buildOrg(db, { area: district });
  const keeper = await buildUser(db, { role: 'district_officer', org });
  const leader = await buildUser(db, { role: 'district_leader', org });
  const actor = (await loadActor(db, keeper.id))!;
  const now = Date.now();
  await createShift(db, actor, null, {
    post: '区应急值班室',
    areaCode: district.code,
    startsAt: new Date(now - 3_600_000).toISOString(),
    endsAt: new Date(now + 12 * 3_600_000).toISOString(),
    officerId: keeper.id,
    leaderId: leader.id,
  });
  // A province's rescue teams, each with an account that receives its call-outs (one shared account: the inbox row per
  // call-out is what is written either way).
  const teamAccount = await buildUser(db, { role: 'district_officer', org });
  await db.execute(sql`
    insert into emergency_resources (kind, name, area_code, lng, lat, team_type, members, contact_user_id)
    select 'team', '救援队' || g, '44' || lpad((g % 90)::text, 4, '0'),
           ${BOX.lng[0]}::float8 + random() * ${BOX.lng[1] - BOX.lng[0]}::float8,
           ${BOX.lat[0]}::float8 + random() * ${BOX.lat[1] - BOX.lat[0]}::float8,
           (array['general','medical','fire_rescue','flood','hazmat'])[1 + g % 5], 20, ${teamAccount.id}::uuid
      from generate_series(1, ${teams}::int) g`);
  await db.execute(sql`analyze emergency_resources`);

  const point = () => ({
    lng: NEAR.lng[0] + Math.random() * (NEAR.lng[1] - NEAR.lng[0]),
    lat: NEAR.lat[0] + Math.random() * (NEAR.lat[1] - NEAR.lat[0]),
  });
  const call = async (i: number) => {
    const receivedAt = new Date().toISOString();
    await receiveIncident(db, actor, null, {
      receivedAt,
      kind: 'production_safety',
      areaCode: district.code,
      address: `基准地点 ${i}`,
      ...point(),
      deaths: 0,
      missing: 0,
      injured: 1,
      description: '基准：机械伤害一人',
      accidentTypeCode: 'P01',
    });
  };
  const bare = async (i: number) => {
    await db.transaction(async (tx) => {
      const [row] = await tx
        .insert(emergencyIncidents)
        .values({
          areaCode: district.code,
          receivedAt: new Date(),
          occurredAt: new Date(),
          kind: 'other',
          address: `基准地点 ${i}`,
          description: '基准',
          officerId: keeper.id,
          status: 'received',
        })
        .returning({ id: emergencyIncidents.id });
      await tx.insert(notifications).values({
        userId: leader.id,
        kind: 'incident',
        titleZh: '基准',
        titleEn: 'bench',
        entityType: 'emergency_incident',
        entityId: row!.id,
        dedupeKey: `bench:${row!.id}`,
      });
    });
  };
  const subject: number[] = [];
  const base: number[] = [];
  for (let i = 0; i < N; i++) {
    for (const real of i % 2 === 0 ? [false, true] : [true, false]) {
      const t0 = performance.now();
      await (real ? call(i) : bare(i));
      (real ? subject : base).push(performance.now() - t0);
    }
  }
  const [told] = rowsOf<{ leader: number; teams: number }>(
    await db.execute(sql`select
      (select count(*)::int from notifications where user_id = ${leader.id} and dedupe_key not like 'bench:%') as leader,
      (select count(*)::int from emergency_incident_notices) as teams`),
  );
  if (told!.leader < N) throw new Error(`emergency-intake: the leader on duty was told ${told!.leader} times, not ${N}`);
  const s = percentiles(subject);
  const b = percentiles(base);
  return {
    name: 'emergency-intake',
    engine,
    metrics: { intake: s, bareInsert: b },
    ratios: { p50: s.p50ms / b.p50ms, p95: s.p95ms / b.p95ms },
    notes: `${N} calls among ${teams} teams; ${told!.teams} team call-outs; subject = receiveIncident to the leader's inbox row committed; baseline = bare insert of an incident and one inbox row`,
  };
}

export function intakeScenario(): Promise<ScenarioResult[]> {
  return onBothEngines('anjian_bench_intake', onEngine, {
    pglite: Number(process.env.BENCH_INTAKE_LITE_TEAMS ?? 2_000),
    postgres: Number(process.env.BENCH_INTAKE_TEAMS ?? 10_000),
  });
}
