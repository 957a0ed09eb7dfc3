// Settings a big statement changes for its own transaction (SET LOCAL), written so one statement serves every
// PostgreSQL-derived database: KingbaseES, HighGo and openGauss name some settings differently or lack them (openGauss
// has no `jit` and sets parallelism with `query_dop`), and setting one a database does not have is an error.
import { sql, type SQL } from 'drizzle-orm';

/**
 * `set_config(name, value, true)` for each setting the database has, in one statement; run it inside the
 * transaction of the statement it is for. It reads pg_settings (about a millisecond), so it suits statements that
 * take far longer, not a request's every query.
 */
export function setLocalWhereKnown(settings: Record<string, string>): SQL {
  const pairs = sql.join(
    Object.entries(settings).map(([name, value]) => sql`(${name}::text, ${value}::text)`),
    sql`, `,
  );
  return sql`select set_config(s.name, s.value, true)
    from (values ${pairs}) s(name, value)
   where exists (select 1 from pg_settings p where p.name = s.name)`;
}
