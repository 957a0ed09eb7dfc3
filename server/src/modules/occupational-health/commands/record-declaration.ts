// POST …/declarations: the enterprise's 职业病危害项目申报 with its items (factor, category, people exposed). The latest
// declaration is the profile's; earlier ones stay as history.
import type { DeclarationBody } from '@anjian/contracts';
import { ohDeclarations } from '../../../db/schema';
import type { Db } from '../../../platform/db';
import { fieldError } from '../../../platform/errors';
import { onProfile, type OhContext } from './context';

export function recordDeclaration(db: Db, ctx: OhContext, enterpriseId: string, input: DeclarationBody) {
  return onProfile(db, ctx, enterpriseId, input.version, 'oh_profile.declare', async (tx, p, today) => {
    if (input.declaredOn > today) throw fieldError('declaredOn', '申报日期不能晚于今天', 'The declaration date is in the future');
    await tx.insert(ohDeclarations).values({
      enterpriseId,
      areaCode: p.areaCode,
      sector: p.sector,
      parkId: p.parkId,
      declaredOn: input.declaredOn,
      items: input.items,
      createdBy: ctx.actor.id,
    });
    const latest = p.declaredOn === null || input.declaredOn >= p.declaredOn;
    return {
      patch: latest ? { declaredOn: input.declaredOn, declarationItems: input.items } : {},
      detail: { declared: input.declaredOn, items: input.items.length },
    };
  });
}
