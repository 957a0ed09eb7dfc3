// SQL of training and exams (exam attempts: exam-attempts.queries.ts). Every read goes through the scope predicate on
// the table's own scope columns. Hours per person and year (training_person_years) and the per-enterprise counts behind
// the rates (training_summaries) are the maintained aggregates: refreshPersonYear / refreshTrainingSummary rewrite them
// from the source rows (completed sessions attended, exams passed) in the transaction of every write that credits hours.
import { and, asc, count, desc, eq, gte, inArray, isNull, lte, or, sql, type SQL } from 'drizzle-orm';
import { threePosts, type PersonPost, type QuestionListQuery, type SessionListQuery, type TrainingRateQuery } from '@anjian/contracts';
import {
  areas,
  enterprises,
  examCompletions,
  examPapers,
  examQuestions,
  people,
  trainingAttendance,
  trainingLecturers,
  trainingPersonYears,
  trainingSessions,
  trainingSummaries,
} from '../../db/schema';
import type { Actor } from '../../platform/actor';
import { rowsOf, type DbOrTx } from '../../platform/db';
import { scopeWhere } from '../../platform/scope';
import { keySectors, requiredHours } from './training.rules';
import { findEnterpriseInScope } from '../enterprises/enterprises.queries';

export type SessionRow = typeof trainingSessions.$inferSelect;
export type QuestionRow = typeof examQuestions.$inferSelect;
export type PaperRow = typeof examPapers.$inferSelect;
export type LecturerRow = typeof trainingLecturers.$inferSelect;

const sessionScope = (actor: Actor) =>
  scopeWhere(actor, {
    areaCode: trainingSessions.areaCode,
    sector: trainingSessions.sector,
    parkId: trainingSessions.parkId,
    enterpriseId: trainingSessions.enterpriseId,
  });
const personScope = (actor: Actor) =>
  scopeWhere(actor, { areaCode: people.areaCode, sector: people.sector, parkId: people.parkId, enterpriseId: people.enterpriseId });
const summaryScope = (actor: Actor) =>
  scopeWhere(actor, {
    areaCode: trainingSummaries.areaCode,
    sector: trainingSummaries.sector,
    parkId: trainingSummaries.parkId,
    enterpriseId: trainingSummaries.enterpriseId,
  });
// The bank, the papers and the lecturer pool belong to an office's area: area scopes only (industry departments and
// park stations have no area of their own here, so they see none).
const questionScope = (actor: Actor) => scopeWhere(actor, { areaCode: examQuestions.areaCode });
const paperScope = (actor: Actor) => scopeWhere(actor, { areaCode: examPapers.areaCode });
const lecturerScope = (actor: Actor) => scopeWhere(actor, { areaCode: trainingLecturers.areaCode });

/** A paper an enterprise may take: issued for an area that contains the enterprise's. */
const paperOffered = (enterpriseArea: string) => sql`${enterpriseArea} like ${examPapers.areaCode} || '%'`;

// ── Sessions ───────────────────────────────────────────────────────────────────────────────────────────────────────

export async function findSession(db: DbOrTx, actor: Actor, id: string, lock = false): Promise<SessionRow | null> {
  const q = db
    .select()
    .from(trainingSessions)
    .where(and(eq(trainingSessions.id, id), sessionScope(actor)));
  const [row] = lock ? await q.for('update') : await q;
  return row ?? null;
}

export async function findSessions(db: DbOrTx, actor: Actor, q: SessionListQuery) {
  const parts: SQL[] = [sessionScope(actor)];
  if (q.from) parts.push(gte(trainingSessions.date, q.from));
  if (q.to) parts.push(lte(trainingSessions.date, q.to));
  if (q.enterpriseId) parts.push(eq(trainingSessions.enterpriseId, q.enterpriseId));
  if (q.kind) parts.push(eq(trainingSessions.kind, q.kind));
  const where = and(...parts);
  const [items, [total]] = await Promise.all([
    db
      .select()
      .from(trainingSessions)
      .where(where)
      .orderBy(desc(trainingSessions.date), asc(trainingSessions.id))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    db.select({ n: count() }).from(trainingSessions).where(where),
  ]);
  return { items, total: total!.n };
}

export async function attendeeCounts(db: DbOrTx, sessionIds: string[]) {
  if (sessionIds.length === 0) return new Map<string, number>();
  const rows = await db
    .select({ id: trainingAttendance.sessionId, n: count() })
    .from(trainingAttendance)
    .where(inArray(trainingAttendance.sessionId, sessionIds))
    .groupBy(trainingAttendance.sessionId);
  return new Map(rows.map((r) => [r.id, r.n]));
}

export async function enterpriseNames(db: DbOrTx, ids: string[]) {
  if (ids.length === 0) return new Map<string, string>();
  const rows = await db.select({ id: enterprises.id, name: enterprises.name }).from(enterprises).where(inArray(enterprises.id, ids));
  return new Map(rows.map((r) => [r.id, r.name]));
}

export async function attendanceOf(db: DbOrTx, sessionId: string) {
  return db
    .select({
      personId: people.id,
      name: people.name,
      post: people.post,
      enterpriseId: people.enterpriseId,
      enterpriseName: enterprises.name,
    })
    .from(trainingAttendance)
    .innerJoin(people, eq(people.id, trainingAttendance.personId))
    .innerJoin(enterprises, eq(enterprises.id, people.enterpriseId))
    .where(eq(trainingAttendance.sessionId, sessionId))
    .orderBy(asc(enterprises.name), asc(people.name), asc(people.id));
}

/** People the caller may see, by id (attendance and exam takers). */
export async function peopleInScope(db: DbOrTx, actor: Actor, ids: string[]) {
  if (ids.length === 0) return [];
  return db
    .select()
    .from(people)
    .where(and(inArray(people.id, ids), personScope(actor)));
}

// ── Maintained aggregates ────────────────────────────────────────────────────────────────────────────────────────

const yearOf = (date: string) => Number(date.slice(0, 4));
const yearSql = (year: number) => ({ from: `${year}-01-01`, to: `${year}-12-31` });

/** The hours a person earned in a year, from the source rows: completed sessions attended and exams passed. */
export async function computePersonHours(db: DbOrTx, personId: string, year: number): Promise<number> {
  const { from, to } = yearSql(year);
  const [r] = rowsOf<{ hours: number }>(
    await db.execute(sql`
      select (coalesce((select sum(s.hours) from ${trainingAttendance} a join ${trainingSessions} s on s.id = a.session_id
                         where a.person_id = ${personId} and s.status = 'completed' and s.date between ${from} and ${to}), 0)
            + coalesce((select sum(c.hours) from ${examCompletions} c
                         where c.person_id = ${personId} and c.issued_on between ${from} and ${to}), 0))::int as hours`),
  );
  return r!.hours;
}

export async function refreshPersonYear(db: DbOrTx, personId: string, year: number) {
  const [p] = await db.select().from(people).where(eq(people.id, personId));
  if (!p) return;
  const hours = await computePersonHours(db, personId, year);
  const values = { enterpriseId: p.enterpriseId, areaCode: p.areaCode, sector: p.sector, parkId: p.parkId, hours, updatedAt: new Date() };
  await db
    .insert(trainingPersonYears)
    .values({ personId, year, ...values })
    .onConflictDoUpdate({ target: [trainingPersonYears.personId, trainingPersonYears.year], set: values });
}

/** The day a year's counts look at: today in the current year, the year's last day for a past one. */
export const referenceDay = (year: number, today: string) => (yearOf(today) <= year ? today : `${year}-12-31`);

/** A post with no minimum counts as trained once it has any hours. */
export const meets = (hours: number, required: number) => hours >= Math.max(required, 1);

export async function computeTrainingSummary(db: DbOrTx, enterpriseId: string, year: number, today: string) {
  const day = referenceDay(year, today);
  const rows = await db
    .select({ post: people.post, sector: people.sector, employedFrom: people.employedFrom, hours: trainingPersonYears.hours })
    .from(people)
    .leftJoin(trainingPersonYears, and(eq(trainingPersonYears.personId, people.id), eq(trainingPersonYears.year, year)))
    .where(
      and(
        eq(people.enterpriseId, enterpriseId),
        inArray(people.post, [...threePosts]),
        lte(people.employedFrom, day),
        or(isNull(people.employedTo), gte(people.employedTo, day)),
      ),
    );
  let principals = 0;
  let principalsTrained = 0;
  let postTrained = 0;
  for (const r of rows) {
    const ok = meets(r.hours ?? 0, requiredHours(r.post as PersonPost, r.sector, r.employedFrom, year).hours);
    if (ok) postTrained++;
    if (r.post === 'principal') {
      principals++;
      if (ok) principalsTrained++;
    }
  }
  return { principals, principalsTrained, postPeople: rows.length, postTrained };
}

export async function refreshTrainingSummary(db: DbOrTx, enterpriseId: string, year: number, today: string) {
  const [e] = await db
    .select({ areaCode: enterprises.areaCode, sector: enterprises.sector, parkId: enterprises.parkId })
    .from(enterprises)
    .where(eq(enterprises.id, enterpriseId));
  if (!e) return;
  const values = { ...e, ...(await computeTrainingSummary(db, enterpriseId, year, today)), updatedAt: new Date() };
  await db
    .insert(trainingSummaries)
    .values({ enterpriseId, year, ...values })
    .onConflictDoUpdate({ target: [trainingSummaries.enterpriseId, trainingSummaries.year], set: values });
}

/** Credits a set of people for a year: their person-year rows, then their enterprises' summaries. */
export async function refreshHours(db: DbOrTx, personIds: string[], year: number, today: string) {
  const ids = [...new Set(personIds)].sort();
  for (const id of ids) await refreshPersonYear(db, id, year);
  if (ids.length === 0) return;
  const ents = await db.selectDistinct({ id: people.enterpriseId }).from(people).where(inArray(people.id, ids));
  for (const e of ents.map((x) => x.id).sort()) await refreshTrainingSummary(db, e, year, today);
}

/** Enterprises whose people changed since `since` (a new principal, someone leaving): the daily job refreshes them. */
export async function enterprisesWithChangedPeople(db: DbOrTx, since: Date, limit: number, after: string | null) {
  const rows = await db
    .selectDistinct({ id: people.enterpriseId })
    .from(people)
    .where(and(gte(people.updatedAt, since), after ? sql`${people.enterpriseId} > ${after}` : undefined))
    .orderBy(asc(people.enterpriseId))
    .limit(limit);
  return rows.map((r) => r.id);
}

export async function findTrainingPeople(
  db: DbOrTx,
  actor: Actor,
  q: { enterpriseId?: string; page: number; pageSize: number },
  year: number,
  today: string,
) {
  const day = referenceDay(year, today);
  const parts: SQL[] = [personScope(actor), lte(people.employedFrom, day), or(isNull(people.employedTo), gte(people.employedTo, day))!];
  if (q.enterpriseId) parts.push(eq(people.enterpriseId, q.enterpriseId));
  const where = and(...parts);
  const [items, [total]] = await Promise.all([
    db
      .select({ person: people, hours: trainingPersonYears.hours, enterpriseName: enterprises.name })
      .from(people)
      .innerJoin(enterprises, eq(enterprises.id, people.enterpriseId))
      .leftJoin(trainingPersonYears, and(eq(trainingPersonYears.personId, people.id), eq(trainingPersonYears.year, year)))
      .where(where)
      .orderBy(asc(people.enterpriseId), asc(people.post), asc(people.name), asc(people.id))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    db.select({ n: count() }).from(people).where(where),
  ]);
  return { items, total: total!.n };
}

type RateRow = { key: string; principals: number; principalsTrained: number; postPeople: number; postTrained: number };

/** Training rates over the caller's scope for a year, by street (the area's first 9 digits) or sector. */
export async function findTrainingRates(db: DbOrTx, actor: Actor, q: TrainingRateQuery, year: number) {
  const s = trainingSummaries;
  const key = q.groupBy === 'area' ? sql`left(${s.areaCode}, 9)` : sql`${s.sector}`;
  const where = and(eq(s.year, year), summaryScope(actor), q.keySectors ? inArray(s.sector, [...keySectors]) : undefined);
  const sums = sql`coalesce(sum(${s.principals}), 0)::int as "principals", coalesce(sum(${s.principalsTrained}), 0)::int as "principalsTrained",
    coalesce(sum(${s.postPeople}), 0)::int as "postPeople", coalesce(sum(${s.postTrained}), 0)::int as "postTrained"`;
  const rows = rowsOf<RateRow>(
    await db.execute(sql`select ${key} as key, ${sums} from ${s} where ${where}
      group by 1 order by 1 limit ${q.pageSize} offset ${(q.page - 1) * q.pageSize}`),
  );
  const [tot] = rowsOf<RateRow & { groups: number }>(
    await db.execute(sql`select count(distinct ${key})::int as groups, 'all' as key, ${sums} from ${s} where ${where}`),
  );
  let names = new Map<string, string>();
  const keys = rows.map((r) => r.key);
  if (keys.length && q.groupBy === 'area') {
    const a = await db.select({ code: areas.code, name: areas.name }).from(areas).where(inArray(areas.code, keys));
    names = new Map(a.map((x) => [x.code, x.name]));
  }
  return { rows: rows.map((r) => ({ ...r, name: names.get(r.key) ?? null })), total: tot! };
}

// ── Lecturers ────────────────────────────────────────────────────────────────────────────────────────────────────

export async function findLecturers(db: DbOrTx, actor: Actor, q: { page: number; pageSize: number }) {
  const where = lecturerScope(actor);
  const [items, [total]] = await Promise.all([
    db
      .select()
      .from(trainingLecturers)
      .where(where)
      .orderBy(asc(trainingLecturers.name), asc(trainingLecturers.id))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    db.select({ n: count() }).from(trainingLecturers).where(where),
  ]);
  return { items, total: total!.n };
}

export async function findLecturer(db: DbOrTx, actor: Actor, id: string) {
  const [row] = await db
    .select()
    .from(trainingLecturers)
    .where(and(eq(trainingLecturers.id, id), lecturerScope(actor)));
  return row ?? null;
}

export async function lecturerSessionCounts(db: DbOrTx, ids: string[]) {
  if (ids.length === 0) return new Map<string, number>();
  const rows = await db
    .select({ id: trainingSessions.lecturerId, n: count() })
    .from(trainingSessions)
    .where(inArray(trainingSessions.lecturerId, ids))
    .groupBy(trainingSessions.lecturerId);
  return new Map(rows.map((r) => [r.id!, r.n]));
}

// ── Question bank and papers ─────────────────────────────────────────────────────────────────────────────────────

export async function findQuestion(db: DbOrTx, actor: Actor, id: string, lock = false): Promise<QuestionRow | null> {
  const q = db
    .select()
    .from(examQuestions)
    .where(and(eq(examQuestions.id, id), questionScope(actor)));
  const [row] = lock ? await q.for('update') : await q;
  return row ?? null;
}

export async function findQuestions(db: DbOrTx, actor: Actor, q: QuestionListQuery) {
  const parts: SQL[] = [questionScope(actor)];
  if (q.topic) parts.push(eq(examQuestions.topic, q.topic));
  if (q.type) parts.push(eq(examQuestions.type, q.type));
  const where = and(...parts);
  const [items, [total]] = await Promise.all([
    db
      .select()
      .from(examQuestions)
      .where(where)
      .orderBy(asc(examQuestions.topic), asc(examQuestions.createdAt), asc(examQuestions.id))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    db.select({ n: count() }).from(examQuestions).where(where),
  ]);
  return { items, total: total!.n };
}

/** Active questions of a topic and type available to a paper of `paperArea` (the bank of its area or above). */
export const drawablePredicate = (paperArea: string, topic: string, type: string, post: string | null) =>
  and(
    eq(examQuestions.topic, topic),
    eq(examQuestions.type, type),
    eq(examQuestions.active, true),
    sql`${paperArea} like ${examQuestions.areaCode} || '%'`,
    post ? sql`(cardinality(${examQuestions.roles}) = 0 or ${post} = any(${examQuestions.roles}))` : undefined,
  );

export async function countDrawable(db: DbOrTx, paperArea: string, topic: string, type: string) {
  const [r] = await db
    .select({ n: count() })
    .from(examQuestions)
    .where(drawablePredicate(paperArea, topic, type, null));
  return r!.n;
}

/** `n` random questions for one rule of a paper (order random too). */
export async function drawQuestions(db: DbOrTx, paperArea: string, topic: string, type: string, post: string, n: number) {
  return db
    .select()
    .from(examQuestions)
    .where(drawablePredicate(paperArea, topic, type, post))
    .orderBy(sql`random()`)
    .limit(n);
}

/** Papers: officers those of their area; an enterprise account those issued for an area containing its own. */
export async function findPapers(db: DbOrTx, actor: Actor, q: { page: number; pageSize: number }) {
  const where = await paperWhere(db, actor);
  const [items, [total]] = await Promise.all([
    db
      .select()
      .from(examPapers)
      .where(where)
      .orderBy(desc(examPapers.createdAt), asc(examPapers.id))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    db.select({ n: count() }).from(examPapers).where(where),
  ]);
  return { items, total: total!.n };
}

async function paperWhere(db: DbOrTx, actor: Actor): Promise<SQL> {
  if (actor.scopeKind !== 'enterprise') return paperScope(actor);
  const e = actor.enterpriseId ? await findEnterpriseInScope(db, actor, actor.enterpriseId) : null;
  return e ? paperOffered(e.areaCode) : sql`false`;
}

export async function findPaper(db: DbOrTx, actor: Actor, id: string): Promise<PaperRow | null> {
  const [row] = await db
    .select()
    .from(examPapers)
    .where(and(eq(examPapers.id, id), await paperWhere(db, actor)));
  return row ?? null;
}
