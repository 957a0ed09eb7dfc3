// POST …/workers: an employee exposed to hazard factors joins the enterprise's health-surveillance list. The identity
// number is checked (GB 11643), sealed in the staff vault and kept masked beside it; the same number twice is 409.
import type { WorkerBody } from '@anjian/contracts';
import { and, eq } from 'drizzle-orm';
import { ohWorkers } from '../../../db/schema';
import type { Db } from '../../../platform/db';
import { AppError, fieldError } from '../../../platform/errors';
import { maskIdNumber } from '../../../platform/masking';
import { hashIdNumber, isValidIdNumber, normaliseIdNumber, sealIdNumber } from '../../people/people.vault';
import { onProfile, type OhContext } from './context';

export function addWorker(db: Db, ctx: OhContext, enterpriseId: string, input: WorkerBody) {
  if (!isValidIdNumber(input.idNumber)) throw fieldError('idNumber', '身份证号码无效', 'The identity number is not valid');
  let workerId = '';
  const done = onProfile(db, ctx, enterpriseId, input.version, 'oh_profile.worker', async (tx, p) => {
    const hash = hashIdNumber(ctx.vaultKey, input.idNumber);
    const [dup] = await tx
      .select({ id: ohWorkers.id })
      .from(ohWorkers)
      .where(and(eq(ohWorkers.enterpriseId, enterpriseId), eq(ohWorkers.idNumberHash, hash)));
    if (dup) throw new AppError('CONFLICT', [{ field: 'idNumber', zh: '该员工已在名单中', en: 'This employee is already listed' }]);
    const sealed = sealIdNumber(ctx.vaultKey, input.idNumber);
    const [w] = await tx
      .insert(ohWorkers)
      .values({
        enterpriseId,
        areaCode: p.areaCode,
        sector: p.sector,
        parkId: p.parkId,
        name: input.name,
        idNumberSealed: sealed.sealed,
        idNumberMasked: maskIdNumber(normaliseIdNumber(input.idNumber))!,
        idNumberHash: hash,
        post: input.post,
        factors: input.factors,
        employedFrom: input.employedFrom,
      })
      .returning({ id: ohWorkers.id });
    workerId = w!.id;
    return { patch: {}, detail: { workerId, post: input.post } };
  });
  return done.then(() => workerId);
}
