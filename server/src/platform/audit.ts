// The audit trail: every write, login, denial and export, appended in the caller's transaction. Entries are linked
// into a hash chain after commit (audit-chain.ts), so a writer only inserts.
import { sql, type Placeholder, type SQL } from 'drizzle-orm';
import type { AuditAction, AuditEntityType } from '@anjian/contracts';
import type { DbOrTx } from './db';
import type { Actor } from './actor';

export type AuditResult = 'ok' | 'denied' | 'failed';

export interface AuditInput {
  /** A code of the registry in the contracts (audit-labels.ts), which gives it its label on the audit page. */
  action: AuditAction;
  entityType?: AuditEntityType | null;
  entityId?: string | null;
  before?: unknown;
  after?: unknown;
  result?: AuditResult;
}

export interface AuditContext {
  actor: Pick<Actor, 'id' | 'displayName' | 'role'> | null;
  ip: string | null;
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

/**
 * The value as the JSON text stored (Dates become strings, undefined vanishes) with every string and key made
 * storable. Kept as text: the entry's row is written around it, not parsed and serialised again.
 */
function plainJson(v: unknown): string {
  if (v === undefined || v === null) return 'null';
  const json = JSON.stringify(v);
  if (json === undefined) return 'null';
  if (!UNSTORABLE_IN_JSON.test(json)) return json;
  return JSON.stringify(
    JSON.parse(json, (_k, x: unknown) => {
      if (typeof x === 'string') return storable(x);
      if (x && typeof x === 'object' && !Array.isArray(x) && hasUnstorableKey(x))
        return Object.fromEntries(Object.entries(x).map(([k, y]) => [storable(k), y]));
      return x;
    }),
  );
}

/** The entry as audit_log's columns, as JSON text; `at` is shared by the entries of one call. */
function rowJson(ctx: AuditContext, input: AuditInput, at: string): string {
  const columns = JSON.stringify({
    at,
    actor_id: ctx.actor?.id ?? null,
    actor_name: storableText(ctx.actor?.displayName ?? null),
    actor_role: ctx.actor?.role ?? null,
    action: storable(input.action),
    entity_type: storableText(input.entityType ?? null),
    entity_id: storableText(input.entityId ?? null),
    ip: storableText(ctx.ip),
    result: input.result ?? 'ok',
  });
  return `${columns.slice(0, -1)},"before":${plainJson(input.before)},"after":${plainJson(input.after)}}`;
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
  return auditInsertOf(auditEntriesJson(ctx, inputs, o.at), o.where);
}

/** The entries as the one JSON parameter `auditInsert` sends; `at` is shared by the entries of one call. */
export function auditEntriesJson(ctx: AuditContext, inputs: AuditInput[], at = new Date().toISOString()): string {
  return `[${inputs.map((input) => rowJson(ctx, input, at)).join(',')}]`;
}

/**
 * Entries the statement builds itself, one per row of `rows` (a FROM item, filtered by `where`), in their order — for
 * a bulk insert whose entries describe the rows it wrote, so each row is not sent a second time as its entry's JSON.
 * `entityId` and `after` are expressions over those rows (the `after` built as the form's presenter builds it, which
 * the command's test compares). It returns the entity ids it recorded.
 */
export function auditInsertSelect(
  ctx: AuditContext,
  o: { action: AuditAction; entityType: AuditEntityType; entityId: SQL; after: SQL; rows: SQL; where?: SQL },
): SQL {
  return sql`
    insert into audit_log (at, actor_id, actor_name, actor_role, action, entity_type, entity_id, before, after, ip, result)
    select ${new Date().toISOString()}::timestamptz, ${ctx.actor?.id ?? null}::uuid, ${storableText(ctx.actor?.displayName ?? null)},
           ${ctx.actor?.role ?? null}, ${storable(o.action)}, ${storable(o.entityType)}, ${o.entityId}, null, ${o.after},
           ${storableText(ctx.ip)}, 'ok'
      from ${o.rows} ${o.where ? sql`where ${o.where}` : sql``}
    returning entity_id`;
}

/** `auditInsert` over `auditEntriesJson`'s text, or over a placeholder bound to it (a statement prepared once). */
export function auditInsertOf(json: string | Placeholder, where?: SQL): SQL {
  return sql`
    insert into audit_log (at, actor_id, actor_name, actor_role, action, entity_type, entity_id, before, after, ip, result)
    select x.at, x.actor_id, x.actor_name, x.actor_role, x.action, x.entity_type, x.entity_id, x.before, x.after, x.ip,
           x.result
      from json_to_recordset(${json}::json) as x(at timestamptz, actor_id uuid, actor_name text, actor_role text,
           action text, entity_type text, entity_id text, before jsonb, after jsonb, ip text, result text)
    ${where ? sql`where ${where} returning entity_id` : sql``}`;
}
