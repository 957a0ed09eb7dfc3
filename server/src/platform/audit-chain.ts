// The audit trail's hash chain: after commit, one chainer links every entry to the one before it by SHA-256, so any
// later change or removal of an entry is detectable by `verifyAuditChain`.
//
// Appending does not chain. A writer that linked its entry to the chain's end would have to hold one lock from reading
// that end until its transaction commits, and every write in the platform would commit one after another (issue 16's
// 200 examinees handing in at once waited in that line). So a writer only inserts its entry; `chainAuditLog` — on
// every instance's one-second tick, and before every verification — links the committed entries not yet linked, under
// one advisory lock, appending one row a link to audit_chain (migration 0065): audit_log itself is never updated, and
// both tables are append-only by trigger. Until it is linked, about a second, an entry is protected by the trigger only.
//
// Which entries are new: those above the frontier (the highest id linked), in id order. An id below the last one read
// that was not there — its transaction still open, or rolled back — is kept in audit_chain_gaps and read again on every
// pass; an entry that commits there later is linked then, after higher ids (the chain's order is `seq`). A gap is
// dropped after a day (a rolled-back id never appears); verification links any entry still unlinked, so none is left
// out of the chain for good.
import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { rowsOf, type Db, type DbOrTx } from './db';

const GENESIS = '0'.repeat(64);
// One advisory lock key for the whole chain: chainers are serialised so the chain never forks.
const CHAIN_LOCK = 4_242_001;
/** Entries linked per chaining transaction. */
const CHAIN_BATCH = 2000;
/** How long an id passed unseen is looked for. */
const GAP_KEPT = '1 day';

/**
 * Key-sorted JSON, so the hash does not depend on how jsonb reorders keys: JSON.stringify's text with every object's
 * keys in code-unit order and undefined members left out. Written as loops: the chainer runs it on every entry.
 */
export function canonical(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value !== 'object') return JSON.stringify(value);
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) {
    let out = '[';
    for (let i = 0; i < value.length; i++) out += (i ? ',' : '') + canonical(value[i]);
    return out + ']';
  }
  const o = value as Record<string, unknown>;
  let out = '{';
  for (const k of Object.keys(o).sort()) {
    const v = o[k];
    if (v === undefined) continue;
    out += (out.length > 1 ? ',' : '') + JSON.stringify(k) + ':' + canonical(v);
  }
  return out + '}';
}

/** An audit_log row as the chain reads it (snake_case: read by SQL). */
export interface EntryRow {
  id: number;
  /** As Date's toISOString writes it (ENTRY_COLUMNS formats it so in SQL), or a Date. */
  at: Date | string;
  actor_id: string | null;
  actor_name: string | null;
  actor_role: string | null;
  action: string;
  entity_type: string | null;
  entity_id: string | null;
  before: unknown;
  after: unknown;
  ip: string | null;
  result: string;
}

/**
 * `at` is written by PostgreSQL as toISOString writes the Date the driver would parse it into (milliseconds, both
 * truncating the microseconds, UTC; audit.db.test.ts compares them): the chainer reads 2,000 entries a batch, and
 * parsed each timestamp into a Date only to print it again.
 */
export const ENTRY_COLUMNS = sql.raw(
  `a.id, to_char(a.at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as at, a.actor_id, a.actor_name, a.actor_role,
   a.action, a.entity_type, a.entity_id, a.before, a.after, a.ip, a.result`,
);

const text = (v: string | null) => (v === null ? 'null' : JSON.stringify(v));

/**
 * SHA-256 of the previous hash, a newline and the entry's canonical text: canonical() of the object with the keys
 * below, written out here in their sorted order (action, actorId, actorName, actorRole, after, at, before, entityId,
 * entityType, ip, result) so the chainer does not build and sort that object for every entry.
 */
export function entryHash(prevHash: string, r: EntryRow): string {
  const at = typeof r.at === 'string' ? r.at : r.at.toISOString();
  const body =
    `{"action":${text(r.action)},"actorId":${text(r.actor_id)},"actorName":${text(r.actor_name)},` +
    `"actorRole":${text(r.actor_role)},"after":${canonical(r.after ?? null)},"at":${JSON.stringify(at)},` +
    `"before":${canonical(r.before ?? null)},"entityId":${text(r.entity_id)},"entityType":${text(r.entity_type)},` +
    `"ip":${text(r.ip)},"result":${text(r.result)}}`;
  return createHash('sha256').update(`${prevHash}\n${body}`).digest('hex');
}

export interface Gap {
  fromId: number;
  toId: number;
  /** When the ids were first passed unseen (ISO); kept as they shrink. */
  seenAt: string;
}

/**
 * The gaps after a pass. `gaps` were read up to `coveredTo` (the last id read from them, or all of them), and `found`
 * are the ids read inside them; `frontier` was the highest id linked before the pass and `fresh` the ids read above it
 * (ascending): every id between them not read becomes a gap seen `now`.
 */
export function gapsAfter(gaps: Gap[], found: number[], coveredTo: number, frontier: number, fresh: number[], now: string): Gap[] {
  const out: Gap[] = [];
  const inside = [...found].sort((a, b) => a - b);
  let k = 0;
  for (const g of gaps) {
    let from = g.fromId;
    while (k < inside.length && inside[k]! < g.fromId) k++;
    for (; k < inside.length && inside[k]! <= Math.min(g.toId, coveredTo); k++) {
      const id = inside[k]!;
      if (id > from) out.push({ fromId: from, toId: id - 1, seenAt: g.seenAt });
      from = id + 1;
    }
    if (from <= g.toId) out.push({ fromId: from, toId: g.toId, seenAt: g.seenAt });
  }
  let prev = frontier;
  for (const id of fresh) {
    if (id > prev + 1) out.push({ fromId: prev + 1, toId: id - 1, seenAt: now });
    prev = id;
  }
  return out;
}

/**
 * Links the committed entries not yet linked, in batches: each batch, under the chain lock, reads the entries found in
 * the gaps and then those above the frontier (`sweep`: also every other entry without a link, as verification does),
 * appends their links after the chain's end, and rewrites the gaps. The hash is computed from the entry as stored, as
 * `verifyAuditChain` reads it. Without `wait` it returns at once when another chainer (another instance) holds the
 * lock: that one links these entries too. Returns how many entries it linked.
 */
export async function chainAuditLog(db: Db, o: { wait?: boolean; sweep?: boolean } = {}): Promise<number> {
  let linked = 0;
  for (;;) {
    const n = await db.transaction(async (tx) => {
      if (o.wait) await tx.execute(sql`select pg_advisory_xact_lock(${CHAIN_LOCK})`);
      else {
        const [lock] = rowsOf<{ got: boolean }>(await tx.execute(sql`select pg_try_advisory_xact_lock(${CHAIN_LOCK}) as got`));
        if (!lock?.got) return 0;
      }
      return linkBatch(tx, o.sweep ?? false);
    });
    linked += n;
    if (n < CHAIN_BATCH) return linked;
  }
}

async function linkBatch(tx: DbOrTx, sweep: boolean): Promise<number> {
  await tx.execute(sql`delete from audit_chain_gaps where seen_at < now() - ${GAP_KEPT}::interval`);
  const [end] = rowsOf<{ seq: number; hash: string; frontier: number }>(
    await tx.execute(sql`
      select c.seq::float8 as seq, c.hash, (select max(audit_id) from audit_chain)::float8 as frontier
        from audit_chain c order by c.seq desc limit 1`),
  );
  const frontier = end?.frontier ?? 0;
  const gaps = rowsOf<{ from_id: number; to_id: number; seen_at: string }>(
    await tx.execute(sql`select from_id::float8 as from_id, to_id::float8 as to_id, seen_at::text from audit_chain_gaps order by from_id`),
  ).map((g) => ({ fromId: g.from_id, toId: g.to_id, seenAt: g.seen_at }));
  const inGaps = gaps.length
    ? rowsOf<EntryRow>(
        await tx.execute(sql`
          select ${ENTRY_COLUMNS} from audit_chain_gaps g join audit_log a on a.id between g.from_id and g.to_id
           order by a.id limit ${CHAIN_BATCH}`),
      )
    : [];
  const room = CHAIN_BATCH - inGaps.length;
  // Swept: entries below the frontier with no link and outside every gap (a gap dropped before its entry committed).
  const strays =
    sweep && room > 0
      ? rowsOf<EntryRow>(
          await tx.execute(sql`
            select ${ENTRY_COLUMNS} from audit_log a
             where a.id <= ${frontier} and not exists (select 1 from audit_chain c where c.audit_id = a.id)
               and not exists (select 1 from audit_chain_gaps g where a.id between g.from_id and g.to_id)
             order by a.id limit ${room}`),
        )
      : [];
  const fresh =
    room - strays.length > 0
      ? rowsOf<EntryRow>(
          await tx.execute(
            sql`select ${ENTRY_COLUMNS} from audit_log a where a.id > ${frontier} order by a.id limit ${room - strays.length}`,
          ),
        )
      : [];
  const rows = [...inGaps, ...strays, ...fresh];
  for (const r of rows) r.id = Number(r.id);
  if (rows.length === 0) return 0;
  let prevHash = end?.hash ?? GENESIS;
  let seq = end?.seq ?? 0;
  const links = rows.map((r) => {
    const link = { seq: ++seq, audit_id: r.id, prev_hash: prevHash, hash: entryHash(prevHash, r) };
    prevHash = link.hash;
    return link;
  });
  await tx.execute(sql`
    insert into audit_chain (seq, audit_id, prev_hash, hash)
    select x.seq, x.audit_id, x.prev_hash, x.hash
      from json_to_recordset(${JSON.stringify(links)}::json) as x(seq bigint, audit_id bigint, prev_hash text, hash text)`);
  const coveredTo = inGaps.length === CHAIN_BATCH ? rows[inGaps.length - 1]!.id : Infinity;
  const after = gapsAfter(
    gaps,
    rows.slice(0, inGaps.length).map((r) => r.id),
    coveredTo,
    frontier,
    rows.slice(inGaps.length + strays.length).map((r) => r.id),
    new Date().toISOString(),
  );
  await rewriteGaps(tx, gaps, after);
  return rows.length;
}

/** Replaces the gaps that changed; an unchanged gap (the usual case: none found in it) is not written. */
async function rewriteGaps(tx: DbOrTx, before: Gap[], after: Gap[]) {
  const key = (g: Gap) => `${g.fromId}-${g.toId}`;
  const kept = new Set(after.map(key));
  const had = new Set(before.map(key));
  const gone = before.filter((g) => !kept.has(key(g))).map((g) => g.fromId);
  const added = after.filter((g) => !had.has(key(g)));
  if (gone.length) {
    await tx.execute(sql`
      delete from audit_chain_gaps where from_id in (select x::bigint from json_array_elements_text(${JSON.stringify(gone)}::json) as t(x))`);
  }
  if (added.length) {
    await tx.execute(sql`
      insert into audit_chain_gaps (from_id, to_id, seen_at)
      select x.from_id, x.to_id, x.seen_at
        from json_to_recordset(${JSON.stringify(added.map((g) => ({ from_id: g.fromId, to_id: g.toId, seen_at: g.seenAt })))}::json)
          as x(from_id bigint, to_id bigint, seen_at timestamptz)`);
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
 * Links what is not yet linked (every entry, gaps or not), then walks the whole chain in chain order, in pages,
 * recomputing every hash. A link is broken when its entry is gone, its hash does not match the entry's content, or it
 * does not link to the link before; the walk then goes on from the stored hash, so one altered entry is reported once
 * and everything after it is still checked.
 */
export async function verifyAuditChain(db: Db, pageSize = 5000): Promise<VerifyResult> {
  await chainAuditLog(db, { wait: true, sweep: true });
  let prevHash = GENESIS;
  let lastSeq = 0;
  let checked = 0;
  const broken: number[] = [];
  let brokenCount = 0;
  for (;;) {
    const rows = rowsOf<EntryRow & { seq: number; audit_id: number; prev_hash: string; hash: string; present: boolean }>(
      await db.execute(sql`
        select c.seq::float8 as seq, c.audit_id::float8 as audit_id, c.prev_hash, c.hash, a.id is not null as present,
               ${ENTRY_COLUMNS}
          from audit_chain c left join audit_log a on a.id = c.audit_id
         where c.seq > ${lastSeq} order by c.seq limit ${pageSize}`),
    );
    if (rows.length === 0) break;
    for (const r of rows) {
      if (!r.present || r.prev_hash !== prevHash || r.hash !== entryHash(r.prev_hash, r)) {
        brokenCount++;
        if (broken.length < BROKEN_LISTED) broken.push(r.audit_id);
      }
      prevHash = r.hash;
      lastSeq = r.seq;
      checked++;
    }
  }
  return { ok: brokenCount === 0, checked, firstBrokenId: broken[0] ?? null, brokenCount, brokenIds: broken };
}
