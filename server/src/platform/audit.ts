// The audit trail: every write, login, denial and export, appended in the caller's transaction
// and chained by SHA-256 so that any later tampering is detectable by `verifyAuditChain`.
import { createHash } from 'node:crypto';
import { asc, desc, gt, sql } from 'drizzle-orm';
import { auditLog } from '../db/schema';
import type { DbOrTx } from './db';
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
// One advisory lock key for the whole chain: appends are serialised so the chain never forks.
const CHAIN_LOCK = 4_242_001;

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

// A lone UTF-16 surrogate is written as U+FFFD by the database driver and NUL cannot be stored at all (text
// refuses it, jsonb refuses \u0000), so both become U+FFFD before hashing: what is hashed is what is stored.
const UNSTORABLE = /\0|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const storable = (s: string) => s.replace(UNSTORABLE, '\uFFFD');
const hasUnstorableKey = (o: object) => Object.keys(o).some((k) => storable(k) !== k);
function storableText(s: string | null): string | null {
  return s === null ? null : storable(s);
}

/**
 * JSON round trip so stored jsonb and hashed value agree (Dates become strings, undefined vanishes), with
 * every string and key made storable.
 */
function plain(v: unknown): unknown {
  if (v === undefined || v === null) return null;
  return JSON.parse(JSON.stringify(v), (_k, x: unknown) => {
    if (typeof x === 'string') return storable(x);
    if (x && typeof x === 'object' && !Array.isArray(x) && hasUnstorableKey(x))
      return Object.fromEntries(Object.entries(x).map(([k, y]) => [storable(k), y]));
    return x;
  });
}

function fieldsOf(ctx: AuditContext, input: AuditInput, at: Date): HashedFields {
  return {
    at,
    actorId: ctx.actor?.id ?? null,
    actorName: storableText(ctx.actor?.displayName ?? null),
    actorRole: ctx.actor?.role ?? null,
    action: storable(input.action),
    entityType: storableText(input.entityType ?? null),
    entityId: storableText(input.entityId ?? null),
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
 * Several entries by one actor in one go (bulk imports): one lock, one read of the chain's end and one
 * multi-row insert, chained in order exactly as if recorded one by one.
 */
export async function recordAuditMany(db: DbOrTx, ctx: AuditContext, inputs: AuditInput[]): Promise<void> {
  if (inputs.length === 0) return;
  await db.execute(sql`select pg_advisory_xact_lock(${CHAIN_LOCK})`);
  const [last] = await db.select({ hash: auditLog.hash }).from(auditLog).orderBy(desc(auditLog.id)).limit(1);
  let prevHash = last?.hash ?? GENESIS;
  const at = new Date();
  const rows = inputs.map((input) => {
    const fields = fieldsOf(ctx, input, at);
    const row = { ...fields, prevHash, hash: entryHash(prevHash, fields) };
    prevHash = row.hash;
    return row;
  });
  // Ids follow array order (INSERT … SELECT takes sequence values in the order json_to_recordset yields the rows, which
  // is the array's), which is chain order. The rows go as one JSON parameter: a bulk import's 1,000 entries would
  // otherwise be 13,000 bind parameters for the server to parse.
  for (let i = 0; i < rows.length; i += 1000) {
    const json = JSON.stringify(
      rows.slice(i, i + 1000).map((r) => ({
        ...r,
        at: r.at.toISOString(),
        prev_hash: r.prevHash,
        actor_id: r.actorId,
        actor_name: r.actorName,
        actor_role: r.actorRole,
        entity_type: r.entityType,
        entity_id: r.entityId,
      })),
    );
    await db.execute(sql`
      insert into audit_log (at, actor_id, actor_name, actor_role, action, entity_type, entity_id, before, after, ip, result,
                             prev_hash, hash)
      select x.at, x.actor_id, x.actor_name, x.actor_role, x.action, x.entity_type, x.entity_id, x.before, x.after, x.ip,
             x.result, x.prev_hash, x.hash
        from json_to_recordset(${json}::json) as x(at timestamptz, actor_id uuid, actor_name text, actor_role text,
             action text, entity_type text, entity_id text, before jsonb, after jsonb, ip text, result text, prev_hash text,
             hash text)`);
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
 * Walks the whole chain in id order, in pages, recomputing every hash. An entry is broken when its own hash
 * does not match its content or it does not link to the entry before; the walk then goes on from the stored
 * hash, so one altered entry is reported once and everything after it is still checked.
 */
export async function verifyAuditChain(db: DbOrTx, pageSize = 5000): Promise<VerifyResult> {
  let prevHash = GENESIS;
  let lastId = 0;
  let checked = 0;
  const broken: number[] = [];
  let brokenCount = 0;
  for (;;) {
    const rows = await db.select().from(auditLog).where(gt(auditLog.id, lastId)).orderBy(asc(auditLog.id)).limit(pageSize);
    if (rows.length === 0) break;
    for (const r of rows) {
      if (r.prevHash !== prevHash || r.hash !== entryHash(r.prevHash, r)) {
        brokenCount++;
        if (broken.length < BROKEN_LISTED) broken.push(r.id);
      }
      prevHash = r.hash;
      lastId = r.id;
      checked++;
    }
  }
  return { ok: brokenCount === 0, checked, firstBrokenId: broken[0] ?? null, brokenCount, brokenIds: broken };
}
