// Temporary probe (not committed): per-kind timings of the list mix, direct SQL, one at a time.
import { sql } from 'drizzle-orm';
import { findEnterprises } from '../../server/src/modules/enterprises/enterprises.queries';
import type { EnterpriseListQuery } from '@anjian/contracts';
import { actorFor, openDirect } from './direct';
import { rowsOf } from '../../server/src/platform/db';
const direct = await openDirect({ databaseUrl: 'postgres://root@127.0.0.1:5432/anjian_bench_province' });
const actor = await actorFor(direct, process.argv[2] ?? 'officer');
const [st] = rowsOf<{ code: string }>(await direct.db.execute(sql`select code from areas where level = 'street' and code like '440307%' order by code limit 1`));
const mix: [string, Partial<EnterpriseListQuery>][] = [
  ['page1', {}], ['page500', { page: 500 }], ['byName', { sort: 'name' }],
  ...['五金', '机械', '科技', '宏达', '电子', '塑胶', '印刷', '家具'].map((f) => [`q=${f}`, { q: f }] as [string, Partial<EnterpriseListQuery>]),
  ['q=科技 p50', { q: '科技', page: 50 }], ['code', { q: '91440307MA5' }], ['street', { areaCode: st!.code }],
  ['street+五金', { areaCode: st!.code, q: '五金' }], ['machinery key', { sector: 'machinery', keyOnly: true }],
];
const all: number[] = [];
for (const [name, q] of mix) {
  const times: number[] = [];
  for (let i = 0; i < 7; i++) {
    const t0 = performance.now();
    await findEnterprises(direct.db, actor, { page: 1, pageSize: 20, sort: '-updatedAt', ...q } as EnterpriseListQuery);
    times.push(performance.now() - t0);
  }
  all.push(...times.slice(1));
  times.sort((a, b) => a - b);
  console.log(name.padEnd(16), 'med', times[3]!.toFixed(1).padStart(7), 'max', times[6]!.toFixed(1).padStart(7));
}
all.sort((a, b) => a - b);
console.log('ALL p50', all[Math.floor(all.length * 0.5)]!.toFixed(1), 'p95', all[Math.floor(all.length * 0.95)]!.toFixed(1), 'n', all.length);
await direct.close();
