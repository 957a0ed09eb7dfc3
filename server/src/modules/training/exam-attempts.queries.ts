// SQL of exam attempts: the examinee's attempts, the hand-in's read and what a list of attempts shows beside them.
// Every read goes through the scope predicate on the attempt's own scope columns (the hand-in's read for an enterprise
// account states that predicate with placeholders).
import { and, asc, count, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { AttemptListQuery } from '@anjian/contracts';
import { examAttempts, examCompletions, examPapers, people } from '../../db/schema';
import type { Actor } from '../../platform/actor';
import type { DbOrTx } from '../../platform/db';
import { scopeWhere } from '../../platform/scope';
import { prepareNamed } from '../../platform/prepared';

export type AttemptRow = typeof examAttempts.$inferSelect;

const attemptScope = (actor: Actor) =>
  scopeWhere(actor, {
    areaCode: examAttempts.areaCode,
    sector: examAttempts.sector,
    parkId: examAttempts.parkId,
    enterpriseId: examAttempts.enterpriseId,
  });

export async function findAttempt(db: DbOrTx, actor: Actor, id: string, lock = false): Promise<AttemptRow | null> {
  const q = db
    .select()
    .from(examAttempts)
    .where(and(eq(examAttempts.id, id), attemptScope(actor)));
  const [row] = lock ? await q.for('update') : await q;
  return row ?? null;
}

export async function findAttempts(db: DbOrTx, actor: Actor, q: AttemptListQuery) {
  const parts: SQL[] = [attemptScope(actor)];
  if (q.paperId) parts.push(eq(examAttempts.paperId, q.paperId));
  if (q.personId) parts.push(eq(examAttempts.personId, q.personId));
  if (q.status) parts.push(eq(examAttempts.status, q.status));
  const where = and(...parts);
  const [items, [total]] = await Promise.all([
    db
      .select()
      .from(examAttempts)
      .where(where)
      .orderBy(desc(examAttempts.startedAt), asc(examAttempts.id))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    db.select({ n: count() }).from(examAttempts).where(where),
  ]);
  return { items, total: total!.n };
}

/**
 * The attempt to hand in, with the paper (pass mark, hours, title for the response) and the person's name: one round
 * trip where the hand-in used to make four (issue 16: 200 examinees at the bell). Not locked: the hand-in's write is
 * guarded by the version read here (writeAttempt).
 */
export async function attemptToSubmit(db: DbOrTx, actor: Actor, id: string) {
  // An enterprise account, the examinee at the bell: its scope is its enterprise (scopeWhere), so the read is one
  // statement built once per database handle with placeholders. Building the drizzle query of three joined tables
  // took more of the hand-in's CPU than anything else (0.95 ms of it on a busy 2-core machine).
  if (actor.scopeKind === 'enterprise') {
    if (!actor.enterpriseId) return null;
    let prepared = enterpriseReads.get(db);
    if (!prepared) enterpriseReads.set(db, (prepared = buildEnterpriseRead(db)));
    const [row] = await prepared.execute({ id, enterpriseId: actor.enterpriseId });
    return row ?? null;
  }
  const [row] = await prepareNamed(attemptRead(db, attemptScope(actor), id)).execute();
  return row ?? null;
}

function attemptRead(db: DbOrTx, scope: SQL, id: string | ReturnType<typeof sql.placeholder>) {
  return db
    .select({ attempt: examAttempts, paper: examPapers, personName: people.name })
    .from(examAttempts)
    .innerJoin(examPapers, eq(examPapers.id, examAttempts.paperId))
    .leftJoin(people, eq(people.id, examAttempts.personId))
    .where(and(eq(examAttempts.id, id), scope));
}

const enterpriseReads = new WeakMap<DbOrTx, ReturnType<typeof buildEnterpriseRead>>();
function buildEnterpriseRead(db: DbOrTx) {
  const scope = eq(examAttempts.enterpriseId, sql.placeholder('enterpriseId'));
  return attemptRead(db, scope, sql.placeholder('id')).prepare('aj_attempt_to_submit');
}

/** The person's attempts at a paper, locked (the start of a new one counts them and expires a stale active one). */
export async function attemptsOf(db: DbOrTx, paperId: string, personId: string) {
  return db
    .select()
    .from(examAttempts)
    .where(and(eq(examAttempts.paperId, paperId), eq(examAttempts.personId, personId)))
    .orderBy(asc(examAttempts.attemptNo))
    .for('update');
}

export async function attemptContext(db: DbOrTx, rows: AttemptRow[]) {
  const paperIds = [...new Set(rows.map((r) => r.paperId))];
  const personIds = [...new Set(rows.map((r) => r.personId))];
  const attemptIds = rows.map((r) => r.id);
  const [papers, persons, certs] = await Promise.all([
    paperIds.length ? db.select().from(examPapers).where(inArray(examPapers.id, paperIds)) : [],
    personIds.length ? db.select({ id: people.id, name: people.name }).from(people).where(inArray(people.id, personIds)) : [],
    attemptIds.length
      ? db
          .select({ attemptId: examCompletions.attemptId, number: examCompletions.number })
          .from(examCompletions)
          .where(inArray(examCompletions.attemptId, attemptIds))
      : [],
  ]);
  return {
    papers: new Map(papers.map((p) => [p.id, p])),
    people: new Map(persons.map((p) => [p.id, p.name])),
    certificates: new Map(certs.map((c) => [c.attemptId, c.number])),
  };
}
