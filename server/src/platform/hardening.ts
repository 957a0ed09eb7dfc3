// Response hardening in one place: security headers with a strict Content-Security-Policy (helmet), HSTS when the
// platform is served over HTTPS, and the per-address login rate limit (the route opts in with `config.rateLimit`).
//
// The policy allows scripts only from this origin (the built web app has no inline script). Styles allow
// 'unsafe-inline' because Ant Design's CSS-in-JS inserts <style> elements at run time (and Leaflet/rc-components set
// style attributes); a nonce would need the HTML templated per request and still not cover style attributes, and
// injected CSS cannot run code once scripts are locked down. Images may come from the configured base-map tile server.
//
// helmet's headers depend on nothing in the request, so they are worked out once when the app is built (by running
// helmet's own middleware against a recording response) and copied onto each response by one synchronous hook.
// @fastify/helmet rebuilt the whole middleware (re-parsing the policy) in two hooks on every request.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import helmet, { type HelmetOptions } from 'helmet';
import rateLimit from '@fastify/rate-limit';
import type { Config } from './config';
import { AppError } from './errors';
import type { Db } from './db';
import { loadSession, SESSION_COOKIE } from './session';

/** The CSP source for the map tile server in ANJIAN_MAP_TILE_URL (`https://t{s}.example.cn/...` → `https://*.example.cn`). */
export function tileSource(tileUrl: string | undefined): string | null {
  const m = tileUrl?.match(/^(https?:)\/\/([^/?#]+)/i);
  if (!m) return null;
  const [, scheme, host] = m as unknown as [string, string, string];
  if (!host.includes('{')) return `${scheme}//${host}`;
  const labels = host.split('.');
  // A template only in the first label ({s}, t{s}) becomes CSP's leading wildcard; anywhere else, the scheme only.
  if (labels[0]!.includes('{') && !labels.slice(1).some((l) => l.includes('{'))) return `${scheme}//*.${labels.slice(1).join('.')}`;
  return scheme;
}

export function contentSecurityPolicy(env: NodeJS.ProcessEnv = process.env): Record<string, string[]> {
  const tiles = tileSource(env.ANJIAN_MAP_TILE_URL);
  return {
    'default-src': ["'self'"],
    'script-src': ["'self'"],
    'style-src': ["'self'", "'unsafe-inline'"],
    'img-src': ["'self'", 'data:', 'blob:', ...(tiles ? [tiles] : [])],
    'font-src': ["'self'", 'data:'],
    'connect-src': ["'self'"],
    'worker-src': ["'self'", 'blob:'],
    'object-src': ["'none'"],
    'base-uri': ["'self'"],
    'form-action': ["'self'"],
    'frame-ancestors': ["'self'"],
  };
}

/** HTTPS as the browser sees it: configured (TLS ended at a proxy) or the request itself (trusted proxy header). */
const overHttps = (cfg: Config, req: FastifyRequest) => cfg.secureCookies || req.protocol === 'https';

export const helmetOptions = (env: NodeJS.ProcessEnv = process.env): HelmetOptions => ({
  contentSecurityPolicy: { useDefaults: false, directives: contentSecurityPolicy(env) },
  // Set below per request: only a response that really travelled over HTTPS may pin the browser to HTTPS.
  strictTransportSecurity: false,
  referrerPolicy: { policy: 'same-origin' },
  crossOriginEmbedderPolicy: false,
});

export interface HeaderEdits {
  set: [name: string, value: string][];
  remove: string[];
}

/** What helmet's middleware does to a response for these options (it reads nothing from the request). */
export function helmetHeaders(options: HelmetOptions): HeaderEdits {
  const edits: HeaderEdits = { set: [], remove: [] };
  const recorder = {
    setHeader: (name: string, value: unknown) => edits.set.push([name, String(value)]),
    removeHeader: (name: string) => edits.remove.push(name),
  };
  let done = false;
  helmet(options)({} as IncomingMessage, recorder as unknown as ServerResponse, (err?: unknown) => {
    if (err) throw err;
    done = true;
  });
  // A future helmet that went asynchronous or per-request would be caught here rather than send no headers.
  if (!done || edits.set.length === 0) throw new Error('helmet did not set its headers synchronously');
  return edits;
}

export async function registerHardening(app: FastifyInstance, cfg: Config): Promise<void> {
  const edits = helmetHeaders(helmetOptions());
  // onRequest, like @fastify/helmet, so every answer (error, 404, static file) carries them; a route may still
  // override one with reply.header() (files.routes.ts sandboxes downloads).
  app.addHook('onRequest', (_req, reply, done) => {
    const raw = reply.raw;
    for (const [name, value] of edits.set) raw.setHeader(name, value);
    for (const name of edits.remove) raw.removeHeader(name);
    done();
  });
  // Over plain HTTP with no trusted proxy a request cannot have come over HTTPS, so the check is only installed
  // where it can answer yes.
  if (cfg.secureCookies || cfg.trustProxy || app.initialConfig.https) {
    app.addHook('onSend', (req, reply, payload, done) => {
      if (overHttps(cfg, req)) reply.header('strict-transport-security', 'max-age=31536000');
      done(null, payload);
    });
  }
  // Routes opt in (global: false); the store is per instance, a flood guard in front of the shared per-account
  // and per-address counters in the database (modules/auth/login-throttle.ts).
  await app.register(rateLimit, {
    global: false,
    // The same body as the database throttle's answer; the plugin has set Retry-After.
    errorResponseBuilder: () => new AppError('RATE_LIMITED'),
  });
}

/**
 * swagger-ui's route hooks: outside demo mode (or with ANJIAN_API_DOCS=login) the API description is for logged-in
 * users only. The session is read here rather than relying on the global hook's order.
 */
export function docsHooks(cfg: Config, db: Db): { onRequest?: (req: FastifyRequest) => Promise<void> } {
  if (cfg.apiDocs === 'public') return {};
  return {
    async onRequest(req) {
      const sid = req.cookies[SESSION_COOKIE];
      if (!sid || !(await loadSession(db, sid, cfg.session))) throw new AppError('UNAUTHENTICATED');
    },
  };
}
