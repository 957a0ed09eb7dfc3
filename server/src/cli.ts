// Operator commands: migrate, load the jurisdiction, create the first administrator, verify the audit chain, seed,
// rebuild the trigger-kept aggregates and the draw pool, recompute every credit grade, render missing photo
// thumbnails, enter a year of the official holiday calendar, back up and restore.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eq, sql } from 'drizzle-orm';
import { loadConfig } from './platform/config';
import { openDatabase, rowsOf } from './platform/db';
import { recordAudit } from './platform/audit';
import { verifyAuditChain } from './platform/audit-chain';
import { checkPassword, hashPassword } from './platform/passwords';
import { areas, organisations, users } from './db/schema';
import { LONGGANG, loadDivisions } from './modules/jurisdiction/load-divisions';
import { seedDemo } from './seed/demo';
import { seedEnterprises } from './seed/enterprises';
import { seedGaoming } from './seed/gaoming';
import { rebuildRollup } from './modules/accidents/rollup';
import { settle } from './platform/maintenance';
import { rebuildEnforcementAggregates } from './modules/enforcement/stats/stats.queries';
import { backfillThumbnails } from './platform/files';
import { loadCalendarSupplement } from './platform/calendar-store';
import { importCalendarFile, listCalendar } from './modules/calendar/calendar.cli';
import { backup, restore } from './platform/backup';
import { recomputeAllSummaries } from './modules/credit/credit.recompute';
import { cstDate } from './platform/time';

function flag(name: string, argv: string[]): string | undefined {
  const hit = argv.find((a) => a.startsWith(`--${name}=`));
  return hit?.slice(name.length + 3);
}

async function run(argv: string[]) {
  const [command] = argv;
  const config = loadConfig();
  const database = await openDatabase(config);
  const { db } = database;
  try {
    await database.migrate();
    // Commands that count working days (seeding hidden dangers, generating tasks) see the deployment's supplement too.
    await loadCalendarSupplement(db, (m) => console.warn(m));
    switch (command) {
      case 'migrate':
        console.log('migrations applied');
        break;
      case 'init-areas': {
        const root = flag('root', argv) ?? '440307';
        const n = await loadDivisions(db, {
          root,
          excludeStreets: flag('exclude', argv)?.split(',').filter(Boolean),
          gridsPerCommunity: Number(flag('grids', argv) ?? 0),
        });
        console.log(`${n} areas loaded under ${root}`);
        break;
      }
      case 'create-admin': {
        const username = flag('username', argv) ?? 'admin';
        const areaCode = flag('org-area', argv) ?? '440307';
        const password = process.env.ANJIAN_ADMIN_PASSWORD ?? '';
        const broken = checkPassword(password, username);
        if (broken) throw new Error(`ANJIAN_ADMIN_PASSWORD is missing or too weak (${broken})`);
        const area = await db.query.areas.findFirst({ where: eq(areas.code, areaCode) });
        if (!area) throw new Error(`area ${areaCode} not loaded: run init-areas first`);
        const passwordHash = await hashPassword(password, config.argon2);
        await db.transaction(async (tx) => {
          let org = await tx.query.organisations.findFirst({ where: eq(organisations.areaCode, areaCode) });
          org ??= (
            await tx
              .insert(organisations)
              .values({ name: `${area.name}应急管理局`, kind: 'bureau', areaCode })
              .returning()
          )[0]!;
          const [u] = await tx
            .insert(users)
            .values({ username, displayName: '系统管理员', passwordHash, role: 'sys_admin', orgId: org.id })
            .returning();
          await recordAudit(
            tx,
            { actor: null, ip: 'cli' },
            { action: 'user.create', entityType: 'user', entityId: u!.id, after: { username, role: 'sys_admin' } },
          );
        });
        console.log(`administrator ${username} created`);
        break;
      }
      case 'audit-verify': {
        const r = await verifyAuditChain(db);
        console.log(JSON.stringify(r));
        if (!r.ok) process.exitCode = 2;
        break;
      }
      case 'seed': {
        const scale = flag('scale', argv);
        if (!scale) {
          await seedDemo(db, config.argon2, { reportVaultKey: config.reports.vaultKey, peopleVaultKey: config.people.vaultKey });
          console.log('demo data seeded');
          break;
        }
        await seedScale(database, scale, Number(flag('seed', argv) ?? 1));
        break;
      }
      case 'seed-gaoming': {
        await seedGaoming(db);
        console.log('Gaoming (440608) statistics, base data and targets loaded');
        break;
      }
      case 'rebuild-enforcement': {
        // After a bulk load that bypassed the triggers: the monthly rollup, the marks and the draw signals.
        await rebuildEnforcementAggregates(db);
        console.log('enforcement rollup, marks and draw signals rebuilt; tables settled');
        break;
      }
      case 'rebuild-accident-rollup': {
        const n = await db.transaction((tx) => rebuildRollup(tx));
        console.log(`accident rollups rebuilt: monthly ${n} rows, per-dimension by accident_dimension_rollup_rebuild()`);
        break;
      }
      case 'rebuild-grid-due': {
        // After a bulk load that bypassed the triggers, or a change of grid_visit_interval: the coverage's due buckets.
        await db.transaction((tx) => tx.execute(sql`select grid_due_counts_rebuild()`));
        await db.execute(sql`analyze grid_due_counts`);
        console.log('grid due buckets rebuilt from enterprises and grid_unit_status');
        break;
      }
      case 'rebuild-draw-pool': {
        // After a bulk load that bypassed the enterprise triggers, or a repair: the 双随机 draw's pool table.
        const started = Date.now();
        await db.transaction((tx) => tx.execute(sql`select enterprise_draw_pool_rebuild()`));
        await settle(db, ['enterprise_draw_pool']);
        const [row] = rowsOf<{ n: number }>(await db.execute(sql`select count(*)::int as n from enterprise_draw_pool`));
        console.log(
          `draw pool rebuilt from enterprises: ${(row?.n ?? 0).toLocaleString('en')} live, operating enterprises in ${((Date.now() - started) / 1000).toFixed(1)} s`,
        );
        break;
      }
      case 'recompute-credit': {
        // Every credit summary (grade, score) from its entries under the current scheme, set-based in batches.
        const today = flag('today', argv) ?? cstDate();
        const day = new Date(`${today}T00:00:00Z`);
        if (!/^\d{4}-\d{2}-\d{2}$/.test(today) || Number.isNaN(day.getTime()) || day.toISOString().slice(0, 10) !== today) {
          throw new Error('--today must be a date, YYYY-MM-DD');
        }
        const batch = flag('batch', argv);
        if (batch !== undefined && !(Number.isInteger(Number(batch)) && Number(batch) > 0))
          throw new Error('--batch must be a positive whole number');
        const started = Date.now();
        const r = await recomputeAllSummaries(db, today, {
          batchSize: batch === undefined ? undefined : Number(batch),
          onProgress: (k) => process.stdout.write(`\r${k.toLocaleString('en')} enterprises`),
        });
        console.log(
          `\n${r.enterprises.toLocaleString('en')} credit summaries recomputed as of ${today} in ${((Date.now() - started) / 1000).toFixed(1)} s (${r.gradesChanged.toLocaleString('en')} grades changed)`,
        );
        break;
      }
      case 'thumbnails': {
        const r = await backfillThumbnails(db, config.dataDir, config.images, {
          all: argv.includes('--all'),
          onProgress: (k) => process.stdout.write(`\r${k} photos`),
        });
        console.log(`\nthumbnails rendered: ${r.rendered}, skipped (unreadable, too large or undecodable): ${r.skipped}`);
        break;
      }
      case 'calendar-import': {
        const file = flag('file', argv);
        if (!file) throw new Error('--file=<year>.json|.csv is required');
        const y = await importCalendarFile(db, fs.readFileSync(file, 'utf8'), file, {
          year: flag('year', argv) === undefined ? undefined : Number(flag('year', argv)),
          noticeTitle: flag('title', argv),
          noticeNumber: flag('number', argv),
          replacesPackage: argv.includes('--replaces-package'),
          by: `cli:${os.userInfo().username}`,
        });
        console.log(`${y.year}: ${y.holidays.length} days off, ${y.workdays.length} make-up working days entered (${y.noticeNumber})`);
        break;
      }
      case 'calendar-list':
        for (const line of await listCalendar(db)) console.log(line);
        break;
      case 'backup': {
        const out = flag('out', argv);
        if (!out) throw new Error('--out=<new directory> is required');
        const m = await backup(db, { engine: database.engine, dataDir: config.dataDir, out: path.resolve(out) });
        console.log(
          `backup of ${m.tables.length} tables (${m.tables.reduce((n, t) => n + t.rows, 0)} rows) and ${m.files} files in ${out}`,
        );
        break;
      }
      case 'restore': {
        const from = flag('from', argv);
        if (!from) throw new Error('--from=<backup directory> is required');
        const m = await restore(db, { dataDir: config.dataDir, from: path.resolve(from) });
        console.log(
          `restored ${m.tables.length} tables (checksums equal) and ${m.files} files from ${from} (made ${m.createdAt} on ${m.engine})`,
        );
        break;
      }
      default:
        console.log(
          'usage: cli <migrate|init-areas|create-admin|audit-verify|seed [--scale=district|city|province] [--seed=n]|seed-gaoming|rebuild-enforcement|rebuild-accident-rollup|rebuild-grid-due|rebuild-draw-pool|recompute-credit [--today=] [--batch=]|thumbnails [--all]|backup --out=<dir>|restore --from=<dir>|calendar-list|calendar-import --file=<year>.json|.csv [--year=] [--title=] [--number=] [--replaces-package]> [--flags]',
        );
        process.exitCode = 1;
    }
  } finally {
    await database.close();
  }
}

/** Volume data for load tests: enterprises under the loaded areas (龙岗区 is loaded when none are). */
const SCALES: Record<string, number> = { district: 20_000, city: 200_000, province: 1_000_000 };

async function seedScale(database: Awaited<ReturnType<typeof openDatabase>>, scale: string, seed: number) {
  const count = SCALES[scale];
  if (!count) throw new Error(`--scale must be one of ${Object.keys(SCALES).join(', ')}`);
  if (scale === 'province' && database.engine === 'pglite') {
    throw new Error('--scale=province (1,000,000 enterprises) needs PostgreSQL: set DATABASE_URL');
  }
  const { db } = database;
  if (!(await db.query.areas.findFirst({ where: eq(areas.level, 'community') }))) {
    await loadDivisions(db, { ...LONGGANG, excludeStreets: [...LONGGANG.excludeStreets], gridsPerCommunity: 2 });
  }
  const started = Date.now();
  const n = await seedEnterprises(db, {
    count,
    seed,
    batchSize: database.engine === 'postgres' ? 5000 : 2000,
    onProgress: (k) => process.stdout.write(`\r${k.toLocaleString('en')} / ${count.toLocaleString('en')}`),
  });
  // A bulk path leaves its tables settled (platform/maintenance.ts): the first search after a seed is a fast one.
  await settle(db, ['enterprises', 'enterprise_counts', 'enterprise_draw_pool']);
  console.log(
    `\n${n.toLocaleString('en')} enterprises inserted and settled in ${((Date.now() - started) / 1000).toFixed(1)} s (seed ${seed})`,
  );
  if (n < count) console.log('Some codes already existed (same seed as an earlier run): pass --seed=<n> for new ones.');
}

run(process.argv.slice(2)).catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
