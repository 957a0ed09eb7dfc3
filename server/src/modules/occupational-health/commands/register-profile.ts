// POST /api/occupational-health/profiles: an enterprise is registered as having occupational-hazard factors (the
// 普查 of seed 004 line 87) — from now on it counts in the rates' denominators. 404 outside the caller's scope, 409
// when already registered.
import { ohProfiles } from '../../../db/schema';
import { recordAudit } from '../../../platform/audit';
import type { Db } from '../../../platform/db';
import { AppError, notFound } from '../../../platform/errors';
import { cstDate } from '../../../platform/time';
import { presentProfile } from '../occupational-health.presenter';
import { findEnterpriseInScope, findProfile, moveCell } from '../occupational-health.queries';
import type { OhContext } from './context';

export async function registerProfile(db: Db, ctx: OhContext, input: { enterpriseId: string }) {
  const { actor } = ctx;
  const today = ctx.today ?? cstDate();
  return db.transaction(async (tx) => {
    const e = await findEnterpriseInScope(tx, actor, input.enterpriseId);
    if (!e) throw notFound();
    const [row] = await tx
      .insert(ohProfiles)
      .values({ enterpriseId: e.id, areaCode: e.areaCode, sector: e.sector, parkId: e.parkId, createdBy: actor.id })
      .onConflictDoNothing()
      .returning();
    if (!row) {
      const current = await findProfile(tx, actor, e.id);
      throw new AppError(
        'CONFLICT',
        [{ field: 'enterpriseId', zh: '该企业已建立职业健康档案', en: 'This enterprise already has a file' }],
        {
          current: current ? await presentProfile(tx, actor, current, today) : null,
        },
      );
    }
    await moveCell(tx, e.areaCode, e.sector, {
      enterprises: 1,
      declared: 0,
      detected: 0,
      ppe: 0,
      graded: 0,
      exposedWorkers: 0,
      workersChecked: 0,
    });
    const view = await presentProfile(tx, actor, row, today);
    await recordAudit(tx, ctx, { action: 'oh_profile.register', entityType: 'oh_profile', entityId: e.id, after: { sector: e.sector } });
    return view;
  });
}
