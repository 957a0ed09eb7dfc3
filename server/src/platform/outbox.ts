// The outbox: a command that changes a record's state appends one domain event in the same transaction, so the
// event exists exactly when the change committed. Consumers never read this table directly: the relay
// (platform/queue.ts) hands each new event to every consumer's job queue, again in one transaction.
import { and, eq, inArray, sql } from 'drizzle-orm';
import { insertRowsSql } from './bulk-insert';
import type { DbOrTx } from './db';
import { domainEvents } from '../db/schema';

/** The scope columns every capability row carries (see platform/scope.ts). */
export interface EventScope {
  areaCode: string;
  enterpriseId?: string | null;
  sector?: string | null;
  parkId?: string | null;
}

export interface RecordRef extends EventScope {
  id: string;
}

/**
 * Appends `type` (e.g. 'hazard.rectify') for `record` of `entityType`. Called as one line by each state writer;
 * the record supplies its own id and scope. Returns the event id.
 */
export async function appendEvent(...args: Parameters<typeof eventInsert>): Promise<number> {
  const [row] = await eventInsert(...args).returning({ id: domainEvents.id });
  return row!.id;
}

/** The insert `appendEvent` runs, not yet run: for `writeTogether` (platform/write-together.ts). */
export function eventInsert(
  tx: DbOrTx,
  type: string,
  entityType: string,
  record: RecordRef,
  actor: { id: string } | null,
  payload: Record<string, unknown> = {},
) {
  return tx.insert(domainEvents).values(eventRow(type, entityType, record, actor, payload));
}

/** Appends one event per record in one statement: a daily sweep's page of announcements. */
export async function appendEvents(
  tx: DbOrTx,
  type: string,
  entityType: string,
  events: readonly { record: RecordRef; payload: Record<string, unknown> }[],
): Promise<void> {
  if (events.length === 0) return;
  // Hundreds of rows a page: one JSON parameter, not drizzle's per-value binding (platform/bulk-insert.ts).
  await tx.execute(
    insertRowsSql(
      domainEvents,
      events.map((e) => eventRow(type, entityType, e.record, null, e.payload)),
    ),
  );
}

function eventRow(type: string, entityType: string, record: RecordRef, actor: { id: string } | null, payload: Record<string, unknown>) {
  return {
    type,
    entityType,
    entityId: record.id,
    enterpriseId: entityType === 'enterprise' ? record.id : (record.enterpriseId ?? null),
    areaCode: record.areaCode,
    sector: record.sector ?? null,
    parkId: record.parkId ?? null,
    actorId: actor?.id ?? null,
    payload,
  };
}

/**
 * What a daily sweep already announced for a page of records: the `entityId|payload[key]` pairs of their events of
 * `type` (one read by the events' entity index). The sweep appends only the pairs missing, so running it again the
 * same day, or the next, adds nothing for a state already announced. The key is cast: `->>` also takes an integer.
 */
export async function announcedKeys(
  db: DbOrTx,
  o: { type: string; entityType: string; entityIds: string[]; key: string },
): Promise<Set<string>> {
  if (o.entityIds.length === 0) return new Set();
  const rows = await db
    .select({ id: domainEvents.entityId, key: sql<string | null>`${domainEvents.payload}->>${o.key}::text` })
    .from(domainEvents)
    .where(and(eq(domainEvents.entityType, o.entityType), inArray(domainEvents.entityId, o.entityIds), eq(domainEvents.type, o.type)));
  return new Set(rows.map((r) => `${r.id}|${r.key}`));
}
