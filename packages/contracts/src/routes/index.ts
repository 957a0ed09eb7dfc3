// The route map: every API route the web app calls, `METHOD /path` → its params, query, body and response schemas.
// web/src/api/client.ts infers request and response types from it; server/src/routes.contract.test.ts checks that the
// server registers the same schemas.
import { accidentRoutes } from './accidents';
import { emergencyRoutes } from './emergency';
import { emergencyPlanRoutes } from './emergency-plans';
import { enforcementRoutes } from './enforcement';
import { hazardRoutes } from './hazards';
import { platformRoutes } from './platform';
import { registryRoutes } from './registry';
import { peopleRoutes } from './people';
import { trainingRoutes } from './training';
import { publicityRoutes } from './publicity';
import { occupationalHealthRoutes } from './occupational-health';
import { reportRoutes } from './reports';
import { reportHandlingRoutes } from './report-handling';
import { rewardRoutes } from './rewards';
import { reportDuplicateRoutes } from './report-duplicates';
import { creditRoutes } from './credit';
import { creditPartnerRoutes } from './credit-partners';
import { responsibilityRoutes } from './responsibility';
import { commitmentRoutes } from './commitments';
import { gridRoutes } from './grid';
import { rentalRoutes } from './rental';
import { riskRoutes } from './risks';
import { workbenchRoutes } from './workbench';
import { workplanRoutes } from './workplans';
import { assessmentRoutes } from './assessment';
import { insuranceRoutes } from './insurance';
import { warningRoutes } from './warnings';

export const apiRoutes = {
  ...platformRoutes,
  ...registryRoutes,
  ...hazardRoutes,
  ...riskRoutes,
  ...accidentRoutes,
  ...enforcementRoutes,
  ...workbenchRoutes,
  ...reportRoutes,
  ...reportHandlingRoutes,
  ...rewardRoutes,
  ...reportDuplicateRoutes,
  ...peopleRoutes,
  ...trainingRoutes,
  ...publicityRoutes,
  ...occupationalHealthRoutes,
  ...emergencyRoutes,
  ...emergencyPlanRoutes,
  ...creditRoutes,
  ...creditPartnerRoutes,
  ...responsibilityRoutes,
  ...workplanRoutes,
  ...assessmentRoutes,
  ...insuranceRoutes,
  ...gridRoutes,
  ...rentalRoutes,
  ...commitmentRoutes,
  ...warningRoutes,
};
export type ApiRoutes = typeof apiRoutes;
export type ApiRouteKey = keyof ApiRoutes;

export { defineRoutes, type RouteContract, type RouteMap } from './define';
export * from './other-views';
export type { z } from 'zod';
