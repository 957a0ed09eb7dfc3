// The bulletin's machine: draft (generated, edited) → published (sent to the units concerned). `writeBulletin` is the
// only writer of work_bulletins.status; the 'publish' event is what the bulletins consumer notifies the units from.
import { eq } from 'drizzle-orm';
import { bulletinStatuses, type BulletinStatus } from '@anjian/contracts';
import { workBulletins } from '../../db/schema';
import type { Actor } from '../../platform/actor';
import type { DbOrTx } from '../../platform/db';
import { appendEvent } from '../../platform/outbox';
import { appendTransition } from '../../platform/state-history';
import { abilities, decide, type StateMachine } from '../../platform/state-machine';

export type BulletinRowRecord = typeof workBulletins.$inferSelect;
export type BulletinAction = 'create' | 'edit' | 'publish';

export const bulletinMachine: StateMachine<BulletinStatus, BulletinAction, Pick<BulletinRowRecord, 'status'>> = {
  record: 'work_bulletin',
  table: 'work_bulletins',
  column: 'status',
  states: bulletinStatuses,
  actions: {
    create: { label: { zh: '生成通报', en: 'Generate' }, from: [null], to: 'draft', permission: 'workplan.supervise' },
    edit: { label: { zh: '修改', en: 'Edit' }, from: ['draft'], to: null, permission: 'workplan.supervise' },
    publish: { label: { zh: '发布', en: 'Publish' }, from: ['draft'], to: 'published', permission: 'workplan.supervise' },
  },
  stateOf: (r) => (r ? (r.status as BulletinStatus) : null),
};

export const bulletinAbilities = (actor: Actor, row: BulletinRowRecord) =>
  abilities(bulletinMachine, row, actor).filter((a) => a !== 'create');

export async function writeBulletin(
  tx: DbOrTx,
  actor: Actor,
  before: BulletinRowRecord | null,
  action: BulletinAction,
  change: {
    create?: Omit<typeof workBulletins.$inferInsert, 'status' | 'id' | 'version'>;
    patch?: Partial<typeof workBulletins.$inferInsert>;
  },
): Promise<BulletinRowRecord> {
  const { from, to } = decide(bulletinMachine, before, actor, action, {});
  const [row] = before
    ? await tx
        .update(workBulletins)
        .set({ ...change.patch, status: to, updatedAt: new Date(), version: before.version + 1 })
        .where(eq(workBulletins.id, before.id))
        .returning()
    : await tx
        .insert(workBulletins)
        .values({ ...change.create!, status: to })
        .returning();
  await appendTransition(tx, bulletinMachine, actor, { recordId: row!.id, action, from, to });
  await appendEvent(tx, `work_bulletin.${action}`, 'work_bulletin', row!, actor, {
    from,
    to,
    kind: row!.kind,
    title: row!.title,
    recipientOrgIds: row!.recipientOrgIds,
  });
  return row!;
}
