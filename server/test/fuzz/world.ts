// The fuzz suite's world: the demo district (one account per role, enterprises, hazards, risks, accidents-free
// enforcement data) on a fresh test database, a logged-in client per role, pools of real ids and area codes,
// and a change counter — a row trigger on every table but the audit log and sessions — so a refused request
// that changed data is caught on the request itself.
import { sql } from 'drizzle-orm';
import type { Role } from '@anjian/contracts';
import { rowsOf } from '../../src/platform/db';
import { seedDemo, DEMO_PASSWORD } from '../../src/seed/demo';
import { buildUser, fastArgon2 } from '../../src/seed/factories';
import { buildTestApp, loginAs, type Client, type TestApp } from '../app';
import type { Pools } from './schema-arbitraries';

export interface FuzzWorld {
  t: TestApp;
  clients: Map<Role, Client>;
  pools: Pools;
  /** Per-table row changes since the last call. */
  changes(): Promise<Map<string, number>>;
}

/** Tables whose rows legitimately change on refused requests: the audit trail, its chain and session bookkeeping. */
const UNCOUNTED = new Set(['audit_log', 'audit_chain', 'audit_chain_gaps', 'sessions', 'fuzz_changes', '__drizzle_migrations']);

export async function buildFuzzWorld(): Promise<FuzzWorld> {
  const t = await buildTestApp();
  const db = t.database.db;
  const logins = await seedDemo(db, fastArgon2, { enterprises: 150 });
  const clients = new Map<Role, Client>();
  for (const l of logins) if (!clients.has(l.role)) clients.set(l.role, await loginAs(t.app, l.username, DEMO_PASSWORD));
  // Accounts the fuzzer may edit, disable or unlock; the callers' own accounts are kept out of the id pools.
  const bureau = await db.query.organisations.findFirst({ where: (o, { eq }) => eq(o.kind, 'bureau') });
  for (let i = 0; i < 3; i++) await buildUser(db, { role: 'district_officer', org: bureau ?? null, username: `fuzz_victim_${i}` });
  const callerIds = new Set(
    rowsOf<{ id: string }>(await db.execute(sql`select id::text as id from users where username not like 'fuzz_victim_%'`)).map(
      (r) => r.id,
    ),
  );

  const tables = rowsOf<{ table_name: string; has_uuid_id: boolean }>(
    await db.execute(sql`
      select t.table_name,
             exists (select 1 from information_schema.columns c
                     where c.table_schema = 'public' and c.table_name = t.table_name and c.column_name = 'id' and c.data_type = 'uuid') as has_uuid_id
        from information_schema.tables t
       where t.table_schema = 'public' and t.table_type = 'BASE TABLE'`),
  );
  const ids = new Map<string, string[]>();
  const all: string[] = [];
  for (const { table_name, has_uuid_id } of tables) {
    if (!has_uuid_id || table_name === 'sessions') continue;
    const only = table_name === 'users' ? sql`where username like 'fuzz_victim_%'` : sql``;
    const rows = rowsOf<{ id: string }>(
      await db.execute(sql`select id::text as id from ${sql.identifier(table_name)} ${only} order by ctid limit 12`),
    );
    const list = rows.map((r) => r.id).filter((id) => !callerIds.has(id));
    if (list.length) ids.set(table_name, list);
    all.push(...list.slice(0, 3));
  }
  ids.set('*', all);
  // Named as the API names them (/api/enforcement/cases/:id, /api/enforcement/draws/:id, documents).
  for (const [alias, table] of [
    ['cases', 'penalty_cases'],
    ['draws', 'enforcement_draws'],
    ['documents', 'enforcement_documents'],
    ['follow-ups', 'accident_follow_ups'],
  ] as const) {
    const list = ids.get(table);
    if (list) ids.set(alias, list);
  }
  const areaCodes = rowsOf<{ code: string }>(
    await db.execute(sql`(select code from areas where level in ('district','street') order by code limit 8)
                         union all (select code from areas where level in ('community','grid') order by code limit 6)`),
  ).map((r) => r.code);

  await db.execute(sql`create table fuzz_changes (tbl text primary key, n bigint not null default 0)`);
  // Statement-level triggers with transition tables: one small upsert per statement that touched rows, cheap
  // enough for the set-based commands (check-task generation writes thousands of rows in one statement).
  await db.execute(
    sql.raw(`create function fuzz_count() returns trigger language plpgsql as $$
      declare k bigint;
      begin
        if TG_OP = 'DELETE' then select count(*) into k from old_rows; else select count(*) into k from new_rows; end if;
        if k > 0 then
          insert into fuzz_changes (tbl, n) values (TG_TABLE_NAME, k) on conflict (tbl) do update set n = fuzz_changes.n + k;
        end if;
        return null;
      end $$`),
  );
  for (const { table_name } of tables) {
    if (UNCOUNTED.has(table_name)) continue;
    for (const [event, ref] of [
      ['insert', 'new table as new_rows'],
      ['update', 'new table as new_rows'],
      ['delete', 'old table as old_rows'],
    ]) {
      await db.execute(
        sql.raw(
          `create trigger fuzz_count_${event} after ${event} on "${table_name}" referencing ${ref} for each statement execute function fuzz_count()`,
        ),
      );
    }
  }

  let last = new Map<string, number>();
  return {
    t,
    clients,
    pools: { ids, areaCodes },
    async changes() {
      const now = new Map(
        rowsOf<{ tbl: string; n: string | number }>(await db.execute(sql`select tbl, n from fuzz_changes`)).map((r) => [
          r.tbl,
          Number(r.n),
        ]),
      );
      const diff = new Map<string, number>();
      for (const [k, n] of now) if (n !== (last.get(k) ?? 0)) diff.set(k, n - (last.get(k) ?? 0));
      last = now;
      return diff;
    },
  };
}
