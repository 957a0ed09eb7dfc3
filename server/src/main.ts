// Starts the platform: open and migrate the database, seed the demo district when asked,
// serve the API and the web app on one port, and shut down cleanly on SIGINT/SIGTERM.
import { sql } from 'drizzle-orm';
import { roleLabels } from '@anjian/contracts';
import { buildApp } from './app';
import { loadConfig } from './platform/config';
import { stdoutLog } from './platform/logging';
import { openDatabase } from './platform/db';
import { users } from './db/schema';
import { DEMO_PASSWORD, demoLogins, isSeeded, seedDemo } from './seed/demo';
import { consumeBacklog, JobQueue } from './platform/queue';
import { chainAuditLog } from './platform/audit-chain';
import { channelsFrom } from './modules/notifications/notifications.channels';
import { notificationsConsumer } from './modules/notifications/notifications.consumer';
import { accidentsConsumer } from './modules/accidents/accidents.consumer';
import { emergencyConsumer } from './modules/emergency/emergency.consumer';
import { planReminderJob } from './modules/emergency/plans.job';
import { insuranceConsumer } from './modules/insurance/insurance.consumer';
import { insuranceReminderJob } from './modules/insurance/insurance.job';
import { creditConsumer } from './modules/credit/credit.consumer';
import { creditDailyJob } from './modules/credit/credit.job';
import { accidentFreeJob } from './modules/credit/accident-free.job';
import { deliverPending } from './modules/notifications/notifications.delivery';
import { certificateDueJob, digestJob, hazardDeadlineJob, reportDeadlineJob } from './modules/notifications/notifications.job';
import { peopleSummaryJob } from './modules/people/people.job';
import { peopleConsumer } from './modules/people/people.consumer';
import { trainingConsumer } from './modules/training/training.consumer';
import { publicityConsumer } from './modules/publicity/publicity.consumer';
import { publicityTipJob } from './modules/publicity/publicity.tips';
import { ohLapseJob } from './modules/occupational-health/occupational-health.job';
import { occupationalHealthConsumer } from './modules/occupational-health/occupational-health.consumer';
import { detectionDueJob } from './modules/notifications/notifications.occupational-health';
import { trainingSummaryJob } from './modules/training/training.job';
import { bulletinsConsumer } from './modules/workplans/bulletins.consumer';
import { generateCheckTasksJob } from './modules/checks/checks.job';
import { workReportDeadlineJob } from './modules/notifications/notifications.workplans';
import { dutyReminderJob } from './modules/notifications/notifications.duties';
import { warningsDailyJob } from './modules/warnings/warnings.job';
import { tableMaintenanceJob } from './platform/maintenance';
import { keepSheetThreadReady } from './modules/enterprises/spreadsheet-thread';
import { unattachedUploadsJob } from './platform/unattached-uploads';
import { warningsConsumer } from './modules/warnings/warnings.consumer';
import { rewardsConsumer } from './modules/reports/rewards/rewards.consumer';
import { rewardLapseJob } from './modules/reports/rewards/rewards.job';
import { rewardClaimReminderJob } from './modules/notifications/notifications.rewards';

async function main() {
  const config = loadConfig();
  const database = await openDatabase(config);
  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    console.log(`\n${signal}: closing…`);
    try {
      await running.queue?.stop();
      await running.app?.close();
    } finally {
      await database.close();
      process.exit(0);
    }
  };
  const running: { app?: Awaited<ReturnType<typeof buildApp>>['app']; queue?: JobQueue } = {};
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));

  await database.migrate();
  const consumers = [
    notificationsConsumer,
    peopleConsumer,
    accidentsConsumer,
    emergencyConsumer,
    creditConsumer,
    bulletinsConsumer,
    trainingConsumer,
    insuranceConsumer,
    publicityConsumer,
    occupationalHealthConsumer,
    warningsConsumer,
    rewardsConsumer,
  ];
  if (config.demo && !(await isSeeded(database.db))) {
    console.log('Seeding the demo district 深圳市龙岗区 …');
    const t0 = Date.now();
    await seedDemo(database.db, config.argon2, { reportVaultKey: config.reports.vaultKey, peopleVaultKey: config.people.vaultKey });
    const t1 = Date.now();
    // The seed's events reach their consumers now, so the demo is whole (inbox, credit, warnings) when its URL prints.
    const events = await consumeBacklog(database, consumers);
    const secs = (ms: number) => (ms / 1000).toFixed(1);
    console.log(`Seeded in ${secs(t1 - t0)} s; its ${events} events reached their consumers in ${secs(Date.now() - t1)} s.`);
  }
  const [admins] = await database.db
    .select({ n: sql<number>`count(*)::int` })
    .from(users)
    .where(sql`${users.role} = 'sys_admin'`);
  if (!admins?.n) {
    console.error(
      '没有系统管理员账号。请先运行 / No administrator exists. Run first:\n' +
        '  npm run cli -w server -- init-areas --root=440307\n' +
        '  ANJIAN_ADMIN_PASSWORD=… npm run cli -w server -- create-admin --username=admin --org-area=440307',
    );
    await database.close();
    process.exit(1);
  }
  const { app } = await buildApp(database, config, { logger: true, logStream: stdoutLog() });
  running.app = app;
  // Background work on the job queue: daily jobs once per cluster and China day, domain events to their consumers.
  const channels = channelsFrom(config.notify);
  running.queue = new JobQueue(
    database,
    [
      generateCheckTasksJob,
      hazardDeadlineJob,
      reportDeadlineJob,
      workReportDeadlineJob,
      dutyReminderJob,
      peopleSummaryJob,
      trainingSummaryJob,
      publicityTipJob,
      certificateDueJob,
      ohLapseJob,
      detectionDueJob,
      creditDailyJob,
      accidentFreeJob,
      planReminderJob,
      insuranceReminderJob,
      warningsDailyJob,
      rewardClaimReminderJob,
      rewardLapseJob,
      unattachedUploadsJob(config.dataDir),
      digestJob(channels),
      tableMaintenanceJob(database.engine),
    ],
    consumers,
    {
      log: (m) => app.log.info(m),
      // Each tick links the audit entries committed since the last (platform/audit.ts), then delivers notifications.
      periodic: async () => {
        await chainAuditLog(database.db).catch((e: Error) => app.log.error(`[audit chain] ${e.message}`));
        await deliverPending(database.db, channels);
      },
    },
  );
  await running.queue.start();
  await app.listen({ port: config.port, host: config.host });
  keepSheetThreadReady(); // an upload never waits for the spreadsheet reader to load
  const url = `http://localhost:${config.port}/`;
  console.log(`\nAnjian 安监 is running at ${url}  (database: ${database.engine}, API docs: ${url}api/docs)`);
  if (config.demo) {
    console.log(`\nDemo logins 演示账号 (password 密码: ${DEMO_PASSWORD}):`);
    for (const l of await demoLogins(database.db)) {
      console.log(`  ${l.username.padEnd(12)} ${roleLabels[l.role].zh} / ${roleLabels[l.role].en} — ${l.displayName}`);
    }
  }
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
