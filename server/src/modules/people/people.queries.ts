// SQL of 三项岗位 people and certificates. Every read goes through the scope predicate on the table's own scope columns
// (an enterprise account sees its own enterprise, a street its street's, an industry department its sectors', a park
// station its park's). The holding rates read the maintained per-enterprise summary, rewritten by refreshSummary in the
// transaction of every write.
import { and, asc, count, eq, ilike, inArray, isNotNull, isNull, lte, or, gte, sql, type SQL } from 'drizzle-orm';
import type { CertificateListQuery, CertificateRateQuery, PersonListQuery } from '@anjian/contracts';
import { areas, certificates, enterprises, people, peopleSummaries, retrainingDuties } from '../../db/schema';
import type { Actor } from '../../platform/actor';
import { rowsOf, type DbOrTx } from '../../platform/db';
import { scopeWhere } from '../../platform/scope';
import { addDays } from '../../platform/time';
import {
  addSummaries,
  certificateRules,
  certificateSchedule,
  certificateStatus,
  countsAsValid,
  noSummary,
  qualifyingKind,
  summaryPart,
  type SummaryFigures,
} from './people.rules';

export type PersonRow = typeof people.$inferSelect;
export type CertificateRow = typeof certificates.$inferSelect;

const personScope = (actor: Actor) =>
  scopeWhere(actor, { areaCode: people.areaCode, sector: people.sector, parkId: people.parkId, enterpriseId: people.enterpriseId });
const certScope = (actor: Actor) =>
  scopeWhere(actor, {
    areaCode: certificates.areaCode,
    sector: certificates.sector,
    parkId: certificates.parkId,
    enterpriseId: certificates.enterpriseId,
  });
const summaryScope = (actor: Actor) =>
  scopeWhere(actor, {
    areaCode: peopleSummaries.areaCode,
    sector: peopleSummaries.sector,
    parkId: peopleSummaries.parkId,
    enterpriseId: peopleSummaries.enterpriseId,
  });

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

export async function findPerson(db: DbOrTx, actor: Actor, id: string, lock = false): Promise<PersonRow | null> {
  const q = db
    .select()
    .from(people)
    .where(and(eq(people.id, id), personScope(actor)));
  const [row] = lock ? await q.for('update') : await q;
  return row ?? null;
}

export async function findPersonByHash(db: DbOrTx, enterpriseId: string, hash: string) {
  const [row] = await db
    .select({ id: people.id })
    .from(people)
    .where(and(eq(people.enterpriseId, enterpriseId), eq(people.idNumberHash, hash)));
  return row ?? null;
}

export const currentSql = (today: string) =>
  and(lte(people.employedFrom, today), or(isNull(people.employedTo), gte(people.employedTo, today)))!;

export async function findPeople(db: DbOrTx, actor: Actor, q: PersonListQuery, today: string) {
  const parts: SQL[] = [personScope(actor)];
  if (q.enterpriseId) parts.push(eq(people.enterpriseId, q.enterpriseId));
  if (q.post) parts.push(eq(people.post, q.post));
  if (q.q) parts.push(ilike(people.name, `%${escapeLike(q.q)}%`));
  if (q.current !== undefined) parts.push(q.current ? currentSql(today) : sql`not (${currentSql(today)})`);
  const where = and(...parts);
  const [items, [total]] = await Promise.all([
    db
      .select()
      .from(people)
      .where(where)
      .orderBy(asc(people.enterpriseId), asc(people.post), asc(people.name), asc(people.id))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    db.select({ n: count() }).from(people).where(where),
  ]);
  return { items, total: total!.n };
}

export async function findCertificate(db: DbOrTx, actor: Actor, id: string, lock = false): Promise<CertificateRow | null> {
  const q = db
    .select()
    .from(certificates)
    .where(and(eq(certificates.id, id), certScope(actor)));
  const [row] = lock ? await q.for('update') : await q;
  return row ?? null;
}

/** The SQL form of certificateStatus (people.rules.ts) on `today`; revocations are never dated after the day they are recorded. */
export function statusSql(status: string, today: string): SQL {
  const windowEnd = addDays(today, certificateRules.reviewWindowDays);
  switch (status) {
    case 'revoked':
      return isNotNull(certificates.revokedOn);
    case 'expired':
      return and(isNull(certificates.revokedOn), sql`${certificates.dueOn} < ${today}`)!;
    case 'due_for_review':
      return and(isNull(certificates.revokedOn), sql`${certificates.dueOn} >= ${today}`, sql`${certificates.dueOn} <= ${windowEnd}`)!;
    default:
      return and(isNull(certificates.revokedOn), sql`${certificates.dueOn} > ${windowEnd}`)!;
  }
}

export async function findCertificates(db: DbOrTx, actor: Actor, q: CertificateListQuery, today: string) {
  const parts: SQL[] = [certScope(actor)];
  if (q.enterpriseId) parts.push(eq(certificates.enterpriseId, q.enterpriseId));
  if (q.personId) parts.push(eq(certificates.personId, q.personId));
  if (q.kind) parts.push(eq(certificates.kind, q.kind));
  if (q.status) parts.push(statusSql(q.status, today));
  if (q.dueWithinDays !== undefined) {
    parts.push(
      isNull(certificates.revokedOn),
      sql`${certificates.dueOn} >= ${today}`,
      sql`${certificates.dueOn} <= ${addDays(today, q.dueWithinDays)}`,
    );
  }
  const where = and(...parts);
  const [items, [total]] = await Promise.all([
    db
      .select()
      .from(certificates)
      .where(where)
      .orderBy(asc(certificates.dueOn), asc(certificates.id))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    db.select({ n: count() }).from(certificates).where(where),
  ]);
  return { items, total: total!.n };
}

export async function certificatesOfPerson(db: DbOrTx, personId: string) {
  return db.select().from(certificates).where(eq(certificates.personId, personId)).orderBy(asc(certificates.dueOn), asc(certificates.id));
}

export async function retrainingOfPerson(db: DbOrTx, personId: string) {
  return db
    .select()
    .from(retrainingDuties)
    .where(eq(retrainingDuties.personId, personId))
    .orderBy(asc(retrainingDuties.dueOn), asc(retrainingDuties.id));
}

/** Names of the people and enterprises a page of certificates or people refers to. */
export async function namesFor(db: DbOrTx, personIds: string[], enterpriseIds: string[]) {
  const [p, e] = await Promise.all([
    personIds.length
      ? db.select({ id: people.id, name: people.name, post: people.post }).from(people).where(inArray(people.id, personIds))
      : [],
    enterpriseIds.length
      ? db.select({ id: enterprises.id, name: enterprises.name }).from(enterprises).where(inArray(enterprises.id, enterpriseIds))
      : [],
  ]);
  return { people: new Map(p.map((x) => [x.id, x])), enterprises: new Map(e.map((x) => [x.id, x.name])) };
}

// ── The maintained aggregate ────────────────────────────────────────────────────────────────────────────────────

/**
 * The enterprise's 三项岗位 counts on `today`, computed with the same rule functions the views use: people employed
 * today in a 三项岗位 post, and of them those holding a certificate of the post's kind that counts as valid.
 */
export async function computeSummary(db: DbOrTx, enterpriseId: string, today: string) {
  const [ps, cs] = await Promise.all([
    db
      .select({ id: people.id, post: people.post, employedFrom: people.employedFrom, employedTo: people.employedTo })
      .from(people)
      .where(eq(people.enterpriseId, enterpriseId)),
    db.select().from(certificates).where(eq(certificates.enterpriseId, enterpriseId)),
  ]);
  // Certificates by person: a filter over all of them for each person was people × certificates comparisons.
  const certsOf = new Map<string, typeof cs>();
  for (const c of cs) {
    const held = certsOf.get(c.personId);
    if (held) held.push(c);
    else certsOf.set(c.personId, [c]);
  }
  let figures = noSummary;
  for (const p of ps) {
    const kind = qualifyingKind[p.post as keyof typeof qualifyingKind];
    const validDues = () =>
      (certsOf.get(p.id) ?? [])
        .filter((c) => {
          if (c.kind !== kind) return false;
          const status = certificateStatus(certificateSchedule({ ...c, kind: c.kind as NonNullable<typeof kind> }), c.revokedOn, today);
          return countsAsValid(status);
        })
        .map((c) => c.dueOn);
    figures = addSummaries(figures, summaryPart(p, today, validDues));
  }
  return figures;
}

/** Rewrites the enterprise's summary row (in the caller's transaction). */
export async function refreshSummary(db: DbOrTx, enterpriseId: string, today: string) {
  // Locked first, so that two writers' rewrites follow each other: the second counts after the first has committed
  // (each statement after the lock sees what committed before it), rather than overwriting it with an older count.
  await db
    .select({ id: peopleSummaries.enterpriseId })
    .from(peopleSummaries)
    .where(eq(peopleSummaries.enterpriseId, enterpriseId))
    .for('update');
  const [e] = await db
    .select({ areaCode: enterprises.areaCode, sector: enterprises.sector, parkId: enterprises.parkId })
    .from(enterprises)
    .where(eq(enterprises.id, enterpriseId));
  if (!e) return;
  const s = await computeSummary(db, enterpriseId, today);
  const values = { ...e, ...s, computedOn: today, updatedAt: new Date() };
  await db
    .insert(peopleSummaries)
    .values({ enterpriseId, ...values })
    .onConflictDoUpdate({ target: peopleSummaries.enterpriseId, set: values });
}

/**
 * Adds newly inserted people's figures to the enterprise's summary row when the row is today's (so it already counts
 * everyone else), else rewrites it. An import adds up to 20,000 people to an enterprise that may hold 100,000: reading
 * them all again to count them cost 30–150 ms a file. `gained` is the new people's parts (people.rules.ts summaryPart).
 */
export async function addToSummary(db: DbOrTx, enterpriseId: string, today: string, gained: SummaryFigures) {
  const [row] = await db
    .select({
      postPeople: peopleSummaries.postPeople,
      postHolders: peopleSummaries.postHolders,
      nextChangeOn: peopleSummaries.nextChangeOn,
    })
    .from(peopleSummaries)
    .where(and(eq(peopleSummaries.enterpriseId, enterpriseId), eq(peopleSummaries.computedOn, today)))
    .for('update');
  if (!row) return refreshSummary(db, enterpriseId, today);
  await db
    .update(peopleSummaries)
    .set({ ...addSummaries(row, gained), updatedAt: new Date() })
    .where(eq(peopleSummaries.enterpriseId, enterpriseId));
}

/** Enterprises whose summary may have changed by `today` without a write (the daily job refreshes them). */
export async function staleSummaries(db: DbOrTx, today: string, limit = 5000) {
  const rows = await db
    .select({ id: peopleSummaries.enterpriseId })
    .from(peopleSummaries)
    .where(lte(peopleSummaries.nextChangeOn, today))
    .limit(limit);
  return rows.map((r) => r.id);
}

/**
 * The holding rates over the caller's scope, grouped by enterprise, street (the area's first 9 digits) or sector. The
 * page and the totals come from one scan of the summaries: the totals are window sums over the grouped rows (a
 * `count(distinct key)` beside it sorted every summary row in scope a second time, 0.6 s of the 0.9 s at 833,334
 * enterprises); only a page past the last group reads the totals on their own.
 */
export async function findRates(db: DbOrTx, actor: Actor, q: CertificateRateQuery) {
  const s = peopleSummaries;
  const key =
    q.groupBy === 'enterprise' ? sql`${s.enterpriseId}::text` : q.groupBy === 'area' ? sql`left(${s.areaCode}, 9)` : sql`${s.sector}`;
  const where = summaryScope(actor);
  type Total = { groups: number; holders: number; people: number; enterprises: number };
  const paged = rowsOf<{ key: string; holders: number; people: number; enterprises: number } & { [K in keyof Total as `t_${K}`]: number }>(
    await db.execute(sql`
      select key, holders, people, enterprises, count(*) over ()::int as t_groups, (sum(holders) over ())::int as t_holders,
             (sum(people) over ())::int as t_people, (sum(enterprises) over ())::int as t_enterprises
      from (
        select ${key} as key, coalesce(sum(${s.postHolders}), 0)::int as holders, coalesce(sum(${s.postPeople}), 0)::int as people,
               count(*)::int as enterprises
        from ${s} where ${where}
        group by 1
      ) g
      order by 1
      limit ${q.pageSize} offset ${(q.page - 1) * q.pageSize}`),
  );
  const rows = paged.map(({ key: k, holders, people: n, enterprises: e }) => ({ key: k, holders, people: n, enterprises: e }));
  let tot: Total;
  if (paged.length) {
    const p = paged[0]!;
    tot = { groups: p.t_groups, holders: p.t_holders, people: p.t_people, enterprises: p.t_enterprises };
  } else {
    [tot] = rowsOf<Total>(
      await db.execute(sql`
        select count(distinct ${key})::int as groups, coalesce(sum(${s.postHolders}), 0)::int as holders,
               coalesce(sum(${s.postPeople}), 0)::int as people, count(*)::int as enterprises
        from ${s} where ${where}`),
    ) as [Total];
  }
  const keys = rows.map((r) => r.key);
  let names = new Map<string, string>();
  if (keys.length && q.groupBy === 'enterprise') {
    const e = await db.select({ id: enterprises.id, name: enterprises.name }).from(enterprises).where(inArray(enterprises.id, keys));
    names = new Map(e.map((x) => [x.id, x.name]));
  } else if (keys.length && q.groupBy === 'area') {
    const a = await db.select({ code: areas.code, name: areas.name }).from(areas).where(inArray(areas.code, keys));
    names = new Map(a.map((x) => [x.code, x.name]));
  }
  return { rows: rows.map((r) => ({ ...r, name: names.get(r.key) ?? null })), total: tot };
}
