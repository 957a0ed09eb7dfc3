// POST /api/grid/registrations/:id/act: the street decides on a provisional unit. Confirm links the enterprise the
// street has just created from it through the enterprises module's own route (the web app posts the prefilled
// enterprise form first, then this); merge links an existing enterprise; reject gives a reason. The enterprise must be
// one the caller can see (scope). loadForUpdate (scope + lock + version) → machine → one writer → audit.
import { and, eq, sql } from 'drizzle-orm';
import type { GridRegistrationActBody } from '@anjian/contracts';
import { enterprises } from '../../../db/schema';
import type { Actor } from '../../../platform/actor';
import { recordAudit } from '../../../platform/audit';
import type { Db } from '../../../platform/db';
import { fieldError } from '../../../platform/errors';
import { loadForUpdate } from '../../../platform/load-for-update';
import { scopeWhere } from '../../../platform/scope';
import { findRegistration } from '../grid.queries';
import { presentRegistration, registrationAudit } from '../grid.presenter';
import { writeRegistration } from '../grid.workflow';

export async function actOnRegistration(db: Db, actor: Actor, ip: string | null, id: string, input: GridRegistrationActBody) {
  return db.transaction(async (tx) => {
    const before = await loadForUpdate({
      load: () => findRegistration(tx, actor, id, true),
      version: input.version,
      present: (row) => presentRegistration(tx, actor, row),
    });
    let enterpriseId: string | null = null;
    if ((input.action === 'confirm' || input.action === 'merge') && input.enterpriseId) {
      const [ent] = await tx
        .select({ id: enterprises.id })
        .from(enterprises)
        .where(
          and(
            eq(enterprises.id, input.enterpriseId),
            sql`${enterprises.deletedAt} is null`,
            scopeWhere(actor, {
              areaCode: enterprises.areaCode,
              sector: enterprises.sector,
              parkId: enterprises.parkId,
              enterpriseId: enterprises.id,
            }),
          ),
        );
      if (!ent)
        throw fieldError('enterpriseId', '企业不存在或不在您的辖区内', 'The enterprise does not exist or is outside your jurisdiction');
      enterpriseId = ent.id;
    }
    const after = await writeRegistration(tx, actor, before, input.action, {
      patch: {
        enterpriseId,
        reason: input.action === 'reject' ? (input.reason ?? null) : (input.reason ?? before.reason),
        decidedBy: actor.id,
        decidedAt: new Date(),
      },
      input: { enterpriseId: input.enterpriseId, reason: input.reason },
    });
    await recordAudit(
      tx,
      { actor, ip },
      {
        action: `grid_registration.${input.action}`,
        entityType: 'grid_registration',
        entityId: id,
        before: registrationAudit(before),
        after: registrationAudit(after),
      },
    );
    return presentRegistration(tx, actor, after);
  });
}
