// All SQL over check tasks, their items and the checklist templates. Task reads go through the scope predicate on
// the task's own columns; an enterprise account sees only its own tasks.
import { and, asc, count, desc, eq, gte, inArray, isNull, lt, lte, sql, type SQL } from 'drizzle-orm';
import type { CheckTaskListQuery } from '@anjian/contracts';
import { checkTaskItems, checkTasks, checkTemplateItems, checkTemplates, enterprises } from '../../db/schema';
import type { Actor } from '../../platform/actor';
import type { DbOrTx } from '../../platform/db';
import { scopeWhere } from '../../platform/scope';

export type TaskRow = typeof checkTasks.$inferSelect & { enterpriseName: string };
export type ItemRow = typeof checkTaskItems.$inferSelect;
export type TemplateRow = typeof checkTemplates.$inferSelect;
export type TemplateItemRow = typeof checkTemplateItems.$inferSelect;

export const taskScope = (actor: Actor) =>
  scopeWhere(actor, {
    areaCode: checkTasks.areaCode,
    sector: checkTasks.sector,
    parkId: checkTasks.parkId,
    enterpriseId: checkTasks.enterpriseId,
  });

function withEnterprise(db: DbOrTx) {
  return db
    .select({ task: checkTasks, enterpriseName: enterprises.name })
    .from(checkTasks)
    .innerJoin(enterprises, eq(enterprises.id, checkTasks.enterpriseId));
}
const flat = (r: { task: typeof checkTasks.$inferSelect; enterpriseName: string }): TaskRow => ({
  ...r.task,
  enterpriseName: r.enterpriseName,
});

/** `missed` and `pending` are told apart by the due date: missed = still pending after its last day. */
export function stateWhere(state: CheckTaskListQuery['state'], today: string): SQL | undefined {
  if (state === 'done') return eq(checkTasks.state, 'done');
  if (state === 'pending') return and(eq(checkTasks.state, 'pending'), gte(checkTasks.dueDate, today));
  if (state === 'missed') return and(eq(checkTasks.state, 'pending'), lt(checkTasks.dueDate, today));
  return undefined;
}

export async function findTasks(db: DbOrTx, actor: Actor, q: CheckTaskListQuery, today: string) {
  const where = and(
    taskScope(actor),
    q.enterpriseId ? eq(checkTasks.enterpriseId, q.enterpriseId) : undefined,
    q.level ? eq(checkTasks.level, q.level) : undefined,
    q.date ? and(lte(checkTasks.periodStart, q.date), gte(checkTasks.dueDate, q.date)) : undefined,
    stateWhere(q.state, today),
  );
  const [items, [total]] = await Promise.all([
    withEnterprise(db)
      .where(where)
      .orderBy(
        desc(checkTasks.dueDate),
        asc(enterprises.name),
        sql`array_position(array['company','department','team','post']::text[], ${checkTasks.level})`,
      )
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    db.select({ n: count() }).from(checkTasks).where(where),
  ]);
  return { items: items.map(flat), total: total?.n ?? 0 };
}

export async function findTask(db: DbOrTx, actor: Actor, id: string, forUpdate = false): Promise<TaskRow | null> {
  const base = withEnterprise(db).where(and(eq(checkTasks.id, id), taskScope(actor)));
  const [row] = forUpdate ? await base.for('update', { of: checkTasks }) : await base;
  return row ? flat(row) : null;
}

export async function findTaskItems(db: DbOrTx, taskId: string): Promise<ItemRow[]> {
  return db
    .select()
    .from(checkTaskItems)
    .where(eq(checkTaskItems.taskId, taskId))
    .orderBy(asc(checkTaskItems.sort), asc(checkTaskItems.unitName), asc(checkTaskItems.content), asc(checkTaskItems.id));
}

export async function findTemplates(db: DbOrTx, includeInactive = true): Promise<TemplateRow[]> {
  return db
    .select()
    .from(checkTemplates)
    .where(and(isNull(checkTemplates.deletedAt), includeInactive ? undefined : eq(checkTemplates.active, true)))
    .orderBy(asc(checkTemplates.name), asc(checkTemplates.id));
}

export async function findTemplate(db: DbOrTx, id: string, forUpdate = false): Promise<TemplateRow | null> {
  const base = db
    .select()
    .from(checkTemplates)
    .where(and(eq(checkTemplates.id, id), isNull(checkTemplates.deletedAt)));
  const [row] = forUpdate ? await base.for('update') : await base;
  return row ?? null;
}

export async function findTemplateItems(db: DbOrTx, templateIds: string[]): Promise<TemplateItemRow[]> {
  if (templateIds.length === 0) return [];
  return db
    .select()
    .from(checkTemplateItems)
    .where(and(inArray(checkTemplateItems.templateId, templateIds), isNull(checkTemplateItems.retiredAt)))
    .orderBy(asc(checkTemplateItems.sort), asc(checkTemplateItems.id));
}
