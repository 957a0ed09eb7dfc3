import { describe, expect, it } from 'vitest';
import { SessionCache } from './session-cache';

const db = {};
const other = {};
const row = (user: string) => ({ row: { user }, userId: user });

function clock(start = 1_000_000) {
  const c = { t: start, now: () => c.t };
  return c;
}

describe('SessionCache', () => {
  it('serves a lookup for its lifetime, to the database handle that read it only', () => {
    const c = clock();
    const cache = new SessionCache<{ user: string }>(2000, c.now);
    cache.set(db, 'h1', row('u1'), c.t);
    expect(cache.get(db, 'h1')?.row).toEqual({ user: 'u1' });
    expect(cache.get(other, 'h1')).toBeNull();
    cache.set(db, 'h1', row('u1'), c.t);
    c.t += 1999;
    expect(cache.get(db, 'h1')).not.toBeNull();
    c.t += 1;
    expect(cache.get(db, 'h1')).toBeNull();
  });

  it('keeps nothing when its lifetime is 0', () => {
    const cache = new SessionCache<{ user: string }>(0);
    cache.set(db, 'h1', row('u1'), Date.now());
    expect(cache.get(db, 'h1')).toBeNull();
  });

  it('drops a revoked session and every session of a revoked user at once', () => {
    const c = clock();
    const cache = new SessionCache<{ user: string }>(2000, c.now);
    cache.set(db, 'a', row('u1'), c.t);
    cache.set(db, 'b', row('u1'), c.t);
    cache.set(db, 'c', row('u2'), c.t);
    cache.revokeSession('a');
    expect(cache.get(db, 'a')).toBeNull();
    expect(cache.get(db, 'b')).not.toBeNull();
    cache.revokeUser('u1');
    expect(cache.get(db, 'b')).toBeNull();
    expect(cache.get(db, 'c')).not.toBeNull();
  });

  it('does not keep a row read while the revoking transaction may still be open', () => {
    const c = clock();
    const cache = new SessionCache<{ user: string }>(2000, c.now);
    cache.revokeUser('u1');
    // A lookup sent 0.5 s after the revocation may have read the row the revoking transaction had not yet deleted.
    c.t += 500;
    cache.set(db, 'a', row('u1'), c.t);
    expect(cache.get(db, 'a')).toBeNull();
    // Once a lifetime has passed the transaction has committed, and what is read is kept again.
    c.t += 1500;
    cache.set(db, 'a', row('u1'), c.t);
    expect(cache.get(db, 'a')).not.toBeNull();
    // Another user's sessions were never held back.
    cache.revokeSession('x');
    cache.set(db, 'b', row('u2'), c.t);
    expect(cache.get(db, 'b')).not.toBeNull();
  });

  it('holds at most 20,000 sessions, dropping the oldest read first', () => {
    const c = clock();
    const cache = new SessionCache<{ user: string }>(60_000, c.now);
    for (let i = 0; i <= 20_000; i++) cache.set(db, `h${i}`, row(`u${i}`), c.t);
    expect(cache.get(db, 'h0')).toBeNull();
    expect(cache.get(db, 'h1')).not.toBeNull();
    expect(cache.get(db, 'h20000')).not.toBeNull();
  });
});
