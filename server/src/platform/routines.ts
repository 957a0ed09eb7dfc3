// SQL functions and triggers as versioned source files, applied after the drizzle migrations: one file per function
// (db/functions/<name>.sql, CREATE OR REPLACE) or trigger (db/triggers/<name>.sql, DROP IF EXISTS + CREATE), the one
// place a definition lives. A file is applied when its checksum differs from the one recorded in schema_routines
// (new or edited), all in one transaction, functions before triggers, so a fresh database and an upgraded one end
// with the same definitions. Migrations before 0025 keep the definitions' history; none need copy a body again.
// A file whose change outdates data kept with it (grid_visit_interval and the due buckets computed with it) names the
// statement that brings the data up to date on a line `-- after-apply: <statement>`; it runs once the files are
// applied, in the same transaction (a migration cannot do it: migrations run before the new definition exists).
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import type { Db } from './db';
import { rowsOf } from './db';

export interface Routine {
  /** 'functions/<name>.sql' or 'triggers/<name>.sql'. */
  name: string;
  text: string;
  checksum: string;
}

export const routineKinds = ['functions', 'triggers'] as const;

/** Any transaction-scoped advisory-lock key of our own: instances migrating at once apply the files one at a time. */
const LOCK_KEY = 7_263_025;

/** The files, functions first, each kind in name order. `root` holds functions/ and triggers/ (src/db, or dist/). */
export function readRoutines(root: string): Routine[] {
  return routineKinds.flatMap((kind) => {
    const dir = path.join(root, kind);
    if (!fs.existsSync(dir)) throw new Error(`SQL routines folder not found: ${dir}`);
    return fs
      .readdirSync(dir)
      .filter((f) => f.endsWith('.sql'))
      .sort()
      .map((f) => {
        const text = fs.readFileSync(path.join(dir, f), 'utf8');
        return { name: `${kind}/${f}`, text, checksum: crypto.createHash('sha256').update(text).digest('hex') };
      });
  });
}

/** A file's statements, split like drizzle's migrations on `--> statement-breakpoint`. */
export function statementsOf(text: string): string[] {
  return text
    .split('--> statement-breakpoint')
    .map((s) => s.trim())
    .filter((s) => s.split('\n').some((l) => l.trim() !== '' && !l.trim().startsWith('--')));
}

/** The statements a file's `-- after-apply:` lines name, in order. */
export function afterApplyOf(text: string): string[] {
  return [...text.matchAll(/^-- after-apply: (.+)$/gm)].map((m) => m[1]!.trim());
}

/** Applies every new or changed file; returns the names applied. */
export async function applyRoutines(db: Db, root: string): Promise<string[]> {
  const routines = readRoutines(root);
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${LOCK_KEY})`);
    await tx.execute(sql`create table if not exists schema_routines (
      name text primary key,
      checksum text not null,
      applied_at timestamptz not null default now()
    )`);
    // Functions call each other; bodies are checked when they run, not in the order the files are applied.
    await tx.execute(sql`set local check_function_bodies = off`);
    const recorded = new Map(
      rowsOf<{ name: string; checksum: string }>(await tx.execute(sql`select name, checksum from schema_routines`)).map((r) => [
        r.name,
        r.checksum,
      ]),
    );
    const applied: string[] = [];
    const afterApply = new Set<string>();
    for (const r of routines) {
      if (recorded.get(r.name) === r.checksum) continue;
      for (const statement of statementsOf(r.text)) await tx.execute(sql.raw(statement));
      await tx.execute(sql`insert into schema_routines (name, checksum) values (${r.name}, ${r.checksum})
                           on conflict (name) do update set checksum = excluded.checksum, applied_at = now()`);
      applied.push(r.name);
      for (const statement of afterApplyOf(r.text)) afterApply.add(statement);
    }
    for (const statement of afterApply) await tx.execute(sql.raw(statement));
    return applied;
  });
}
