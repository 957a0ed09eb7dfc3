// Builds the Fastify application: platform plugins, the access pipeline, every capability's routes,
// OpenAPI at /api/docs, and (in production) the built web app on the same port.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Fastify, { type FastifyInstance } from 'fastify';
import { loggerOptions, OneLineRequestLog, type LogStream } from './platform/logging';
import cookie from '@fastify/cookie';
import multipart from '@fastify/multipart';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import fastifyStatic from '@fastify/static';
import { jsonSchemaTransform, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { responseSerializer } from './platform/response-serializer';
import type { Config } from './platform/config';
import type { Database } from './platform/db';
import { handleError, handleFrameworkError, handleClientError, errorBody, langOf, validatorCompiler } from './platform/errors';
import { registerInputGuard } from './platform/input-guard';
import { registerAccessControl, type RouteRecord } from './platform/http';
import { docsHooks, registerHardening } from './platform/hardening';
import type { ZodApp } from './platform/zod-app';
import { healthRoutes } from './modules/health/health.routes';
import { authRoutes } from './modules/auth/auth.routes';
import { usersRoutes } from './modules/users/users.routes';
import { jurisdictionRoutes } from './modules/jurisdiction/jurisdiction.routes';
import { auditRoutes } from './modules/audit/audit.routes';
import { mapRoutes } from './modules/map/map.routes';
import { enterprisesRoutes } from './modules/enterprises/enterprises.routes';
import { hazardsRoutes } from './modules/hazards/hazards.routes';
import { hazardListingRoutes } from './modules/hazards/hazards.listing.routes';
import { hazardStatsRoutes } from './modules/hazards/hazards.stats.routes';
import { filesRoutes } from './modules/files/files.routes';
import { risksRoutes } from './modules/risks/risks.routes';
import { risksDistrictRoutes } from './modules/risks/risks-district.routes';
import { accidentsRoutes } from './modules/accidents/accidents.routes';
import { investigationRoutes } from './modules/accidents/investigation.routes';
import { analysisRoutes } from './modules/accidents/analysis.routes';
import { indicatorsRoutes } from './modules/indicators/indicators.routes';
import { drawRoutes } from './modules/enforcement/draws/draws.routes';
import { inspectionsRoutes } from './modules/enforcement/inspections/inspections.routes';
import { casesRoutes } from './modules/enforcement/cases/cases.routes';
import { enforcementStatsRoutes } from './modules/enforcement/stats/stats.routes';
import { plansRoutes } from './modules/enforcement/plans/plans.routes';
import { principalDutyRoutes } from './modules/enforcement/principal-duty/principal-duty.routes';
import { checklistsRoutes } from './modules/enforcement/checklists/checklists.routes';
import { enforcementSettingsRoutes } from './modules/enforcement/settings/settings.routes';
import { checksRoutes } from './modules/checks/checks.routes';
import { calendarRoutes } from './modules/calendar/calendar.routes';
import { workbenchRoutes } from './modules/workbench/workbench.routes';
import { notificationsRoutes } from './modules/notifications/notifications.routes';
import { codeTablesRoutes } from './modules/code-tables/code-tables.routes';
import { reportsRoutes } from './modules/reports/reports.routes';
import { reportHandlingRoutes } from './modules/reports/reports.handling.routes';
import { reportRoutingRoutes } from './modules/reports/routing/routing.routes';
import { rewardsRoutes } from './modules/reports/rewards/rewards.routes';
import { reportDuplicatesRoutes } from './modules/reports/duplicates.routes';
import { peopleRoutes } from './modules/people/people.routes';
import { spotCheckRoutes } from './modules/people/spot-checks.routes';
import { materialRoutes } from './modules/training/materials.routes';
import { trainingRoutes } from './modules/training/training.routes';
import { publicityRoutes } from './modules/publicity/publicity.routes';
import { occupationalHealthRoutes } from './modules/occupational-health/occupational-health.routes';
import { emergencyResourceRoutes } from './modules/emergency/resources.routes';
import { dutyRoutes } from './modules/emergency/duty.routes';
import { intakeRoutes } from './modules/emergency/intake.routes';
import { emergencyPlanRoutes } from './modules/emergency/plans.routes';
import { drillRoutes } from './modules/emergency/drills.routes';
import { readinessRoutes } from './modules/emergency/readiness.routes';
import { creditRoutes } from './modules/credit/credit.routes';
import { creditPartnerRoutes } from './modules/credit/partners/partners.routes';
import { responsibilityRoutes } from './modules/responsibility/responsibility.routes';
import { commitmentsRoutes } from './modules/commitments/commitments.routes';
import { workplansRoutes } from './modules/workplans/workplans.routes';
import { supervisionRoutes } from './modules/workplans/supervision.routes';
import { assessmentRoutes } from './modules/assessment/assessment.routes';
import { warningsRoutes } from './modules/warnings/warnings.routes';
import { gridRoutes } from './modules/grid/grid.routes';
import { rentalRoutes } from './modules/rental/rental.routes';
import { insuranceRoutes } from './modules/insurance/insurance.routes';
import { standardizationRoutes } from './modules/insurance/standardization.routes';
import { loadCalendarSupplement, startCalendarRefresh } from './platform/calendar-store';

/** Every capability's routes, in one list so a reader sees the whole API surface. */
export const modules: ((app: ZodApp) => void)[] = [
  healthRoutes,
  authRoutes,
  usersRoutes,
  jurisdictionRoutes,
  auditRoutes,
  enterprisesRoutes,
  hazardsRoutes,
  hazardListingRoutes,
  hazardStatsRoutes,
  filesRoutes,
  risksRoutes,
  risksDistrictRoutes,
  reportsRoutes,
  reportHandlingRoutes,
  reportRoutingRoutes,
  rewardsRoutes,
  reportDuplicatesRoutes,
  peopleRoutes,
  spotCheckRoutes,
  trainingRoutes,
  materialRoutes,
  publicityRoutes,
  occupationalHealthRoutes,
  emergencyResourceRoutes,
  emergencyPlanRoutes,
  drillRoutes,
  readinessRoutes,
  dutyRoutes,
  intakeRoutes,
  creditRoutes,
  creditPartnerRoutes,
  responsibilityRoutes,
  commitmentsRoutes,
  workplansRoutes,
  supervisionRoutes,
  assessmentRoutes,
  warningsRoutes,
  gridRoutes,
  rentalRoutes,
  insuranceRoutes,
  standardizationRoutes,
  accidentsRoutes,
  investigationRoutes,
  analysisRoutes,
  indicatorsRoutes,
  drawRoutes,
  inspectionsRoutes,
  casesRoutes,
  enforcementStatsRoutes,
  plansRoutes,
  principalDutyRoutes,
  checklistsRoutes,
  enforcementSettingsRoutes,
  checksRoutes,
  calendarRoutes,
  workbenchRoutes,
  notificationsRoutes,
  codeTablesRoutes,
];

export interface BuiltApp {
  app: FastifyInstance;
  routes: RouteRecord[];
}

export async function buildApp(
  database: Database,
  config: Config,
  /** logStream: where log lines go instead of stdout (tests read them back); inputGuard: false only for the
   *  benchmark that measures the guard's cost. */
  opts: { logger?: boolean; logStream?: LogStream; webDir?: string | null; inputGuard?: boolean } = {},
): Promise<BuiltApp> {
  const app = Fastify({
    logger: opts.logger || opts.logStream ? loggerOptions(config.logLevel, opts.logStream) : false,
    logController: new OneLineRequestLog(),
    trustProxy: config.trustProxy,
    bodyLimit: 1024 * 1024,
    // Prototype-poisoning keys in JSON bodies are refused outright.
    onProtoPoisoning: 'error',
    onConstructorPoisoning: 'error',
    // Bad path encoding and over-long path parameters are answered in the one error shape too.
    frameworkErrors: handleFrameworkError,
    // …and so is a request Node's HTTP parser refuses (an address or headers over 16 KB, malformed HTTP).
    clientErrorHandler: handleClientError,
  }).withTypeProvider<ZodTypeProvider>();
  app.decorate('db', database.db);
  app.decorate('database', database);
  app.decorate('config', config);
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(responseSerializer);
  app.setErrorHandler(handleError);
  await app.register(cookie);
  await registerHardening(app, config);
  // Uploads (enterprise import): one file of at most 20 MB; a bigger one is a 413.
  await app.register(multipart, { limits: { fileSize: 20 * 1024 * 1024, files: 1, fields: 10 } });
  await app.register(swagger, {
    openapi: {
      info: { title: 'Anjian 安监 API', version: '0.1.0', description: '安全生产监管平台 / work-safety supervision platform' },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'anjian_sid' } } },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', uiHooks: docsHooks(config, database.db) });

  const routes: RouteRecord[] = [];
  registerAccessControl(app, routes);
  registerInputGuard(app, { enabled: opts.inputGuard !== false });
  const webDir = opts.webDir === undefined ? defaultWebDir() : opts.webDir;
  for (const register of modules) register(app as unknown as ZodApp);
  mapRoutes(app as unknown as ZodApp, { webDir });

  if (webDir) {
    await app.register(fastifyStatic, { root: webDir, wildcard: false, maxAge: '1h', immutable: false });
    app.setNotFoundHandler((req, reply) => {
      // Client-side routes get the app shell; a missing file (asset, API path) is a plain 404.
      const pathOnly = req.url.split('?')[0]!;
      if (pathOnly.startsWith('/api') || /\.[a-z0-9]+$/i.test(pathOnly)) return reply.status(404).send(errorBody('NOT_FOUND', langOf(req)));
      return reply.type('text/html').sendFile('index.html', { maxAge: 0 });
    });
  } else {
    app.setNotFoundHandler((req, reply) => reply.status(404).send(errorBody('NOT_FOUND', langOf(req))));
  }
  // The official calendar supplement is in memory before the first request counts a working day, and re-read every
  // few minutes so a year entered through another instance reaches this one.
  const calendarLog = (m: string) => app.log.warn(m);
  for (const y of await loadCalendarSupplement(database.db, calendarLog)) app.log.info(`calendar supplement: ${y.year} loaded`);
  const calendarRefresh = startCalendarRefresh(database.db, { intervalMs: config.calendarRefreshSeconds * 1000, log: calendarLog });
  app.addHook('onClose', async () => calendarRefresh.stop());
  await app.ready();
  return { app, routes };
}

/** web/dist next to the server, found both from src (tsx) and from the bundled dist/. */
function defaultWebDir(): string | null {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const candidates = [path.resolve(here, '../../web/dist'), path.resolve(here, '../web/dist')];
  return candidates.find((c) => fs.existsSync(path.join(c, 'index.html'))) ?? null;
}
