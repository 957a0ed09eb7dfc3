// Engine-neutral backup and restore: every table of the application schema as JSON lines (one row_to_json per row,
// read in one repeatable-read snapshot), the uploaded files, and a manifest with each table's row count and checksum.
// The same dump loads into PGlite or a PostgreSQL server, so a deployment can move between the two engines; the
// checksums prove the restored tables identical.
//
//   DIR/manifest.json        format, schema version (the last migration), per table: rows and checksum
//   DIR/tables/<table>.jsonl one JSON object per row
//   DIR/files/               the data directory's uploaded files, as they are
//
// Restoring loads into a freshly migrated, empty database (no accounts, no audit entries): it migrates the target,
// then per table (parents before children by foreign key) clears what migrations seeded and inserts the rows with the
// table's own triggers disabled — the rows already hold what the aggregate triggers would add, and the audit log's
// append-only trigger must not see the load — then sets every sequence past the highest id and compares checksums.
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { sql } from 'drizzle-orm';
import { rowsOf, type Db, type DbOrTx, type Tx } from './db';

export const BACKUP_FORMAT = 'anjian-backup/1';
const BATCH = 1000;

export interface TableManifest {
  name: string;
  rows: number;
  checksum: string;
}

export interface BackupManifest {
  format: string;
  createdAt: string;
  engine: string;
  /** The last migration applied: a dump restores only into the same schema version. */
  schemaVersion: string;
  tables: TableManifest[];
  files: number;
}

const ident = (name: string) => sql.raw(`"${name.replace(/"/g, '""')}"`);

/** The application's tables (schema public), parents before children by foreign key. */
export async function applicationTables(db: DbOrTx): Promise<string[]> {
  const tables = rowsOf<{ name: string }>(
    await db.execute(sql`select tablename as name from pg_tables where schemaname = 'public' order by tablename`),
  ).map((r) => r.name);
  const edges = rowsOf<{ child: string; parent: string }>(
    await db.execute(sql`select c.relname as child, p.relname as parent
      from pg_constraint k join pg_class c on c.oid = k.conrelid join pg_class p on p.oid = k.confrelid
      join pg_namespace n on n.oid = c.relnamespace
      where k.contype = 'f' and n.nspname = 'public' and c.relname <> p.relname`),
  );
  const ordered: string[] = [];
  const seen = new Set<string>();
  const visit = (t: string, stack: Set<string>) => {
    if (seen.has(t)) return;
    if (stack.has(t)) throw new Error(`foreign keys form a cycle through ${t}: cannot order the restore`);
    stack.add(t);
    for (const e of edges) if (e.child === t) visit(e.parent, stack);
    stack.delete(t);
    seen.add(t);
    ordered.push(t);
  };
  for (const t of tables) visit(t, new Set());
  return ordered;
}

/** md5 over the table's rows as text, sorted, in UTC: equal on both engines exactly when the rows are equal. */
export async function tableChecksum(tx: Tx, table: string): Promise<string> {
  await tx.execute(sql`set local timezone = 'UTC'`);
  const [r] = rowsOf<{ sum: string }>(
    await tx.execute(
      sql`select md5(coalesce(string_agg(x, E'\n' order by x), '')) as sum from (select t::text as x from ${ident(table)} t) s`,
    ),
  );
  return r!.sum;
}

export async function tableChecksums(db: Db): Promise<Record<string, string>> {
  return db.transaction(async (tx) => {
    const out: Record<string, string> = {};
    for (const t of await applicationTables(tx)) out[t] = await tableChecksum(tx, t);
    return out;
  });
}

async function schemaVersion(db: DbOrTx): Promise<string> {
  const [r] = rowsOf<{ n: number; last: string | null }>(
    await db.execute(sql`select count(*)::int as n, max(created_at)::text as last from drizzle.__drizzle_migrations`),
  );
  return `${r!.n}:${r!.last}`;
}

function copyTree(from: string, to: string): number {
  if (!fs.existsSync(from)) return 0;
  fs.cpSync(from, to, { recursive: true, errorOnExist: true, force: false });
  return fs.readdirSync(to, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).length;
}

export async function backup(db: Db, opts: { engine: string; dataDir: string; out: string }): Promise<BackupManifest> {
  if (fs.existsSync(opts.out) && fs.readdirSync(opts.out).length > 0) throw new Error(`${opts.out} is not empty`);
  fs.mkdirSync(path.join(opts.out, 'tables'), { recursive: true });
  const manifest = await db.transaction(
    async (tx) => {
      const tables: TableManifest[] = [];
      for (const name of await applicationTables(tx)) {
        const fd = fs.openSync(path.join(opts.out, 'tables', `${name}.jsonl`), 'w');
        let rows = 0;
        try {
          // ctid pages the table without a key of its own; the snapshot keeps it stable for the whole dump.
          let after = '(0,0)';
          for (;;) {
            const page = rowsOf<{ k: string; j: string }>(
              await tx.execute(
                sql`select ctid::text as k, row_to_json(t)::text as j from ${ident(name)} t where ctid > ${after}::tid order by ctid limit ${BATCH}`,
              ),
            );
            if (page.length === 0) break;
            fs.writeSync(fd, page.map((r) => r.j).join('\n') + '\n');
            rows += page.length;
            after = page[page.length - 1]!.k;
          }
        } finally {
          fs.closeSync(fd);
        }
        tables.push({ name, rows, checksum: await tableChecksum(tx, name) });
      }
      return { tables, schemaVersion: await schemaVersion(tx) };
    },
    { isolationLevel: 'repeatable read', accessMode: 'read only' },
  );
  // Files after the snapshot: a file uploaded meanwhile is extra (unreferenced), never missing.
  const files = copyTree(path.join(opts.dataDir, 'files'), path.join(opts.out, 'files'));
  const out: BackupManifest = {
    format: BACKUP_FORMAT,
    createdAt: new Date().toISOString(),
    engine: opts.engine,
    schemaVersion: manifest.schemaVersion,
    tables: manifest.tables,
    files,
  };
  fs.writeFileSync(path.join(opts.out, 'manifest.json'), JSON.stringify(out, null, 2));
  return out;
}

async function* jsonLines(file: string): AsyncGenerator<string[]> {
  const lines = readline.createInterface({ input: fs.createReadStream(file, 'utf8'), crlfDelay: Infinity });
  let batch: string[] = [];
  for await (const line of lines) {
    if (line === '') continue;
    batch.push(line);
    if (batch.length >= BATCH) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length) yield batch;
}

/** Columns a row may be inserted into (generated columns are computed by the database). */
async function insertableColumns(tx: Tx, table: string): Promise<string[]> {
  return rowsOf<{ c: string }>(
    await tx.execute(sql`select column_name as c from information_schema.columns
      where table_schema = 'public' and table_name = ${table} and is_generated = 'NEVER' order by ordinal_position`),
  ).map((r) => r.c);
}

/** Every sequence owned by a column is set past the column's highest value. */
async function resetSequences(tx: Tx, table: string) {
  const owned = rowsOf<{ col: string; seq: string }>(
    await tx.execute(sql`select a.attname as col, s.relname as seq from pg_depend d
      join pg_class s on s.oid = d.objid and s.relkind = 'S'
      join pg_class t on t.oid = d.refobjid join pg_attribute a on a.attrelid = t.oid and a.attnum = d.refobjsubid
      join pg_namespace n on n.oid = t.relnamespace
      where n.nspname = 'public' and t.relname = ${table}`),
  );
  for (const o of owned) {
    await tx.execute(
      sql`select setval(${`public."${o.seq}"`}::regclass, coalesce((select max(${ident(o.col)}) from ${ident(table)}), 0) + 1, false)`,
    );
  }
}

export async function restore(db: Db, opts: { dataDir: string; from: string }): Promise<BackupManifest> {
  const manifest = JSON.parse(fs.readFileSync(path.join(opts.from, 'manifest.json'), 'utf8')) as BackupManifest;
  if (manifest.format !== BACKUP_FORMAT) throw new Error(`${opts.from}: not an Anjian backup (${String(manifest.format)})`);
  const version = await schemaVersion(db);
  if (version !== manifest.schemaVersion) {
    throw new Error(`the backup is of schema ${manifest.schemaVersion}, this database is at ${version}: restore with the same release`);
  }
  const filesDir = path.join(opts.dataDir, 'files');
  if (fs.existsSync(filesDir) && fs.readdirSync(filesDir).length > 0)
    throw new Error(`${filesDir} is not empty: restore into a new data directory`);
  await db.transaction(async (tx) => {
    const [used] = rowsOf<{ n: number }>(
      await tx.execute(sql`select ((select count(*) from users) + (select count(*) from audit_log))::int as n`),
    );
    if (used!.n > 0) throw new Error('the database already holds accounts or audit entries: restore into a new, empty database');
    const tables = await applicationTables(tx);
    const known = new Set(tables);
    const missing = manifest.tables.filter((t) => !known.has(t.name)).map((t) => t.name);
    if (missing.length) throw new Error(`tables in the backup but not in this schema: ${missing.join(', ')}`);
    for (const t of tables) await tx.execute(sql`alter table ${ident(t)} disable trigger user`);
    // Children first when clearing what the migrations seeded; parents first when loading.
    for (const t of [...tables].reverse()) await tx.execute(sql`delete from ${ident(t)}`);
    for (const t of manifest.tables) {
      const cols = sql.raw((await insertableColumns(tx, t.name)).map((c) => `"${c.replace(/"/g, '""')}"`).join(', '));
      const file = path.join(opts.from, 'tables', `${t.name}.jsonl`);
      if (!fs.existsSync(file)) throw new Error(`${file} is missing`);
      for await (const batch of jsonLines(file)) {
        await tx.execute(
          sql`insert into ${ident(t.name)} (${cols}) select ${cols} from json_populate_recordset(null::${ident(t.name)}, ${`[${batch.join(',')}]`}::json)`,
        );
      }
      await resetSequences(tx, t.name);
    }
    for (const t of tables) await tx.execute(sql`alter table ${ident(t)} enable trigger user`);
    for (const t of manifest.tables) {
      const sum = await tableChecksum(tx, t.name);
      if (sum !== t.checksum) throw new Error(`table ${t.name}: checksum ${sum} differs from the backup's ${t.checksum}`);
    }
  });
  copyTree(path.join(opts.from, 'files'), filesDir);
  return manifest;
}
