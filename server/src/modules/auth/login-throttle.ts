// Login throttling as small pure rules over a counter, shared by three kinds of key so that they behave alike:
// - a real account (its state lives on `users`),
// - a name that is no account (a `login_throttle` row `account:<name>`): delayed and locked exactly like a real one,
//   so neither the status, the body nor the number of tries tells an attacker which names exist;
// - a client address (`ip:<address>`): failures across accounts, against password spraying.
// The state is in the database so that every instance sharing it counts the same failures.
import type { Config } from '../../platform/config';

export interface ThrottleState {
  failures: number;
  lastFailureAt: Date | null;
  /** Until when every attempt is refused (the account lock, or the address block). */
  blockedUntil: Date | null;
}

export interface ThrottleRule {
  /** Failures that set the block. */
  maxFailures: number;
  blockMs: number;
  /** Failures older than this are forgotten and the count starts again. */
  memoryMs: number;
  /** Wait after the n-th failure before the next attempt is taken: base × 2^(n-1), capped; 0 = none. */
  delayBaseMs: number;
  delayMaxMs: number;
}

export type Gate = { kind: 'open' } | { kind: 'blocked'; retryAfterSeconds: number } | { kind: 'wait'; retryAfterSeconds: number };

export function accountRule(cfg: Config): ThrottleRule {
  return {
    maxFailures: cfg.lockout.maxFailures,
    blockMs: cfg.lockout.lockMinutes * 60_000,
    memoryMs: 24 * 3_600_000,
    delayBaseMs: cfg.lockout.delaySeconds * 1000,
    delayMaxMs: 60_000,
  };
}

export function addressRule(cfg: Config): ThrottleRule {
  return {
    maxFailures: cfg.loginIp.maxFailures,
    blockMs: cfg.loginIp.blockMinutes * 60_000,
    memoryMs: cfg.loginIp.windowMinutes * 60_000,
    delayBaseMs: 0,
    delayMaxMs: 0,
  };
}

const seconds = (ms: number) => Math.max(1, Math.ceil(ms / 1000));

/** The failure count that still matters now: a block that has run out, or old failures, start a fresh count. */
function liveFailures(s: ThrottleState, now: Date, rule: ThrottleRule): number {
  if (s.blockedUntil && s.blockedUntil <= now) return 0;
  if (!s.lastFailureAt || now.getTime() - s.lastFailureAt.getTime() > rule.memoryMs) return 0;
  return s.failures;
}

export function delayAfter(failures: number, rule: ThrottleRule): number {
  if (failures < 1 || rule.delayBaseMs <= 0) return 0;
  return Math.min(rule.delayMaxMs, rule.delayBaseMs * 2 ** (failures - 1));
}

/** Whether an attempt is taken now. */
export function gate(s: ThrottleState, now: Date, rule: ThrottleRule): Gate {
  if (s.blockedUntil && s.blockedUntil > now) {
    return { kind: 'blocked', retryAfterSeconds: seconds(s.blockedUntil.getTime() - now.getTime()) };
  }
  const failures = liveFailures(s, now, rule);
  const waitUntil = failures > 0 && s.lastFailureAt ? s.lastFailureAt.getTime() + delayAfter(failures, rule) : 0;
  if (waitUntil > now.getTime()) return { kind: 'wait', retryAfterSeconds: seconds(waitUntil - now.getTime()) };
  return { kind: 'open' };
}

/** The state after one more failure; reaching the limit sets the block and clears the count. */
export function afterFailure(s: ThrottleState, now: Date, rule: ThrottleRule): ThrottleState & { blockedNow: boolean } {
  const failures = liveFailures(s, now, rule) + 1;
  const block = failures >= rule.maxFailures;
  return {
    failures: block ? 0 : failures,
    lastFailureAt: now,
    blockedUntil: block ? new Date(now.getTime() + rule.blockMs) : null,
    blockedNow: block,
  };
}
