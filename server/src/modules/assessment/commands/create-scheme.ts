// A new scheme for a year, issued by the caller's organisation for its area: revision 1, or the next revision when
// the year already has one. Created through the scheme machine (→ draft), audited in the same transaction.
import type { CreateSchemeBody } from '@anjian/contracts';
import type { Actor } from '../../../platform/actor';
import { recordAudit } from '../../../platform/audit';
import type { Db, Tx } from '../../../platform/db';
import { fieldError } from '../../../platform/errors';
import { nextRevision } from '../assessment.queries';
import { auditScheme } from '../assessment.presenter';
import { writeScheme } from '../assessment.workflow';
import { checkScheme } from './scheme-checks';

export async function createScheme(db: Db, actor: Actor, ip: string | null, input: CreateSchemeBody) {
  return db.transaction((tx) => createSchemeIn(tx, actor, ip, input));
}

export async function createSchemeIn(tx: Tx, actor: Actor, ip: string | null, input: CreateSchemeBody) {
  if (!actor.orgId || !actor.areaCode)
    throw fieldError('title', '您的账号未归属单位，不能制定考核方案', 'Your account has no organisation to issue a scheme');
  await checkScheme(tx, actor.areaCode, input.indicators, input.unitOrgIds);
  const row = await writeScheme(tx, actor, null, 'create', {
    create: {
      year: input.year,
      revision: await nextRevision(tx, actor.areaCode, input.year),
      title: input.title,
      issuerOrgId: actor.orgId,
      areaCode: actor.areaCode,
      indicators: input.indicators,
      vetoes: [...new Set(input.vetoes)],
      unitOrgIds: [...new Set(input.unitOrgIds)],
      createdBy: actor.id,
    },
  });
  await recordAudit(
    tx,
    { actor, ip },
    { action: 'assessment.createScheme', entityType: 'assessment_scheme', entityId: row.id, after: auditScheme(row) },
  );
  return row;
}
