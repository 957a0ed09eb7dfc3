// The audit trail: every write, login, denial and export, appended in the caller's transaction, and chained by
// SHA-256 after commit so that any later tampering is detectable by `verifyAuditChain`.
//
// Appending does not chain. A writer that linked its entry to the chain's end would have to hold one lock from reading
// that end until its transaction commits, and every write in the platform would commit one after another (issue 16's
// 200 examinees handing in at once waited in that line). So a writer only inserts; `chainAuditLog` — on every
// instance's one-second tick, and before every verification — links the committed entries not yet chained, in id
// order, under one advisory lock, filling prev_hash, hash and chain_seq once (the append-only trigger allows that fill
// and nothing else). An entry committed late (a long import) is linked when it becomes visible, after entries with
// higher ids: the chain's order is chain_seq, not id. Until it is linked, an entry is protected by the trigger only.
import { createHash } from 'node:crypto';
import { asc, desc, gt, isNotNull, isNull, sql, type SQL } from 'drizzle-orm';
import { auditLog } from '../db/schema';
import { rowsOf, type Db, type DbOrTx } from './db';
import type { Actor } from './actor';

export type AuditResult = 'ok' | 'denied' | 'failed';

export interface AuditInput {
  action: string;
  entityType?: string | null;
  entityId?: string | null;
  before?: unknown;
  after?: unknown;
  result?: AuditResult;
}

export interface AuditContext {
  actor: Pick<Actor, 'id' | 'displayName' | 'role'> | null;
  ip: string | null;
}

const GENESIS = '0'.repeat(64);
// One advisory lock key for the whole chain: chainers are serialised so the chain never forks.
const CHAIN_LOCK = 4_242_001;
/** Entries linked per chaining transaction. */
const CHAIN_BATCH = 2000;

/** Key-sorted JSON, so the hash does not depend on how jsonb reorders keys. */
export function canonical(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

interface HashedFields {
  at: Date;
  actorId: string | null;
  actorName: string | null;
  actorRole: string | null;
  action: string;
  entityType: string | null;
  entityId: string | null;
  before: unknown;
  after: unknown;
  ip: string | null;
  result: string;
}

function entryHash(prevHash: string, f: HashedFields): string {
  // Fields are picked one by one: a row read back also carries id and the hashes themselves.
  const body = canonical({
    at: f.at.toISOString(),
    actorId: f.actorId,
    actorName: f.actorName,
    actorRole: f.actorRole,
    action: f.action,
    entityType: f.entityType,
    entityId: f.entityId,
    before: f.before ?? null,
    after: f.after ?? null,
    ip: f.ip,
    result: f.result,
  });
  return createHash('sha256').update(prevHash).update('\n').update(body).digest('hex');
}

// NUL cannot be stored at all (text refuses it, jsonb refuses \u0000) and jsonb refuses a lone UTF-16 surrogate, so
// both become U+FFFD: a write whose payload holds one is still audited rather than failing on its audit entry.
const UNSTORABLE = /\0|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const storable = (s: string) => s.replace(UNSTORABLE, '\uFFFD');
const hasUnstorableKey = (o: object) => Object.keys(o).some((k) => storable(k) !== k);
function storableText(s: string | null): string | null {
  return s === null ? null : storable(s);
}

// In JSON.stringify's output NUL is always the escape \u0000 and a lone surrogate always an escape \udXXX (a paired one
// is written as itself), so a text without either holds nothing to replace. (An escaped backslash before such letters
// also matches: that entry merely takes the slow path.)
const UNSTORABLE_IN_JSON = /\\u0000|\\ud[89a-f][0-9a-f]{2}/i;

/** JSON round trip (Dates become strings, undefined vanishes) with every string and key made storable. */
function plain(v: unknown): unknown {
  if (v === undefined || v === null) return null;
  const json = JSON.stringify(v);
  if (json === undefined) return null;
  if (!UNSTORABLE_IN_JSON.test(json)) return JSON.parse(json);
  return JSON.parse(json, (_k, x: unknown) => {
    if (typeof x === 'string') return storable(x);
    if (x && typeof x === 'object' && !Array.isArray(x) && hasUnstorableKey(x))
      return Object.fromEntries(Object.entries(x).map(([k, y]) => [storable(k), y]));
    return x;
  });
}

/** The entry as audit_log's columns; `at` is shared by the entries of one call. */
function rowOf(ctx: AuditContext, input: AuditInput, at: string) {
  return {
    at,
    actor_id: ctx.actor?.id ?? null,
    actor_name: storableText(ctx.actor?.displayName ?? null),
    actor_role: ctx.actor?.role ?? null,
    action: storable(input.action),
    entity_type: storableText(input.entityType ?? null),
    entity_id: storableText(input.entityId ?? null),
    before: plain(input.before),
    after: plain(input.after),
    ip: storableText(ctx.ip),
    result: input.result ?? 'ok',
  };
}

export async function recordAudit(db: DbOrTx, ctx: AuditContext, input: AuditInput): Promise<void> {
  await recordAuditMany(db, ctx, [input]);
}

/**
 * Several entries by one actor in one go (bulk imports): one multi-row insert, linked by the chainer in array order
 * exactly as if recorded one by one.
 */
export async function recordAuditMany(db: DbOrTx, ctx: AuditContext, inputs: AuditInput[]): Promise<void> {
  if (inputs.length === 0) return;
  const at = new Date().toISOString();
  // Ids follow array order (INSERT … SELECT takes sequence values in the order json_to_recordset yields the rows, which
  // is the array's), and the chainer links in id order. The rows go as one JSON parameter: a bulk import's 1,000
  // entries would otherwise be 11,000 bind parameters for the server to parse.
  for (let i = 0; i < inputs.length; i += 1000) await db.execute(auditInsert(ctx, inputs.slice(i, i + 1000), { at }));
}

/**
 * The insert `recordAudit` runs, not yet run: for `writeTogether` (platform/write-together.ts). `where` keeps only some
 * of the entries (over `x.entity_id`): a bulk insert's entries for the rows its CTE actually inserted. It then
 * returns the entity ids it recorded.
 */
export function auditInsert(ctx: AuditContext, inputs: AuditInput[], o: { at?: string; where?: SQL } = {}): SQL {
  const at = o.at ?? new Date().toISOString();
  const json = JSON.stringify(inputs.map((input) => rowOf(ctx, input, at)));
  return sql`
    insert into audit_log (at, actor_id, actor_name, actor_role, action, entity_type, entity_id, before, after, ip, result)
    select x.at, x.actor_id, x.actor_name, x.actor_role, x.action, x.entity_type, x.entity_id, x.before, x.after, x.ip,
           x.result
      from json_to_recordset(${json}::json) as x(at timestamptz, actor_id uuid, actor_name text, actor_role text,
           action text, entity_type text, entity_id text, before jsonb, after jsonb, ip text, result text)
    ${o.where ? sql`where ${o.where} returning entity_id` : sql``}`;
}

/**
 * Links the committed entries not yet chained, oldest id first, in batches: each batch reads the chain's end and the
 * entries under the chain lock and fills their prev_hash, hash and chain_seq. The hash is computed from the entry as
 * stored, as `verifyAuditChain` reads it. Without `wait` it returns at once when another chainer (another instance)
 * holds the lock: that one links these entries too. Returns how many entries it linked.
 */
export async function chainAuditLog(db: Db, o: { wait?: boolean } = {}): Promise<number> {
  let linked = 0;
  for (;;) {
    const n = await db.transaction(async (tx) => {
      if (o.wait) await tx.execute(sql`select pg_advisory_xact_lock(${CHAIN_LOCK})`);
      else {
        const [lock] = rowsOf<{ got: boolean }>(await tx.execute(sql`select pg_try_advisory_xact_lock(${CHAIN_LOCK}) as got`));
        if (!lock?.got) return 0;
      }
      const rows = await tx.select().from(auditLog).where(isNull(auditLog.hash)).orderBy(asc(auditLog.id)).limit(CHAIN_BATCH);
      if (rows.length === 0) return 0;
      const [end] = await tx
        .select({ hash: auditLog.hash, seq: auditLog.chainSeq })
        .from(auditLog)
        .where(isNotNull(auditLog.chainSeq))
        .orderBy(desc(auditLog.chainSeq))
        .limit(1);
      let prevHash = end?.hash ?? GENESIS;
      let seq = end?.seq ?? 0;
      const links = rows.map((r) => {
        const link = { id: r.id, prev_hash: prevHash, hash: entryHash(prevHash, r), seq: ++seq };
        prevHash = link.hash;
        return link;
      });
      await tx.execute(sql`
        update audit_log a set prev_hash = x.prev_hash, hash = x.hash, chain_seq = x.seq
          from json_to_recordset(${JSON.stringify(links)}::json) as x(id bigint, prev_hash text, hash text, seq bigint)
         where a.id = x.id`);
      return rows.length;
    });
    linked += n;
    if (n < CHAIN_BATCH) return linked;
  }
}

export interface VerifyResult {
  ok: boolean;
  /** Entries walked: the whole chain, also past a break. */
  checked: number;
  firstBrokenId: number | null;
  brokenCount: number;
  /** The first broken entries (at most BROKEN_LISTED), in chain order. */
  brokenIds: number[];
}

const BROKEN_LISTED = 100;

/**
 * Links what is not yet chained, then walks the whole chain in chain order, in pages, recomputing every hash. An
 * entry is broken when its own hash does not match its content or it does not link to the entry before; the walk
 * then goes on from the stored hash, so one altered entry is reported once and everything after it is still checked.
 */
export async function verifyAuditChain(db: Db, pageSize = 5000): Promise<VerifyResult> {
  await chainAuditLog(db, { wait: true });
  let prevHash = GENESIS;
  let lastSeq = 0;
  let checked = 0;
  const broken: number[] = [];
  let brokenCount = 0;
  for (;;) {
    const rows = await db.select().from(auditLog).where(gt(auditLog.chainSeq, lastSeq)).orderBy(asc(auditLog.chainSeq)).limit(pageSize);
    if (rows.length === 0) break;
    for (const r of rows) {
      if (r.prevHash !== prevHash || r.hash !== entryHash(r.prevHash ?? '', r)) {
        brokenCount++;
        if (broken.length < BROKEN_LISTED) broken.push(r.id);
      }
      prevHash = r.hash ?? '';
      lastSeq = r.chainSeq!;
      checked++;
    }
  }
  return { ok: brokenCount === 0, checked, firstBrokenId: broken[0] ?? null, brokenCount, brokenIds: broken };
}
