// Creates, edits or retires a checklist template (district level). Items keep their ids across edits, and an
// item dropped from the list is retired rather than deleted, so tasks already generated keep their origin; the
// next generation run picks up the new list for still-pending tasks.
import { and, eq, isNull } from 'drizzle-orm';
import type { CheckTemplateBody, UpdateCheckTemplateBody } from '@anjian/contracts';
import { checkTemplateItems, checkTemplates } from '../../../db/schema';
import type { Actor } from '../../../platform/actor';
import { loadForUpdate } from '../../../platform/load-for-update';
import { recordAudit } from '../../../platform/audit';
import type { Tx, Db } from '../../../platform/db';
import { fieldError } from '../../../platform/errors';
import { findTemplate, findTemplateItems } from '../checks.queries';
import { presentTemplate } from '../checks.presenter';

/** A template targets one sector, one special hazard tag, or (neither) every enterprise: never both, which would read ambiguously. */
function checkTarget(input: CheckTemplateBody) {
  if (input.sector && input.hazardTag) {
    throw fieldError(
      'hazardTag',
      '模板只能按行业或按专项风险标签之一适用',
      'A template applies by sector or by special hazard tag, not both',
    );
  }
}

async function writeItems(tx: Tx, templateId: string, items: CheckTemplateBody['items']) {
  const current = await findTemplateItems(tx, [templateId]);
  const kept = new Set(items.map((i) => i.id).filter(Boolean));
  const unknown = items.find((i) => i.id && !current.some((c) => c.id === i.id));
  if (unknown) throw fieldError('items', '检查项不属于该模板', 'An item does not belong to this template');
  for (const c of current) {
    if (!kept.has(c.id)) await tx.update(checkTemplateItems).set({ retiredAt: new Date() }).where(eq(checkTemplateItems.id, c.id));
  }
  for (const [sort, i] of items.entries()) {
    if (i.id) {
      await tx
        .update(checkTemplateItems)
        .set({ content: i.content, basis: i.basis ?? null, sort })
        .where(eq(checkTemplateItems.id, i.id));
    } else {
      await tx.insert(checkTemplateItems).values({ templateId, content: i.content, basis: i.basis ?? null, sort });
    }
  }
}

export async function createCheckTemplate(db: Db, actor: Actor, ip: string | null, input: CheckTemplateBody) {
  checkTarget(input);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(checkTemplates)
      .values({
        name: input.name,
        sector: input.sector ?? null,
        hazardTag: input.hazardTag ?? null,
        checkLevel: input.checkLevel,
        active: input.active ?? true,
      })
      .returning();
    await writeItems(tx, row!.id, input.items);
    const items = await findTemplateItems(tx, [row!.id]);
    await recordAudit(
      tx,
      { actor, ip },
      { action: 'check.template.create', entityType: 'check_template', entityId: row!.id, after: { ...row, items } },
    );
    return presentTemplate(actor, row!, items);
  });
}

export async function updateCheckTemplate(db: Db, actor: Actor, ip: string | null, id: string, input: UpdateCheckTemplateBody) {
  checkTarget(input);
  return db.transaction(async (tx) => {
    const before = await loadForUpdate({
      load: () => findTemplate(tx, id, true),
      version: input.version,
      present: async (row) => presentTemplate(actor, row, await findTemplateItems(tx, [id])),
    });
    const beforeItems = await findTemplateItems(tx, [id]);
    const [after] = await tx
      .update(checkTemplates)
      .set({
        name: input.name,
        sector: input.sector ?? null,
        hazardTag: input.hazardTag ?? null,
        checkLevel: input.checkLevel,
        active: input.active ?? before.active,
        updatedAt: new Date(),
        version: before.version + 1,
      })
      .where(eq(checkTemplates.id, id))
      .returning();
    await writeItems(tx, id, input.items);
    const items = await findTemplateItems(tx, [id]);
    await recordAudit(
      tx,
      { actor, ip },
      {
        action: 'check.template.update',
        entityType: 'check_template',
        entityId: id,
        before: { ...before, items: beforeItems },
        after: { ...after, items },
      },
    );
    return presentTemplate(actor, after!, items);
  });
}

export async function deleteCheckTemplate(db: Db, actor: Actor, ip: string | null, id: string, version: number) {
  return db.transaction(async (tx) => {
    const before = await loadForUpdate({
      load: () => findTemplate(tx, id, true),
      version,
      present: async (row) => presentTemplate(actor, row, await findTemplateItems(tx, [id])),
    });
    await tx
      .update(checkTemplates)
      .set({ deletedAt: new Date(), version: before.version + 1 })
      .where(and(eq(checkTemplates.id, id), isNull(checkTemplates.deletedAt)));
    await recordAudit(tx, { actor, ip }, { action: 'check.template.delete', entityType: 'check_template', entityId: id, before });
  });
}
