// The baseline side of the API benchmarks: the same query functions the API calls, run directly
// against a database (a copy of the server's PGlite directory, or the same PostgreSQL database).
import { eq } from 'drizzle-orm';
import { openPglite, openPostgres, type Database } from '../../server/src/platform/db';
import { createSession, loadSession } from '../../server/src/platform/session';
import type { Actor } from '../../server/src/platform/actor';
import { users } from '../../server/src/db/schema';

export async function openDirect(opts: { dataDir?: string; databaseUrl?: string }): Promise<Database> {
  return opts.databaseUrl ? openPostgres(opts.databaseUrl, { max: 4 }) : openPglite(opts.dataDir!);
}

/** The actor exactly as the server builds it for `username` (through a real session). */
export async function actorFor(database: Database, username: string): Promise<Actor> {
  const [u] = await database.db.select().from(users).where(eq(users.username, username));
  const t = { idleMinutes: 30, absoluteHours: 12 };
  const s = await createSession(database.db, u!.id, { ip: null, userAgent: 'bench' }, t);
  return (await loadSession(database.db, s.sid, t))!.actor;
}
