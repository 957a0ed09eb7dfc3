// Demo occupational health: 宏达五金, two dozen other enterprises of 龙城街道 and eight of 宝龙工业园区 registered as
// having hazard factors, through the real commands (so the rate cells are the ones the pages read): most declared, detected (two with a
// factor over the limit), protective equipment issued and graded, some not yet — so each rate of the seeds has a
// numerator below its denominator. 宏达五金 has three exposed workers with health checks, one of them abnormal.
// The enterprise's own records are entered by its safety manager, the 龙城 files by the street officer and the park's
// by the park station, so the park account's rates tab has its own files behind it.
import { and, asc, eq, like, ne } from 'drizzle-orm';
import { enterprises, ohWorkers } from '../db/schema';
import type { Tx } from '../platform/db';
import { addDays, cstDate } from '../platform/time';
import type { OhContext } from '../modules/occupational-health/commands/context';
import { registerProfile } from '../modules/occupational-health/commands/register-profile';
import { recordDeclaration } from '../modules/occupational-health/commands/record-declaration';
import { recordDetection } from '../modules/occupational-health/commands/record-detection';
import { recordPpe } from '../modules/occupational-health/commands/record-ppe';
import { setGrade } from '../modules/occupational-health/commands/set-grade';
import { addWorker } from '../modules/occupational-health/commands/add-worker';
import { recordCheck } from '../modules/occupational-health/commands/record-check';
import { demoActor, demoParkUnits } from './hazards';
import { demoIdNumber } from './people';

const FACTORS = [
  { factor: '金属粉尘', category: 'dust' as const },
  { factor: '噪声', category: 'physical' as const },
  { factor: '苯', category: 'chemical' as const },
];

export async function seedDemoOccupationalHealth(tx: Tx, streetCode: string, hongdaId: string, vaultKey: string): Promise<void> {
  const today = cstDate();
  const street: OhContext = { actor: await demoActor(tx, 'street'), ip: null, vaultKey };
  const ent: OhContext = { actor: await demoActor(tx, 'ent_safety'), ip: null, vaultKey };
  const park: OhContext = { actor: await demoActor(tx, 'park'), ip: null, vaultKey };
  const others = await tx
    .select({ id: enterprises.id })
    .from(enterprises)
    .where(and(like(enterprises.areaCode, `${streetCode}%`), ne(enterprises.id, hongdaId), eq(enterprises.sector, 'machinery')))
    .orderBy(asc(enterprises.creditCode))
    .limit(24);
  const inPark = await demoParkUnits(tx, 8);
  const files = [
    { id: hongdaId, ctx: ent },
    ...others.map((e) => ({ id: e.id, ctx: street })),
    ...inPark.map((e) => ({ id: e.id, ctx: park })),
  ];
  for (const [i, f] of files.entries()) {
    let { version } = await registerProfile(tx, f.ctx, { enterpriseId: f.id });
    const factors = FACTORS.slice(0, 1 + (i % 3));
    if (i % 12 === 11) continue; // registered, nothing declared yet
    ({ version } = await recordDeclaration(tx, f.ctx, f.id, {
      version,
      declaredOn: addDays(today, -40 - i * 7),
      items: factors.map((x, k) => ({ ...x, exposed: 4 + ((i + k) % 9) })),
    }));
    if (i % 6 !== 5) {
      ({ version } = await recordDetection(tx, f.ctx, f.id, {
        version,
        reportNo: `职检〔${today.slice(0, 4)}〕${String(100 + i)}号`,
        agency: '深圳市职业病防治院',
        detectedOn: addDays(today, -60 - i * 9),
        results: factors.map((x, k) => ({
          factor: x.factor,
          passed: !(i % 10 === 3 && k === 0),
          value: k === 0 ? '1.2 mg/m³' : undefined,
        })),
      }));
    }
    if (i % 8 !== 7)
      ({ version } = await recordPpe(tx, f.ctx, f.id, { version, issuedOn: addDays(today, -20 - i), item: '防尘口罩', quantity: 50 }));
    if (i % 5 !== 4) ({ version } = await setGrade(tx, f.ctx, f.id, { version, grade: i % 4 === 0 ? 'heavier' : 'general' }));
    if (f.id !== hongdaId) continue;
    const workers = [
      { name: '周立新', birth: '1985-03-14', post: '抛光工' },
      { name: '吴海龙', birth: '1990-11-02', post: '打磨工' },
      { name: '郑玉梅', birth: '1979-07-25', post: '喷涂工' },
    ];
    for (const [k, w] of workers.entries()) {
      await addWorker(tx, ent, f.id, {
        version,
        name: w.name,
        idNumber: demoIdNumber(w.birth, 700 + k),
        post: w.post,
        factors: factors.map((x) => x.factor),
        employedFrom: '2021-03-01',
      });
      version++; // each worker added is a new version of the file
    }
    const rows = await tx.select().from(ohWorkers).where(eq(ohWorkers.enterpriseId, f.id)).orderBy(asc(ohWorkers.name));
    for (const [k, w] of rows.slice(0, 2).entries()) {
      await recordCheck(tx, ent, w.id, {
        version: w.version,
        kind: 'periodic',
        checkedOn: addDays(today, -90 - k * 3),
        result: k === 0 ? 'normal' : 'other_abnormal',
        institution: '龙岗区职业病防治院',
      });
    }
  }
}
