// Request pipeline shared by every route: session → actor, CSRF, the route's declared permission.
// A route that declares no permission cannot be registered.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { can, type Lang, type Permission } from '@anjian/contracts';
import type { Actor } from './actor';
import type { Config } from './config';
import type { Database, Db } from './db';
import { AppError, langOf } from './errors';
import { recordAudit, type AuditContext } from './audit';
import { loadSession, SESSION_COOKIE } from './session';

/** 'public': anyone; 'authenticated': any logged-in user; otherwise a `resource.action` permission. */
export type RouteAccess = Permission | 'public' | 'authenticated';

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: RouteAccess;
  }
  interface FastifyRequest {
    actor: Actor | null;
    sessionHash: string | null;
    csrfToken: string | null;
  }
  interface FastifyInstance {
    db: Db;
    database: Database;
    config: Config;
  }
}

export interface RouteRecord {
  method: string;
  url: string;
  access: RouteAccess;
  /** Status codes with a declared response schema (JSON routes must declare their success answer). */
  responses: string[];
  /** Media types of a route that sends a file instead of JSON (schema.produces). */
  produces: string[];
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function clientIp(req: FastifyRequest): string | null {
  return req.ip ?? null;
}

export function auditCtx(req: FastifyRequest): AuditContext {
  return { actor: req.actor, ip: clientIp(req) };
}

export function lang(req: FastifyRequest): Lang {
  return langOf(req);
}

/** The authenticated actor; routes behind a permission can rely on it. */
export function actorOf(req: FastifyRequest): Actor {
  if (!req.actor) throw new AppError('UNAUTHENTICATED');
  return req.actor;
}

export function registerAccessControl(app: FastifyInstance, routes: RouteRecord[]): void {
  app.decorateRequest('actor', null);
  app.decorateRequest('sessionHash', null);
  app.decorateRequest('csrfToken', null);

  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api')) return;
    if (route.url.startsWith('/api/docs')) return; // swagger-ui's own static routes
    const access = route.config?.access;
    if (!access) throw new Error(`route ${route.method} ${route.url} declares no access permission`);
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    const responses = Object.keys((route.schema?.response as object | undefined) ?? {});
    const produces = (route.schema as { produces?: string[] } | undefined)?.produces ?? [];
    for (const m of methods) if (m !== 'HEAD') routes.push({ method: m, url: route.url, access, responses, produces });
  });

  app.addHook('onRequest', async (req) => {
    if (!req.url.startsWith('/api')) return;
    const sid = req.cookies[SESSION_COOKIE];
    if (!sid) return;
    const loaded = await loadSession(app.db, sid, app.config.session);
    if (!loaded) return;
    req.actor = loaded.actor;
    req.sessionHash = loaded.idHash;
    req.csrfToken = loaded.csrfToken;
  });

  // preValidation runs before schema validation, so a caller without access learns nothing from a 400.
  app.addHook('preValidation', async (req) => {
    const access = req.routeOptions.config?.access;
    if (!access || access === 'public') return;
    if (!req.actor) throw new AppError('UNAUTHENTICATED');
    if (!SAFE_METHODS.has(req.method) && req.headers['x-csrf-token'] !== req.csrfToken) {
      throw new AppError('CSRF');
    }
    if (access === 'authenticated') return;
    if (!can(req.actor.role, access)) {
      await app.db.transaction((tx) =>
        recordAudit(tx, auditCtx(req), {
          action: 'access.denied',
          entityType: 'route',
          entityId: `${req.method} ${req.routeOptions.url}`,
          result: 'denied',
        }),
      );
      throw new AppError('FORBIDDEN');
    }
  });
}
