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

/** JSON round trip so stored jsonb and hashed value agree (Dates become strings, undefined vanishes). */
function plain(v: unknown): unknown {
  return v === undefined || v === null ? null : JSON.parse(JSON.stringify(v));
}

function fieldsOf(ctx: AuditContext, input: AuditInput, at: Date): HashedFields {
  return {
    at,
    actorId: ctx.actor?.id ?? null,
    actorName: ctx.actor?.displayName ?? null,
    actorRole: ctx.actor?.role ?? null,
    action: input.action,
    entityType: input.entityType ?? null,
    entityId: input.entityId ?? null,
    before: plain(input.before),
    after: plain(input.after),
    ip: ctx.ip,
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
  // Ids follow array order (a multi-row INSERT takes sequence values in VALUES order), which is chain order.
  for (let i = 0; i < rows.length; i += 1000) await db.insert(auditLog).values(rows.slice(i, i + 1000));
}

export interface VerifyResult {
  ok: boolean;
  checked: number;
  firstBrokenId: number | null;
}

/** Walks the whole chain in id order, in pages, recomputing every hash. */
export async function verifyAuditChain(db: DbOrTx, pageSize = 5000): Promise<VerifyResult> {
  let prevHash = GENESIS;
  let lastId = 0;
  let checked = 0;
  for (;;) {
    const rows = await db.select().from(auditLog).where(gt(auditLog.id, lastId)).orderBy(asc(auditLog.id)).limit(pageSize);
    if (rows.length === 0) return { ok: true, checked, firstBrokenId: null };
    for (const r of rows) {
      const expected = entryHash(prevHash, r);
      if (r.prevHash !== prevHash || r.hash !== expected) return { ok: false, checked, firstBrokenId: r.id };
      prevHash = r.hash;
      lastId = r.id;
      checked++;
    }
  }
}
