// Occupational health: an enterprise's file (declaration, detections, equipment, grade), its exposed workers and their
// health checks (masked for officers), the seeds' rates per street and sector with numerators, denominators and the
// configured targets, and the list of detections due.
import {
  checkBody,
  declarationBody,
  detectionBody,
  detectionDuePage,
  detectionDueQuery,
  gradeBody,
  idParams,
  ohProfileView,
  ohRates,
  ohRatesQuery,
  ppeBody,
  registerProfileBody,
  workerBody,
  workerListQuery,
  workerPage,
  workerView,
} from '@anjian/contracts';
import type { ZodApp } from '../../platform/zod-app';
import { actorOf, clientIp } from '../../platform/http';
import { notFound } from '../../platform/errors';
import { cstDate } from '../../platform/time';
import { findDetectionDue, findProfile, findRateSums, findWorker, findWorkers, type CellSums } from './occupational-health.queries';
import { presentProfile, presentWorkers } from './occupational-health.presenter';
import { meets, rate, targetsFor, type OhTarget } from './occupational-health.rules';
import { registerProfile } from './commands/register-profile';
import { recordDeclaration } from './commands/record-declaration';
import { recordDetection } from './commands/record-detection';
import { recordPpe } from './commands/record-ppe';
import { setGrade } from './commands/set-grade';
import { addWorker } from './commands/add-worker';
import { recordCheck } from './commands/record-check';

/** A row's indicators: numerator and denominator per target, by the target's population. */
function indicatorsOf(r: CellSums, targets: readonly OhTarget[]) {
  return targets.map((t) => {
    const [n, d] =
      t.population === 'workers'
        ? [r.workersChecked, r.exposedWorkers]
        : t.indicator === 'declaration'
          ? [r.declared, t.population === 'key' ? r.keyEnterprises : r.enterprises]
          : t.population === 'key'
            ? [{ detection: r.keyDetected, ppe: r.keyPpe, grading: r.keyGraded }[t.indicator as 'detection'] ?? 0, r.keyEnterprises]
            : [{ detection: r.detected, ppe: r.ppe, grading: r.graded }[t.indicator as 'detection'] ?? 0, r.enterprises];
    return { indicator: t.indicator, numerator: n, denominator: d, rate: rate(n, d), target: t.target, met: meets(n, d, t.target) };
  });
}

export function occupationalHealthRoutes(app: ZodApp) {
  const tags = ['occupational-health'];
  const vaultKey = app.config.people.vaultKey;
  const ctx = (req: Parameters<typeof actorOf>[0]) => ({ actor: actorOf(req), ip: clientIp(req), vaultKey });
  const base = '/api/occupational-health/profiles/:id';
  const profileWrite = { params: idParams, response: { 200: ohProfileView } };

  app.post(
    '/api/occupational-health/profiles',
    { config: { access: 'occhealth.manage' }, schema: { tags, body: registerProfileBody, response: { 200: ohProfileView } } },
    async (req) => registerProfile(app.db, ctx(req), req.body),
  );
  app.get(
    base,
    { config: { access: 'occhealth.read' }, schema: { tags, params: idParams, response: { 200: ohProfileView } } },
    async (req) => {
      const actor = actorOf(req);
      const row = await findProfile(app.db, actor, req.params.id);
      if (!row) throw notFound();
      return presentProfile(app.db, actor, row);
    },
  );
  app.post(
    `${base}/declarations`,
    { config: { access: 'occhealth.manage' }, schema: { tags, body: declarationBody, ...profileWrite } },
    async (req) => recordDeclaration(app.db, ctx(req), req.params.id, req.body),
  );
  app.post(
    `${base}/detections`,
    { config: { access: 'occhealth.manage' }, schema: { tags, body: detectionBody, ...profileWrite } },
    async (req) => recordDetection(app.db, ctx(req), req.params.id, req.body),
  );
  app.post(`${base}/ppe`, { config: { access: 'occhealth.manage' }, schema: { tags, body: ppeBody, ...profileWrite } }, async (req) =>
    recordPpe(app.db, ctx(req), req.params.id, req.body),
  );
  app.put(`${base}/grade`, { config: { access: 'occhealth.grade' }, schema: { tags, body: gradeBody, ...profileWrite } }, async (req) =>
    setGrade(app.db, ctx(req), req.params.id, req.body),
  );
  app.get(
    `${base}/workers`,
    {
      config: { access: 'occhealth.read' },
      schema: { tags, params: idParams, querystring: workerListQuery, response: { 200: workerPage } },
    },
    async (req) => {
      const actor = actorOf(req);
      if (!(await findProfile(app.db, actor, req.params.id))) throw notFound();
      const { items, total } = await findWorkers(app.db, actor, req.params.id, req.query);
      return { items: await presentWorkers(app.db, actor, items, vaultKey), total };
    },
  );
  app.post(
    `${base}/workers`,
    { config: { access: 'occhealth.manage' }, schema: { tags, params: idParams, body: workerBody, response: { 200: workerView } } },
    async (req) => {
      const actor = actorOf(req);
      const id = await addWorker(app.db, ctx(req), req.params.id, req.body);
      const row = (await findWorker(app.db, actor, id))!;
      return (await presentWorkers(app.db, actor, [row], vaultKey))[0]!;
    },
  );
  app.post(
    '/api/occupational-health/workers/:id/checks',
    { config: { access: 'occhealth.manage' }, schema: { tags, params: idParams, body: checkBody, response: { 200: workerView } } },
    async (req) => recordCheck(app.db, ctx(req), req.params.id, req.body),
  );
  app.get(
    '/api/occupational-health/rates',
    { config: { access: 'occhealth.stats' }, schema: { tags, querystring: ohRatesQuery, response: { 200: ohRates } } },
    async (req) => {
      const targets = targetsFor(app.config.occupationalHealth?.targetSet);
      const { rows, total } = await findRateSums(app.db, actorOf(req), req.query.by, req.query);
      return {
        targets: [...targets],
        items: rows.map((r) => ({ key: r.key, name: r.name, indicators: indicatorsOf(r, targets) })),
        total: total.groups,
        overall: { key: 'all', name: null, indicators: indicatorsOf(total, targets) },
      };
    },
  );
  app.get(
    '/api/occupational-health/detection-due',
    { config: { access: 'occhealth.read' }, schema: { tags, querystring: detectionDueQuery, response: { 200: detectionDuePage } } },
    async (req) => {
      const today = cstDate();
      const { items, total } = await findDetectionDue(app.db, actorOf(req), today, req.query.withinDays, req.query);
      return {
        items: items.map(({ p, name }) => ({
          enterpriseId: p.enterpriseId,
          enterpriseName: name,
          areaCode: p.areaCode,
          sector: p.sector,
          lastDetectionOn: p.lastDetectionOn,
          nextDetectionDue: p.nextDetectionDue,
          overdue: p.nextDetectionDue === null || p.nextDetectionDue <= today,
        })),
        total,
      };
    },
  );
}
