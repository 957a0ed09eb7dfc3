// The embedded data directory is locked against a second process, and a PostgreSQL server that could
// lose acknowledged writes is refused unless explicitly allowed; a connection runs its queries one at a time.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import pg from 'pg';
import { openPglite, openPostgres, queueQueriesInOrder } from './db';
import { acquireDirLock } from './dir-lock';
import { testEngine } from '../../test/db';

describe('embedded data directory', () => {
  it('refuses to open a directory that is already open, and reopens it after a clean close', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'anjian-lock-'));
    const first = await openPglite(dir);
    await first.migrate();
    await expect(openPglite(dir)).rejects.toThrow(/already open|in use/);
    await first.close();
    expect(fs.existsSync(path.join(dir, 'anjian.lock'))).toBe(false);
    const again = await openPglite(dir);
    await again.close();
  });

  it('takes over a stale lock left by a process that no longer exists', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'anjian-lock-'));
    fs.writeFileSync(path.join(dir, 'anjian.lock'), '999999999');
    const lock = acquireDirLock(dir);
    expect(JSON.parse(fs.readFileSync(path.join(dir, 'anjian.lock'), 'utf8')).pid).toBe(process.pid);
    lock.release();
  });
});

describe.skipIf(testEngine !== 'postgres')('PostgreSQL durability check', () => {
  it('refuses synchronous_commit=off unless explicitly allowed', async () => {
    const base = process.env.TEST_DATABASE_URL!;
    const name = `anjian_t_${randomBytes(5).toString('hex')}`;
    const admin = new pg.Client({ connectionString: base });
    await admin.connect();
    await admin.query(`create database ${name}`);
    await admin.query(`alter database ${name} set synchronous_commit = off`);
    const url = new URL(base);
    url.pathname = `/${name}`;
    try {
      await expect(openPostgres(url.toString())).rejects.toThrow(/synchronous_commit=off/);
      const allowed = await openPostgres(url.toString(), { allowUnsafe: true });
      await allowed.close();
    } finally {
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    }
  });
});

describe.skipIf(testEngine !== 'postgres')('queries made at once on one connection', () => {
  it('reach node-postgres one at a time, in the order made, each with its own answer, past a failed one', async () => {
    const client = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL! });
    await client.connect();
    // What node-postgres is handed: whether a query of this connection was still unanswered at that moment.
    const busy: boolean[] = [];
    let unanswered = 0;
    const handed = client.query.bind(client) as (...args: unknown[]) => Promise<unknown>;
    (client as unknown as { query: unknown }).query = (...args: unknown[]) => {
      busy.push(unanswered > 0);
      unanswered++;
      return handed(...args).finally(() => unanswered--);
    };
    queueQueriesInOrder(client as pg.PoolClient);
    try {
      await client.query('begin');
      const n = (r: pg.QueryResult) => r.rows[0].n as number;
      const answers = await Promise.all([
        client.query('select 1 as n from pg_sleep(0.05)'),
        client.query('select 2 as n'),
        client.query('select $1::int as n', [3]),
      ]);
      expect(answers.map(n)).toEqual([1, 2, 3]);
      const [failed, rolledBack, after] = await Promise.allSettled([
        client.query('select 1/0'),
        client.query('rollback'),
        client.query('select 4 as n'),
      ]);
      expect(failed.status).toBe('rejected');
      expect(rolledBack.status).toBe('fulfilled');
      expect(after.status === 'fulfilled' && n(after.value)).toBe(4);
      expect(busy).toHaveLength(7);
      expect(busy.every((b) => !b)).toBe(true);
    } finally {
      await client.end();
    }
  });
});
