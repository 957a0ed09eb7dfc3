// Checklists for an inspection, reused from the district's check templates (check_templates, maintained by the
// checks capability): those for the inspected enterprise's sector, its special hazard tags, or everyone (通用).
import { and, asc, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import { idParams } from '@anjian/contracts';
import { checkTemplateItems, checkTemplates, enterprises } from '../../../db/schema';
import type { ZodApp } from '../../../platform/zod-app';
import { actorOf } from '../../../platform/http';
import { notFound } from '../../../platform/errors';
import { findInspection } from '../inspections/inspections.queries';

export function checklistsRoutes(app: ZodApp) {
  app.get(
    '/api/inspections/:id/checklists',
    { config: { access: 'inspection.read' }, schema: { tags: ['inspections'], params: idParams } },
    async (req) => {
      const insp = await findInspection(app.db, actorOf(req), req.params.id);
      if (!insp) throw notFound();
      const [e] = await app.db
        .select({ sector: enterprises.sector, tags: enterprises.hazardTags })
        .from(enterprises)
        .where(eq(enterprises.id, insp.enterpriseId));
      const templates = await app.db
        .select({ id: checkTemplates.id, name: checkTemplates.name })
        .from(checkTemplates)
        .where(
          and(
            eq(checkTemplates.active, true),
            isNull(checkTemplates.deletedAt),
            or(
              eq(checkTemplates.sector, e!.sector),
              e!.tags.length ? inArray(checkTemplates.hazardTag, e!.tags) : sql`false`,
              and(isNull(checkTemplates.sector), isNull(checkTemplates.hazardTag)),
            ),
          ),
        )
        .orderBy(asc(checkTemplates.name));
      if (templates.length === 0) return [];
      const items = await app.db
        .select({ templateId: checkTemplateItems.templateId, content: checkTemplateItems.content, basis: checkTemplateItems.basis })
        .from(checkTemplateItems)
        .where(
          and(
            inArray(
              checkTemplateItems.templateId,
              templates.map((t) => t.id),
            ),
            isNull(checkTemplateItems.retiredAt),
          ),
        )
        .orderBy(asc(checkTemplateItems.sort));
      return templates.map((t) => ({
        ...t,
        items: items.filter((i) => i.templateId === t.id).map(({ content, basis }) => ({ content, basis })),
      }));
    },
  );
}
