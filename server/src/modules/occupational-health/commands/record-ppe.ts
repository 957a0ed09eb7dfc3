// POST …/ppe: protective equipment issued (劳动防护用品发放): the latest issue date counts for the rate for a year.
import type { PpeBody } from '@anjian/contracts';
import { ohPpeIssues } from '../../../db/schema';
import type { Db } from '../../../platform/db';
import { fieldError } from '../../../platform/errors';
import { onProfile, type OhContext } from './context';

export function recordPpe(db: Db, ctx: OhContext, enterpriseId: string, input: PpeBody) {
  return onProfile(db, ctx, enterpriseId, input.version, 'oh_profile.ppe', async (tx, p, today) => {
    if (input.issuedOn > today) throw fieldError('issuedOn', '发放日期不能晚于今天', 'The issue date is in the future');
    await tx.insert(ohPpeIssues).values({
      enterpriseId,
      areaCode: p.areaCode,
      sector: p.sector,
      parkId: p.parkId,
      issuedOn: input.issuedOn,
      item: input.item,
      quantity: input.quantity,
      createdBy: ctx.actor.id,
    });
    const latest = p.lastPpeOn === null || input.issuedOn > p.lastPpeOn;
    return { patch: latest ? { lastPpeOn: input.issuedOn } : {}, detail: { item: input.item, quantity: input.quantity } };
  });
}
