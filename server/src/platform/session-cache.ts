// Sessions read in the last moment, kept in this process so that a page's burst of API calls (its list, counts, code
// tables and /api/me, a handful within a second) shares one session lookup instead of each sending its own to the
// database: on PGlite the lookup was 1.4 ms of the 1.43 ms of server CPU an `/api/me` cost, on PostgreSQL a round trip
// (ARCHITECTURE "Session lookup reused for two seconds"). What ends or changes a session here evicts it at once
// (`revokeSession`, `revokeUser`); a change made by another instance or process (a second app instance, the CLI) is
// seen once the entry is `ttlMs` old.
//
// A lookup that ran while a revoking transaction was still open may have read the old row after the eviction. So a
// revocation also stops entries read within `ttlMs` after it from being used: the revoking transaction is taken to
// commit within that time, and until then every request of that session or user reads the database.

export interface CachedSession<Row> {
  row: Row;
  userId: string;
}

interface Entry<Row> extends CachedSession<Row> {
  owner: object;
  readAt: number;
}

/** Entries beyond this many are dropped oldest first: a province's busiest instance serves a few thousand sessions. */
const MAX_ENTRIES = 20_000;

export class SessionCache<Row> {
  private readonly entries = new Map<string, Entry<Row>>();
  /** When a session (`h:` + hash) or all of a user's sessions (`u:` + id) were last revoked. */
  private readonly revoked = new Map<string, number>();

  constructor(
    readonly ttlMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** The session as read at most `ttlMs` ago by `owner` (a database handle), unless revoked since. */
  get(owner: object, idHash: string): CachedSession<Row> | null {
    if (this.ttlMs <= 0) return null;
    const e = this.entries.get(idHash);
    if (!e) return null;
    if (e.owner !== owner || this.now() - e.readAt >= this.ttlMs || this.revokedAfter(e, idHash)) {
      this.entries.delete(idHash);
      return null;
    }
    return e;
  }

  /** Keeps a row read at `readAt` (taken before the lookup was sent). */
  set(owner: object, idHash: string, session: CachedSession<Row>, readAt: number): void {
    if (this.ttlMs <= 0) return;
    const e = { ...session, owner, readAt };
    if (this.revokedAfter(e, idHash)) return;
    this.entries.delete(idHash); // re-inserted last: the Map's order is the eviction order
    this.entries.set(idHash, e);
    if (this.entries.size > MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value!);
  }

  revokeSession(idHash: string): void {
    this.entries.delete(idHash);
    this.mark(`h:${idHash}`);
  }

  revokeUser(userId: string): void {
    for (const [hash, e] of this.entries) if (e.userId === userId) this.entries.delete(hash);
    this.mark(`u:${userId}`);
  }

  /** Forgets everything (tests that change users behind the commands' back). */
  clear(): void {
    this.entries.clear();
    this.revoked.clear();
  }

  private mark(key: string) {
    const now = this.now();
    this.revoked.set(key, now);
    // Marks older than two lifetimes can no longer refuse an entry that is still fresh.
    for (const [k, at] of this.revoked) if (now - at > 2 * this.ttlMs) this.revoked.delete(k);
  }

  private revokedAfter(e: Entry<Row>, idHash: string): boolean {
    if (this.revoked.size === 0) return false; // every request asks; revocations are rare
    for (const key of [`h:${idHash}`, `u:${e.userId}`]) {
      const at = this.revoked.get(key);
      if (at !== undefined && e.readAt < at + this.ttlMs) return true;
    }
    return false;
  }
}
