// Issue 16 §8: exam submission under many concurrent examinees (the issue asks p95 < 300 ms at 200). BENCH_EXAM_EXAMINEES
// examinees (default 200) each start an attempt of a 10-question paper; then all submit at once through the real
// command (the read, server-side scoring, then one guarded statement with the update, the machine's transition and
// event, the completion record and the audit entry). Beside it, in the same run and at the same concurrency, a bare
// single-row insert: the ratio is submission / bare insert. Measured on three more such bursts (their median by p95):
// the first one after the database was created is reported beside it. On PGlite (one connection: the concurrency is queued) and, when
// reachable, PostgreSQL. Then a third set of examinees submits spread evenly over BENCH_EXAM_SPREAD_MS (default 10 s:
// everyone hands in within ten seconds of the bell), the bare insert likewise, to show the latency at a steady arrival
// rate rather than a single instant.
import { sql } from 'drizzle-orm';
import type { Actor } from '../../../server/src/platform/actor';
import { rowsOf, type Database } from '../../../server/src/platform/db';
import { buildCommunity, buildDistrict, buildEnterprise, buildStreet, buildUser } from '../../../server/src/seed/factories';
import { examPapers, examQuestions } from '../../../server/src/db/schema';
import { startAttempt } from '../../../server/src/modules/training/commands/start-attempt';
import { submitAttempt } from '../../../server/src/modules/training/commands/submit-attempt';
import { percentiles, type ScenarioResult } from '../lib';
import { onBothEngines } from '../engines';

const N = Number(process.env.BENCH_EXAM_EXAMINEES ?? 200);
const SPREAD_MS = Number(process.env.BENCH_EXAM_SPREAD_MS ?? 10_000);

const actorFor = (userId: string, enterpriseId: string) =>
  ({
    id: userId,
    username: 'bench',
    displayName: 'bench',
    role: 'enterprise_principal',
    orgId: null,
    orgName: null,
    areaCode: null,
    areaPrefix: null,
    sectors: [],
    parkId: null,
    enterpriseId,
    scopeKind: 'enterprise',
    mustChangePassword: false,
  }) as Actor;

async function world(d: Database) {
  const district = await buildDistrict(d.db);
  const area = await buildCommunity(d.db, { street: await buildStreet(d.db, { district }) });
  await d.db.insert(examQuestions).values(
    Array.from({ length: 40 }, (_, i) => ({
      areaCode: district.code,
      topic: '法规',
      type: i % 2 ? 'single' : 'true_false',
      stem: `基准题 ${i}`,
      options: i % 2 ? ['A', 'B', 'C', 'D'] : ['正确', '错误'],
      answer: [i % 2],
    })),
  );
  const [paper] = await d.db
    .insert(examPapers)
    .values({
      areaCode: district.code,
      title: '基准试卷',
      rules: [
        { topic: '法规', type: 'true_false', count: 5, points: 10 },
        { topic: '法规', type: 'single', count: 5, points: 10 },
      ],
      durationMinutes: 60,
      passMark: 60,
      maxAttempts: 3,
      hours: 2,
    })
    .returning();
  const attempts: { id: string; actor: Actor; questions: { id: string; type: string }[] }[] = [];
  for (let i = 0; i < N; i++) {
    const e = await buildEnterprise(d.db, { area, sector: 'machinery' });
    const u = await buildUser(d.db, { role: 'enterprise_principal', enterpriseId: e.id, org: null });
    const [p] = rowsOf<{ id: string }>(
      await d.db.execute(sql`
        insert into people (enterprise_id, area_code, sector, park_id, name, id_number_sealed, id_number_key_id, id_number_masked,
                            id_number_hash, post, employed_from)
        values (${e.id}, ${e.areaCode}, ${e.sector}, ${e.parkId}, ${'考生' + i}, 'sealed', 'k', '440307********0000', ${'h' + i},
                'principal', '2020-01-01') returning id`),
    );
    const actor = actorFor(u.id, e.id);
    const a = await startAttempt(d.db, { actor, ip: null }, paper!.id, { personId: p!.id });
    attempts.push({ id: a.id, actor, questions: a.questions });
  }
  await d.db.execute(sql`create table if not exists bench_bare_insert (id bigserial primary key, payload jsonb not null)`);
  return attempts;
}

type Attempt = Awaited<ReturnType<typeof world>>[number];

/** Submissions (and as many bare inserts) started at `delayOf(i)` ms; returns each one's latency. */
async function run(d: Database, attempts: Attempt[], delayOf: (i: number) => number) {
  const timed = async (delay: number, fn: () => Promise<unknown>) => {
    if (delay > 0) await new Promise((r) => setTimeout(r, delay));
    const t0 = performance.now();
    await fn();
    return performance.now() - t0;
  };
  const bare = await Promise.all(
    attempts.map((a, i) =>
      timed(delayOf(i), () => d.db.execute(sql`insert into bench_bare_insert (payload) values (${JSON.stringify({ a: a.id })}::jsonb)`)),
    ),
  );
  const submit = await Promise.all(
    attempts.map((a, i) =>
      timed(delayOf(i), () =>
        submitAttempt(d.db, { actor: a.actor, ip: null }, a.id, {
          answers: a.questions.map((q, k) => ({ questionId: q.id, choices: [q.type === 'single' ? k % 4 : 0] })),
        }),
      ),
    ),
  );
  return { submit: percentiles(submit), bare: percentiles(bare) };
}

async function onEngine(engine: string, d: Database): Promise<ScenarioResult[]> {
  // The first burst after the database was created pays what a running server has long paid: each pooled
  // connection's first look at the tables (catalog caches) and its first parse of the named statements, and the
  // compilation of the code paths. It is reported (firstBurst); the figure is the burst after it, as at a running
  // server's exam hall.
  const first = await run(d, await world(d), () => 0);
  // One burst is one sample of a busy half second on a shared machine (p95 237–376 ms in four runs of one day): the
  // figure is the median of three bursts, by p95, each with its own examinees.
  const bursts: Awaited<ReturnType<typeof run>>[] = [];
  for (let i = 0; i < 3; i++) bursts.push(await run(d, await world(d), () => 0));
  const burst = bursts.sort((a, b) => a.submit.p95ms - b.submit.p95ms)[1]!;
  const spread = await run(d, await world(d), (i) => (i * SPREAD_MS) / N);
  return [
    {
      name: 'exam-submission',
      engine,
      metrics: { submit: burst.submit, bareInsert: burst.bare, firstBurst: first, burstP95s: bursts.map((b) => b.submit.p95ms) },
      ratios: { p50: burst.submit.p50ms / burst.bare.p50ms, p95: burst.submit.p95ms / burst.bare.p95ms },
      targets: { submitP95ms: { limit: 300, met: burst.submit.p95ms < 300 } },
      notes:
        `${N} examinees submitting at once, in process (no HTTP): the median by p95 of three bursts (burstP95s), after a ` +
        `first burst of ${N} others (firstBurst); ` +
        'ratio = submission / bare single-row insert at the same concurrency',
    },
    {
      name: 'exam-submission-spread',
      engine,
      metrics: { submit: spread.submit, bareInsert: spread.bare, spreadMs: SPREAD_MS },
      ratios: { p50: spread.submit.p50ms / spread.bare.p50ms, p95: spread.submit.p95ms / spread.bare.p95ms },
      targets: { submitP95ms: { limit: 300, met: spread.submit.p95ms < 300 } },
      notes: `${N} other examinees submitting evenly over ${SPREAD_MS / 1000} s (${((N * 1000) / SPREAD_MS).toFixed(0)}/s), in process`,
    },
  ];
}

export function trainingScenario(): Promise<ScenarioResult[]> {
  return onBothEngines('anjian_bench_training', onEngine);
}
