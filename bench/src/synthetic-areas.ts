// The synthetic jurisdiction several province-scale scenarios build on: one province, one city, 90 districts
// (440310–440399) with one street each. Idempotent, so a scenario may reuse a database it filled before.
import { sql } from 'drizzle-orm';
import type { Database } from '../../server/src/platform/db';

export async function syntheticAreas(d: Database): Promise<void> {
  await d.db.execute(sql`
    insert into areas (code, name, level, parent_code, prefix) values
      ('440000', '省', 'province', null, '44'), ('440300', '市', 'city', '440000', '4403') on conflict do nothing`);
  await d.db.execute(sql`
    insert into areas (code, name, level, parent_code, prefix)
    select '4403' || g, '区' || g, 'district', '440300', '4403' || g from generate_series(10, 99) g
    union all
    select '4403' || g || '001', '街道' || g, 'street', '4403' || g, '4403' || g || '001' from generate_series(10, 99) g
    on conflict do nothing`);
}
