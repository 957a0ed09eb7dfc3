// Baselines served over HTTP: a bare Fastify server doing what a platform route does at its core, with no access
// pipeline, hooks, response check, log or audit — the HTTP floor the platform's figures are compared with.
// - /me: the same session lookup as GET /api/me (platform/session.ts loadSession, with the platform's configured
//   timeouts and session cache);
// - /enterprises: the same list call as GET /api/enterprises (the session's actor, the query parsed by its contract,
//   findEnterprises, the presenter, JSON.stringify).
// It opens the database the way the platform does: PostgreSQL when DATABASE_URL is set (the same pool), otherwise
// PGlite in ANJIAN_DATA_DIR.
import Fastify from 'fastify';
import cookie from '@fastify/cookie';
import { enterpriseListQuery } from '@anjian/contracts';
import { findEnterprises } from '../../../server/src/modules/enterprises/enterprises.queries';
import { presentEnterprise } from '../../../server/src/modules/enterprises/enterprises.presenter';
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
app.get('/enterprises', async (req, reply) => {
  const s = await loadSession(database.db, req.cookies.anjian_sid ?? '', t);
  if (!s) return reply.status(401).send({});
  const page = await findEnterprises(database.db, s.actor, enterpriseListQuery.parse(req.query));
  return reply.type('application/json').send(JSON.stringify({ ...page, items: page.items.map((r) => presentEnterprise(s.actor, r)) }));
});
await app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' });
console.log('bare ready');
process.on('SIGTERM', async () => {
  await app.close();
  await database.close();
  process.exit(0);
});
