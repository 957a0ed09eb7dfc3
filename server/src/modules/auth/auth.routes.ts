// Login, logout, the current user and password change.
import { changePasswordBody, loginBody, loginResponse, meResponse, okResponse } from '@anjian/contracts';
import type { ZodApp } from '../../platform/zod-app';
import { actorOf, auditCtx, clientIp } from '../../platform/http';
import { AppError } from '../../platform/errors';
import { hashSessionId, destroySession, loadSession, SESSION_COOKIE } from '../../platform/session';
import { recordAudit } from '../../platform/audit';
import { login } from './commands/login';
import { changePassword } from './commands/change-password';
import { presentMe } from './auth.presenter';

export function authRoutes(app: ZodApp) {
  app.post(
    '/api/auth/login',
    {
      // Per-address flood guard (in memory, per instance); the per-account and per-address failure counts are shared
      // in the database (commands/login.ts).
      config: { access: 'public', rateLimit: { max: app.config.loginIp.perMinute, timeWindow: 60_000 } },
      schema: { tags: ['auth'], body: loginBody, response: { 200: loginResponse } },
    },
    async (req, reply) => {
      const outcome = await login(app.db, app.config, {
        ...req.body,
        ip: clientIp(req),
        userAgent: req.headers['user-agent'] ?? null,
        previousSessionHash: req.cookies[SESSION_COOKIE] ? hashSessionId(req.cookies[SESSION_COOKIE]) : null,
      });
      // Locked and throttled answers are the same whether the name is an account or not.
      if (outcome.kind === 'locked' || outcome.kind === 'throttled') {
        reply.header('retry-after', String(outcome.retryAfterSeconds));
        throw new AppError(outcome.kind === 'locked' ? 'LOCKED' : 'RATE_LIMITED');
      }
      if (outcome.kind === 'disabled') throw new AppError('DISABLED');
      if (outcome.kind !== 'ok') throw new AppError('BAD_CREDENTIALS');
      const loaded = await loadSession(app.db, outcome.sid, app.config.session);
      if (!loaded) throw new AppError('INTERNAL');
      reply.setCookie(SESSION_COOKIE, outcome.sid, {
        httpOnly: true,
        sameSite: 'lax',
        secure: app.config.secureCookies || req.protocol === 'https',
        path: '/',
        maxAge: app.config.session.absoluteHours * 3600,
      });
      return { user: presentMe(loaded.actor), csrfToken: outcome.csrfToken };
    },
  );

  app.post(
    '/api/auth/logout',
    { config: { access: 'authenticated' }, schema: { tags: ['auth'], response: { 200: okResponse } } },
    async (req, reply) => {
      const actor = actorOf(req);
      await app.db.transaction(async (tx) => {
        await destroySession(tx, req.sessionHash!);
        await recordAudit(tx, auditCtx(req), { action: 'auth.logout', entityType: 'user', entityId: actor.id });
      });
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return { ok: true as const };
    },
  );

  app.get('/api/me', { config: { access: 'authenticated' }, schema: { tags: ['auth'], response: { 200: meResponse } } }, async (req) => ({
    user: presentMe(actorOf(req)),
    csrfToken: req.csrfToken!,
  }));

  app.post(
    '/api/auth/password',
    { config: { access: 'authenticated' }, schema: { tags: ['auth'], body: changePasswordBody, response: { 200: okResponse } } },
    async (req) => {
      await changePassword(app.db, app.config, {
        actor: actorOf(req),
        sessionHash: req.sessionHash!,
        ...req.body,
        ip: clientIp(req),
      });
      return { ok: true as const };
    },
  );
}
