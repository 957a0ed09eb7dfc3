// Runtime configuration from the environment, read once at start.
import path from 'node:path';
import { defaultImageSettings, type ImageSettings } from './thumbnails';

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | null;
  allowUnsafeDb: boolean;
  demo: boolean;
  /** Cookies get `Secure` when the platform is served over HTTPS (directly or behind a proxy). */
  secureCookies: boolean;
  trustProxy: boolean;
  session: { idleMinutes: number; absoluteHours: number; cacheMs: number };
  /** Per account (and per name that is no account, alike): a growing wait after each wrong password, then the lock. */
  lockout: { maxFailures: number; lockMinutes: number; delaySeconds: number };
  /** Per client address: failures across accounts block the address for a while; perMinute caps all login requests. */
  loginIp: { maxFailures: number; windowMinutes: number; blockMinutes: number; perMinute: number };
  argon2: { memoryKiB: number; iterations: number; parallelism: number };
  /** Decompression-bomb guard and thumbnail size for uploaded photos. */
  images: ImageSettings;
  /** Who may read the OpenAPI description at /api/docs: anyone (demo default) or logged-in users (production default). */
  apiDocs: 'public' | 'login';
  logLevel: string;
  /** How often each instance re-reads the official calendar supplement, so a year entered elsewhere reaches it. */
  calendarRefreshSeconds: number;
  /** Outside channels for notifications; unset host/URL = that channel is off (the in-app inbox always works). */
  notify: NotifyConfig;
  /**
   * 举报: public submissions per client address per hour, tracking look-ups per address per minute, the reporter
   * vault's key (any string, hashed to 256 bits); photo uploads per address per hour and photo reads under a tracking
   * code per address per minute.
   */
  reports: {
    perIpPerHour: number;
    trackPerMinute: number;
    vaultKey: string;
    perPhonePerDay: number;
    challengeAfterPerHour: number;
    photosPerIpPerHour: number;
    trackPhotosPerMinute: number;
  };
  /** 三项岗位 people: the key sealing staff identity numbers (any string, hashed to 256 bits; ANJIAN_PEOPLE_VAULT_KEY). */
  people: { vaultKey: string };
  /**
   * 联合惩戒: the key signing the partner feed (HMAC-SHA256; ANJIAN_PARTNER_FEED_KEY) and the id partners see with it
   * (ANJIAN_PARTNER_FEED_KEY_ID), so a rotated key is recognised.
   */
  partnerFeed: { key: string; keyId: string };
  /** 职业健康 targets: which seed's set the rates are held against (modules/occupational-health rules; ANJIAN_OH_TARGETS). */
  occupationalHealth?: { targetSet: string };
}

export interface NotifyConfig {
  smtp: { host: string | null; port: number; from: string; user: string | null; password: string | null; secure: boolean };
  webhook: { url: string | null; retries: number; timeoutMs: number };
}

/**
 * A whole-number setting, or its default when unset. Anything else refuses to start: `parseInt` read "2s" as 2 and
 * "abc" as NaN, and a NaN lifetime or limit compares false with everything (a session lookup kept for ever).
 */
function int(env: NodeJS.ProcessEnv, name: string, d: number): number {
  const v = env[name];
  if (v === undefined || v.trim() === '') return d;
  if (!/^\d+$/.test(v.trim())) throw new Error(`${name} must be a whole number of 0 or more, not "${v}"`);
  return Number(v.trim());
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env, argv: string[] = process.argv): Config {
  const demo = argv.includes('--demo') || env.ANJIAN_DEMO === '1';
  return {
    port: int(env, 'PORT', 3000),
    host: env.HOST ?? '0.0.0.0',
    dataDir: path.resolve(env.ANJIAN_DATA_DIR ?? './data'),
    databaseUrl: env.DATABASE_URL || null,
    allowUnsafeDb: env.ANJIAN_ALLOW_UNSAFE_DB === '1',
    demo,
    secureCookies: env.ANJIAN_SECURE_COOKIES === '1',
    trustProxy: env.ANJIAN_TRUST_PROXY === '1',
    session: {
      idleMinutes: int(env, 'ANJIAN_SESSION_IDLE_MIN', 30),
      absoluteHours: int(env, 'ANJIAN_SESSION_MAX_HOURS', 12),
      cacheMs: int(env, 'ANJIAN_SESSION_CACHE_MS', 2000),
    },
    lockout: {
      maxFailures: int(env, 'ANJIAN_LOCK_FAILURES', 5),
      lockMinutes: int(env, 'ANJIAN_LOCK_MINUTES', 30),
      delaySeconds: int(env, 'ANJIAN_LOGIN_DELAY_SECONDS', 1),
    },
    loginIp: {
      maxFailures: int(env, 'ANJIAN_LOGIN_IP_FAILURES', 20),
      windowMinutes: 15,
      blockMinutes: int(env, 'ANJIAN_LOGIN_IP_BLOCK_MINUTES', 15),
      perMinute: int(env, 'ANJIAN_LOGIN_RATE_PER_MINUTE', 60),
    },
    // OWASP's argon2id minimum (19 MiB, t=2, p=1); raise on strong servers.
    argon2: {
      memoryKiB: int(env, 'ANJIAN_ARGON2_MEMORY_KIB', 19456),
      iterations: int(env, 'ANJIAN_ARGON2_ITERATIONS', 2),
      parallelism: 1,
    },
    images: {
      maxPixels: int(env, 'ANJIAN_MAX_IMAGE_PIXELS', defaultImageSettings.maxPixels),
      thumbnailSide: int(env, 'ANJIAN_THUMBNAIL_SIZE', defaultImageSettings.thumbnailSide),
    },
    apiDocs: env.ANJIAN_API_DOCS === 'public' || env.ANJIAN_API_DOCS === 'login' ? env.ANJIAN_API_DOCS : demo ? 'public' : 'login',
    logLevel: env.LOG_LEVEL ?? 'info',
    calendarRefreshSeconds: Math.max(10, int(env, 'ANJIAN_CALENDAR_REFRESH_SECONDS', 300)),
    notify: {
      smtp: {
        host: env.ANJIAN_SMTP_HOST || null,
        port: int(env, 'ANJIAN_SMTP_PORT', 25),
        from: env.ANJIAN_SMTP_FROM || '安监平台 <noreply@localhost>',
        user: env.ANJIAN_SMTP_USER || null,
        password: env.ANJIAN_SMTP_PASSWORD || null,
        secure: env.ANJIAN_SMTP_SECURE === '1',
      },
      webhook: {
        url: env.ANJIAN_WEBHOOK_URL || null,
        retries: Math.max(1, int(env, 'ANJIAN_WEBHOOK_RETRIES', 3)),
        timeoutMs: int(env, 'ANJIAN_WEBHOOK_TIMEOUT_MS', 5000),
      },
    },
    reports: {
      perIpPerHour: int(env, 'ANJIAN_REPORTS_PER_IP_PER_HOUR', 10),
      trackPerMinute: int(env, 'ANJIAN_REPORT_TRACK_PER_MINUTE', 30),
      // Abuse controls of the public form (modules/reports/abuse.ts).
      perPhonePerDay: int(env, 'ANJIAN_REPORTS_PER_PHONE_PER_DAY', 5),
      challengeAfterPerHour: int(env, 'ANJIAN_REPORT_CHALLENGE_AFTER', 3),
      // Photos of the public form: uploads (a report takes at most 6; 10 reports an hour → 60) and the tracking page's
      // thumbnails and enlargements (6 photos, each twice, several look-ups).
      photosPerIpPerHour: int(env, 'ANJIAN_REPORT_PHOTOS_PER_IP_PER_HOUR', 60),
      trackPhotosPerMinute: int(env, 'ANJIAN_REPORT_TRACK_PHOTOS_PER_MINUTE', 120),
      // The development default is public; a deployment sets its own secret (docs/user-guide.md).
      vaultKey: env.ANJIAN_REPORT_VAULT_KEY || DEV_REPORT_VAULT_KEY,
    },
    people: {
      // Same rule as the reporter vault: the development default is public, a deployment sets its own secret.
      vaultKey: env.ANJIAN_PEOPLE_VAULT_KEY || DEV_PEOPLE_VAULT_KEY,
    },
    partnerFeed: {
      // The development default is public; a deployment sets its own secret and gives it to its partner agencies.
      key: env.ANJIAN_PARTNER_FEED_KEY || DEV_PARTNER_FEED_KEY,
      keyId: env.ANJIAN_PARTNER_FEED_KEY_ID || (env.ANJIAN_PARTNER_FEED_KEY ? 'k1' : 'dev'),
    },
    occupationalHealth: { targetSet: env.ANJIAN_OH_TARGETS || 'default' },
  };
}

/** The reporter vault's key when ANJIAN_REPORT_VAULT_KEY is unset: for development and the demo only. */
export const DEV_REPORT_VAULT_KEY = 'anjian-dev-report-vault-key';

/** The staff identity vault's key when ANJIAN_PEOPLE_VAULT_KEY is unset: for development and the demo only. */
export const DEV_PEOPLE_VAULT_KEY = 'anjian-dev-people-vault-key';

/** The partner feed's signing key when ANJIAN_PARTNER_FEED_KEY is unset: for development and the demo only. */
export const DEV_PARTNER_FEED_KEY = 'anjian-dev-partner-feed-key';
