// In-process app for HTTP tests (app.inject), with cheap argon2 and a helper to log in.
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { buildApp, type BuiltApp } from '../src/app';
import { loadConfig, type Config } from '../src/platform/config';
import type { Database } from '../src/platform/db';
import type { LogStream } from '../src/platform/logging';
import { fastArgon2 } from '../src/seed/factories';
import { openTestDatabase } from './db';

export interface TestApp extends BuiltApp {
  database: Database;
  config: Config;
  close(): Promise<void>;
}

export async function buildTestApp(overrides: Partial<Config> = {}, opts: { logStream?: LogStream } = {}): Promise<TestApp> {
  const database = await openTestDatabase();
  const config: Config = { ...loadConfig({}, []), argon2: fastArgon2, ...overrides };
  const built = await buildApp(database, config, { webDir: null, logStream: opts.logStream });
  return {
    ...built,
    database,
    config,
    async close() {
      await built.app.close();
      await database.close();
    },
  };
}

/** A logged-in client: carries the session cookie and the CSRF token on every request. */
export interface Client {
  cookie: string;
  csrf: string;
  request(opts: InjectOptions): Promise<LightMyRequestResponse>;
  get(url: string, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  post(url: string, payload?: unknown): Promise<LightMyRequestResponse>;
  patch(url: string, payload?: unknown): Promise<LightMyRequestResponse>;
  del(url: string, payload?: unknown): Promise<LightMyRequestResponse>;
}

export async function loginAs(app: FastifyInstance, username: string, password: string): Promise<Client> {
  const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
  if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
  const setCookie = [res.headers['set-cookie']].flat().find((c) => String(c).startsWith('anjian_sid='))!;
  const cookie = String(setCookie).split(';')[0]!;
  const csrf = res.json().csrfToken as string;
  const request = (opts: InjectOptions) => app.inject({ ...opts, headers: { cookie, 'x-csrf-token': csrf, ...(opts.headers ?? {}) } });
  return {
    cookie,
    csrf,
    request,
    get: (url, headers) => request({ method: 'GET', url, headers }),
    post: (url, payload) => request({ method: 'POST', url, payload: payload as never }),
    patch: (url, payload) => request({ method: 'PATCH', url, payload: payload as never }),
    del: (url, payload) => request({ method: 'DELETE', url, payload: payload as never }),
  };
}
