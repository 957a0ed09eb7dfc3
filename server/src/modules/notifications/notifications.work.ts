// "My open items" for the header and the role workbenches: counts of what waits for the caller, each through the
// one scope predicate. Counts use the open-state indexes (open rows only), never the closed history.
import { and, count, eq, inArray, lt, lte, ne, sql } from 'drizzle-orm';
import { checkTasks, hazards, inspections } from '../../db/schema';
import type { Actor } from '../../platform/actor';
import type { DbOrTx } from '../../platform/db';
import { scopeWhere } from '../../platform/scope';

export interface OpenItems {
  hazardsToRectify: number;
  hazardsAwaitingAcceptance: number;
  hazardsOverdue: number;
  checkTasksDue: number;
  inspectionsPlanned: number;
}

export async function myOpenItems(db: DbOrTx, actor: Actor, today: string): Promise<OpenItems> {
  const hz = scopeWhere(actor, {
    areaCode: hazards.areaCode,
    sector: hazards.sector,
    parkId: hazards.parkId,
    enterpriseId: hazards.enterpriseId,
  });
  const n = async (q: Promise<{ n: number }[]>) => (await q)[0]?.n ?? 0;
  const isEnterprise = actor.scopeKind === 'enterprise';
  const [toRectify, awaiting, overdue, tasks, planned] = await Promise.all([
    n(
      db
        .select({ n: count() })
        .from(hazards)
        .where(and(hz, inArray(hazards.state, ['reported', 'rectifying']))),
    ),
    n(
      db
        .select({ n: count() })
        .from(hazards)
        .where(and(hz, eq(hazards.state, 'awaiting_acceptance'))),
    ),
    n(
      db
        .select({ n: count() })
        .from(hazards)
        .where(and(hz, ne(hazards.state, 'closed'), lt(hazards.deadline, today))),
    ),
    isEnterprise
      ? n(
          db
            .select({ n: count() })
            .from(checkTasks)
            .where(and(eq(checkTasks.enterpriseId, actor.enterpriseId!), eq(checkTasks.state, 'pending'), lte(checkTasks.dueDate, today))),
        )
      : Promise.resolve(0),
    isEnterprise
      ? Promise.resolve(0)
      : n(
          db
            .select({ n: count() })
            .from(inspections)
            .where(and(eq(inspections.state, 'planned'), sql`${inspections.inspectorIds} @> array[${actor.id}]::uuid[]`)),
        ),
  ]);
  return {
    hazardsToRectify: toRectify,
    hazardsAwaitingAcceptance: awaiting,
    hazardsOverdue: overdue,
    checkTasksDue: tasks,
    inspectionsPlanned: planned,
  };
}
