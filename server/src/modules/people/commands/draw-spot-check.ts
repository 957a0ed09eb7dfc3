// POST /api/spot-checks: a district or street officer draws a random sample of the certificate holders in their area
// by rule (area, sector, kind; a size or a ratio). The population is counted and the sample inserted in one
// transaction, ordered by a fresh seed kept with the row, so the draw can be replayed and shown to be random. Audited
// with the rule, the population and the certificates drawn.
import { randomBytes } from 'node:crypto';
import type { CreateSpotCheckBody } from '@anjian/contracts';
import { spotChecks } from '../../../db/schema';
import { recordAudit } from '../../../platform/audit';
import type { Db } from '../../../platform/db';
import { fieldError } from '../../../platform/errors';
import { inScope } from '../../../platform/scope';
import { cstDate } from '../../../platform/time';
import { countPopulation, insertSample, itemsOf } from '../spot-checks.queries';
import { presentSpotCheckDetail } from '../spot-checks.presenter';
import { sampleSizeFor } from '../spot-checks.rules';
import type { PeopleContext } from './save-person';

export async function drawSpotCheck(db: Db, ctx: Omit<PeopleContext, 'vaultKey'>, input: CreateSpotCheckBody) {
  const { actor } = ctx;
  const today = ctx.today ?? cstDate();
  if (!inScope(actor, { areaCode: input.areaCode }))
    throw fieldError('areaCode', '只能在本辖区内抽查', 'Draw spot checks only within your own jurisdiction');
  return db.transaction(async (tx) => {
    const rule = { areaCode: input.areaCode, sector: input.sector ?? null, kind: input.kind ?? null };
    const population = await countPopulation(tx, actor, rule, today);
    const size = sampleSizeFor(population, input);
    if (size === 0) throw fieldError('areaCode', '该范围内没有可抽查的持证人员', 'No certificate holders match this rule');
    const [row] = await tx
      .insert(spotChecks)
      .values({
        title: input.title,
        ...rule,
        sampleSize: size,
        ratio: input.ratio ?? null,
        population,
        seed: randomBytes(16).toString('hex'),
        drawnOn: today,
        drawnBy: actor.id,
      })
      .returning();
    await insertSample(tx, actor, row!, today);
    const items = await itemsOf(tx, actor, row!.id);
    await recordAudit(tx, ctx, {
      action: 'spot_check.draw',
      entityType: 'spot_check',
      entityId: row!.id,
      after: {
        ...rule,
        title: input.title,
        sampleSize: size,
        ratio: input.ratio ?? null,
        population,
        certificateIds: items.map((i) => i.certificateId),
      },
    });
    return presentSpotCheckDetail(tx, actor, row!);
  });
}
