// Checklists for an inspection, reused from the district's check templates (check_templates, maintained by the
// checks capability): those for the inspected enterprise's sector, its special hazard tags, or everyone (通用).
import { z } from 'zod';
import { idParams, inspectionChecklistView } from '@anjian/contracts';
import type { ZodApp } from '../../../platform/zod-app';
import { actorOf } from '../../../platform/http';
import { notFound } from '../../../platform/errors';
import { findInspection } from '../inspections/inspections.queries';
import { findChecklistsFor } from './checklists.queries';

export function checklistsRoutes(app: ZodApp) {
  app.get(
    '/api/inspections/:id/checklists',
    {
      config: { access: 'inspection.read' },
      schema: { tags: ['inspections'], params: idParams, response: { 200: z.array(inspectionChecklistView) } },
    },
    async (req) => {
      const insp = await findInspection(app.db, actorOf(req), req.params.id);
      if (!insp) throw notFound();
      return findChecklistsFor(app.db, insp.enterpriseId);
    },
  );
}
