// Baseline for the /api/me benchmark: a bare Fastify server doing the same session lookup (platform/session.ts
// loadSession, with the platform's configured timeouts and session cache) with no access pipeline, schemas or audit.
// It opens the database the way the platform does: PostgreSQL when DATABASE_URL is set (the same pool), otherwise
// PGlite in ANJIAN_DATA_DIR.
import Fastify from 'fastify';
import cookie from '@fastify/cookie';
import { openPglite, openPostgres } from '../../../server/src/platform/db';
import { loadConfig } from '../../../server/src/platform/config';
import { createSession, loadSession } from '../../../server/src/platform/session';
import { users } from '../../../server/src/db/schema';
import { eq } from 'drizzle-orm';

const database = process.env.DATABASE_URL ? await openPostgres(process.env.DATABASE_URL) : await openPglite(process.env.ANJIAN_DATA_DIR!);
const t = loadConfig().session;
const app = Fastify();
await app.register(cookie);
app.post('/login', async () => {
  const [u] = await database.db.select().from(users).where(eq(users.username, 'officer'));
  return createSession(database.db, u!.id, { ip: null, userAgent: null }, t);
});
app.get('/me', async (req, reply) => {
  const s = await loadSession(database.db, req.cookies.anjian_sid ?? '', t);
  if (!s) return reply.status(401).send({});
  return { user: s.actor, csrfToken: s.csrfToken };
});
await app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' });
console.log('bare ready');
process.on('SIGTERM', async () => {
  await app.close();
  await database.close();
  process.exit(0);
});
