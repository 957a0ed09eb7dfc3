// Rows that copy an enterprise's scope columns (area_code, sector, park_id) so that the scope predicate is one indexed
// WHERE follow the enterprise when it moves street, industry or park (an enterprise.update event whose `changed`
// names one of them). Each capability's consumer lists its own tables; the copy is taken from the enterprise as it
// stands when the consumer runs, so a late or repeated delivery converges, and only rows that differ are written.
import { getTableName, sql, type Table } from 'drizzle-orm';
import { rowsOf, type Tx } from './db';
import type { DomainEvent } from './queue';

const SCOPE_FIELDS = ['areaCode', 'sector', 'parkId'];

/** True for an enterprise.update that changed where the enterprise is supervised. */
export function isEnterpriseMove(e: DomainEvent): boolean {
  const changed = (e.payload as { changed?: string[] } | null)?.changed ?? [];
  return e.type === 'enterprise.update' && changed.some((f) => SCOPE_FIELDS.includes(f));
}

/** Copies the enterprise's current scope onto its rows in `tables` (each with enterprise_id, area_code, sector,
 * park_id); answers how many rows changed. */
export async function followEnterpriseScope(tx: Tx, e: DomainEvent, tables: Table[]): Promise<number> {
  if (!isEnterpriseMove(e)) return 0;
  let n = 0;
  for (const table of tables) {
    const moved = rowsOf<{ one: number }>(
      await tx.execute(sql`
        update ${sql.identifier(getTableName(table))} x
           set area_code = ent.area_code, sector = ent.sector, park_id = ent.park_id
          from enterprises ent
         where ent.id = ${e.entityId} and x.enterprise_id = ent.id
           and (x.area_code <> ent.area_code or x.sector is distinct from ent.sector or x.park_id is distinct from ent.park_id)
        returning 1 as one`),
    );
    n += moved.length;
  }
  return n;
}
