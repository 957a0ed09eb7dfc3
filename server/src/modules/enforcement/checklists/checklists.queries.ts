// SQL for the checklists of an inspection: the active check templates (check_templates, kept by the checks capability)
// for the inspected enterprise's sector, its special hazard tags, or everyone (通用), with their current items.
import { and, asc, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import { checkTemplateItems, checkTemplates, enterprises } from '../../../db/schema';
import type { DbOrTx } from '../../../platform/db';

export async function findChecklistsFor(db: DbOrTx, enterpriseId: string) {
  const [e] = await db
    .select({ sector: enterprises.sector, tags: enterprises.hazardTags })
    .from(enterprises)
    .where(eq(enterprises.id, enterpriseId));
  const templates = await db
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
  const items = await db
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
}
