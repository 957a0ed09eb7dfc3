// SQL functions and triggers live in db/functions and db/triggers, applied by the migration runner: a fresh database
// and one migrated before the files existed end with the same definitions; every function and trigger in the
// database has its file; a file is re-applied when (and only when) its checksum changes.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { openTestDatabase } from '../../test/db';
import { rowsOf, routinesRoot, type Database, type Db } from './db';
import { afterApplyOf, applyRoutines, readRoutines, statementsOf } from './routines';

async function definitions(db: Db) {
  const functions = rowsOf<{ name: string; def: string }>(
    await db.execute(sql`select p.proname as name, pg_get_functiondef(p.oid) as def
                           from pg_proc p join pg_namespace n on n.oid = p.pronamespace
                          where n.nspname = 'public' and p.prokind = 'f' order by 1, 2`),
  );
  const triggers = rowsOf<{ name: string; def: string }>(
    await db.execute(sql`select t.tgname as name, pg_get_triggerdef(t.oid) as def, t.tgenabled as enabled
                           from pg_trigger t join pg_class c on c.oid = t.tgrelid
                           join pg_namespace n on n.oid = c.relnamespace
                          where n.nspname = 'public' and not t.tgisinternal order by 1`),
  );
  return { functions, triggers };
}

const fileNames = (kind: string) =>
  readRoutines(routinesRoot())
    .filter((r) => r.name.startsWith(`${kind}/`))
    .map((r) => path.basename(r.name, '.sql'))
    .sort();

describe('SQL routines from versioned files', () => {
  let fresh: Database;
  let existing: Database;
  beforeAll(async () => {
    fresh = await openTestDatabase();
    existing = await openTestDatabase({ migrate: 'tables' });
  }, 240_000);
  afterAll(async () => {
    await fresh?.close();
    await existing?.close();
  });

  it('gives every function and trigger in the database its one file', async () => {
    const { functions, triggers } = await definitions(fresh.db);
    expect([...new Set(functions.map((f) => f.name))].sort()).toEqual(fileNames('functions'));
    expect(triggers.map((t) => t.name).sort()).toEqual(fileNames('triggers'));
  });

  it('ends a database migrated before the files with the same definitions as a fresh one', async () => {
    await existing.migrate();
    expect(await definitions(existing.db)).toEqual(await definitions(fresh.db));
  });

  it('re-applies a file only when its checksum changed', async () => {
    const db = fresh.db;
    const stamp = async () =>
      rowsOf<{ name: string; at: string }>(await db.execute(sql`select name, applied_at::text as at from schema_routines order by name`));
    const before = await stamp();
    expect(before.map((r) => r.name)).toEqual(
      readRoutines(routinesRoot())
        .map((r) => r.name)
        .sort(),
    );
    expect(await applyRoutines(db, routinesRoot())).toEqual([]);
    expect(await stamp()).toEqual(before);

    // A deployment whose function is an older body (0017's, before 0023 added the draw-signal refresh) and whose
    // recorded checksum is not the file's, as after an edit of the file: the file's body comes back.
    const file = 'functions/enforcement_track_cases.sql';
    const old = fs
      .readFileSync(path.join(routinesRoot(), 'migrations/0017_enforcement_stats_draw_marks.sql'), 'utf8')
      .split('--> statement-breakpoint')
      .find((s) => s.includes('CREATE OR REPLACE FUNCTION enforcement_track_cases'))!;
    const want = (await definitions(db)).functions.find((f) => f.name === 'enforcement_track_cases')!.def;
    for (const s of statementsOf(old)) await db.execute(sql.raw(s));
    await db.execute(sql`update schema_routines set checksum = 'edited' where name = ${file}`);
    expect((await definitions(db)).functions.find((f) => f.name === 'enforcement_track_cases')!.def).not.toEqual(want);
    expect(await applyRoutines(db, routinesRoot())).toEqual([file]);
    expect((await definitions(db)).functions.find((f) => f.name === 'enforcement_track_cases')!.def).toEqual(want);
  });

  it("runs a file's after-apply statement when the file is applied, and not when it is unchanged", async () => {
    const db = fresh.db;
    const file = 'functions/grid_visit_interval.sql';
    expect(afterApplyOf(readRoutines(routinesRoot()).find((r) => r.name === file)!.text)).toEqual(['select grid_due_counts_rebuild()']);
    // A bucket the rebuild would not make: gone once the file is applied again, as after an edit of the intervals.
    const stale = sql`insert into grid_due_counts (area_len, area_code, due_month, due_in_visit_month, n) values (9, 'stale', '2000-01', false, 7)`;
    const staleLeft = async () => rowsOf(await db.execute(sql`select 1 from grid_due_counts where area_code = 'stale'`)).length;
    await db.execute(stale);
    expect(await applyRoutines(db, routinesRoot())).toEqual([]);
    expect(await staleLeft()).toBe(1);
    await db.execute(sql`update schema_routines set checksum = 'edited' where name = ${file}`);
    expect(await applyRoutines(db, routinesRoot())).toEqual([file]);
    expect(await staleLeft()).toBe(0);
  });
});
