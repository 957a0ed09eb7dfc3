// POST /api/people and PUT /api/people/:id: an enterprise account adds a person to its own 三项岗位 list or changes one
// (optimistic locking: a stale version answers 409 with the person as GET shows it). The identity number is checked
// (GB 11643 check character), sealed, masked and hashed; the same number twice in one enterprise is refused. The
// enterprise's summary row is rewritten and the write audited — with the masked number only — in the same transaction.
import { eq } from 'drizzle-orm';
import type { CreatePersonBody, UpdatePersonBody } from '@anjian/contracts';
import { people } from '../../../db/schema';
import type { Actor } from '../../../platform/actor';
import { recordAudit } from '../../../platform/audit';
import type { Db, Tx } from '../../../platform/db';
import { fieldError, forbidden, notFound } from '../../../platform/errors';
import { loadForUpdate } from '../../../platform/load-for-update';
import { cstDate } from '../../../platform/time';
import { findPerson, findPersonByHash, refreshSummary, type PersonRow } from '../people.queries';
import { auditPerson, presentPersonDetail } from '../people.presenter';
import { hashIdNumber } from '../people.vault';
import { checkPersonInput, identityColumns } from '../person-input';
import { findEnterpriseInScope } from '../../enterprises/enterprises.queries';

export interface PeopleContext {
  actor: Actor;
  ip: string | null;
  vaultKey: string;
  today?: string;
}

async function checkPerson(tx: Tx, ctx: PeopleContext, enterpriseId: string, input: CreatePersonBody, self: string | null) {
  checkPersonInput(input);
  const hash = hashIdNumber(ctx.vaultKey, input.idNumber);
  const dup = await findPersonByHash(tx, enterpriseId, hash);
  if (dup && dup.id !== self) throw fieldError('idNumber', '该身份证号已在本单位人员名单中', 'This identity number is already on the list');
  return hash;
}

export async function createPerson(db: Db, ctx: PeopleContext, input: CreatePersonBody) {
  return db.transaction((tx) => createPersonIn(tx, ctx, input));
}

/** The same in the caller's transaction (the demo seed adds its people this way). */
export async function createPersonIn(tx: Tx, ctx: PeopleContext, input: CreatePersonBody, o: { refresh?: boolean } = {}) {
  const { actor } = ctx;
  const today = ctx.today ?? cstDate();
  if (!actor.enterpriseId) throw forbidden();
  const ent = await findEnterpriseInScope(tx, actor, actor.enterpriseId);
  if (!ent) throw notFound();
  const hash = await checkPerson(tx, ctx, ent.id, input, null);
  const [row] = await tx
    .insert(people)
    .values({
      enterpriseId: ent.id,
      areaCode: ent.areaCode,
      sector: ent.sector,
      parkId: ent.parkId,
      createdBy: actor.id,
      ...identityColumns(ctx, input, hash),
    })
    .returning();
  if (o.refresh !== false) await refreshSummary(tx, ent.id, today);
  await recordAudit(tx, ctx, { action: 'person.create', entityType: 'person', entityId: row!.id, after: auditPerson(row!) });
  return presentPersonDetail(tx, actor, row!, ctx.vaultKey, today);
}

export async function updatePerson(db: Db, ctx: PeopleContext, id: string, input: UpdatePersonBody) {
  const { actor } = ctx;
  const today = ctx.today ?? cstDate();
  return db.transaction(async (tx) => {
    const before = await loadForUpdate<PersonRow>({
      load: () => findPerson(tx, actor, id, true),
      version: input.version,
      present: (row) => presentPersonDetail(tx, actor, row, ctx.vaultKey, today),
    });
    const hash = await checkPerson(tx, ctx, before.enterpriseId, input, before.id);
    const [row] = await tx
      .update(people)
      .set({ ...identityColumns(ctx, input, hash), updatedAt: new Date(), version: before.version + 1 })
      .where(eq(people.id, id))
      .returning();
    await refreshSummary(tx, before.enterpriseId, today);
    await recordAudit(tx, ctx, {
      action: 'person.update',
      entityType: 'person',
      entityId: id,
      before: auditPerson(before),
      after: auditPerson(row!),
    });
    return presentPersonDetail(tx, actor, row!, ctx.vaultKey, today);
  });
}
