// Editing, freezing and revising a scheme. Each loads the scheme on the issuer side with its version (404 out of
// scope, 409 stale with `current`), goes through the scheme machine (edits only while draft; a frozen scheme is changed
// by a new revision, a draft copy with the next revision number) and is audited with before and after.
import type { UpdateSchemeBody, VersionBody } from '@anjian/contracts';
import type { Actor } from '../../../platform/actor';
import { recordAudit } from '../../../platform/audit';
import type { Db, Tx } from '../../../platform/db';
import { fieldError } from '../../../platform/errors';
import { loadForUpdate } from '../../../platform/load-for-update';
import { findIssuedScheme, nextRevision } from '../assessment.queries';
import { auditScheme, presentSchemes } from '../assessment.presenter';
import { writeScheme } from '../assessment.workflow';
import { checkScheme } from './scheme-checks';

export const loadScheme = (tx: Tx, actor: Actor, id: string, version: number) =>
  loadForUpdate({
    load: () => findIssuedScheme(tx, actor, id, true),
    version,
    present: async (row) => (await presentSchemes(tx, actor, [row]))[0],
  });

export async function updateScheme(db: Db, actor: Actor, ip: string | null, id: string, input: UpdateSchemeBody) {
  return db.transaction((tx) => updateSchemeIn(tx, actor, ip, id, input));
}

export async function updateSchemeIn(tx: Tx, actor: Actor, ip: string | null, id: string, input: UpdateSchemeBody) {
  const before = await loadScheme(tx, actor, id, input.version);
  await checkScheme(tx, before.areaCode, input.indicators, input.unitOrgIds);
  const after = await writeScheme(tx, actor, before, 'edit', {
    patch: {
      title: input.title,
      indicators: input.indicators,
      vetoes: [...new Set(input.vetoes)],
      unitOrgIds: [...new Set(input.unitOrgIds)],
    },
  });
  await recordAudit(
    tx,
    { actor, ip },
    {
      action: 'assessment.editScheme',
      entityType: 'assessment_scheme',
      entityId: id,
      before: auditScheme(before),
      after: auditScheme(after),
    },
  );
  return after;
}

export async function freezeScheme(db: Db, actor: Actor, ip: string | null, id: string, input: VersionBody) {
  return db.transaction((tx) => freezeSchemeIn(tx, actor, ip, id, input));
}

export async function freezeSchemeIn(tx: Tx, actor: Actor, ip: string | null, id: string, input: VersionBody) {
  const before = await loadScheme(tx, actor, id, input.version);
  const after = await writeScheme(tx, actor, before, 'freeze', {});
  await recordAudit(
    tx,
    { actor, ip },
    {
      action: 'assessment.freezeScheme',
      entityType: 'assessment_scheme',
      entityId: id,
      before: auditScheme(before),
      after: auditScheme(after),
    },
  );
  return after;
}

export async function reviseScheme(db: Db, actor: Actor, ip: string | null, id: string, input: VersionBody) {
  return db.transaction((tx) => reviseSchemeIn(tx, actor, ip, id, input));
}

export async function reviseSchemeIn(tx: Tx, actor: Actor, ip: string | null, id: string, input: VersionBody) {
  const from = await loadScheme(tx, actor, id, input.version);
  if (from.status !== 'frozen')
    throw fieldError('version', '草稿方案可直接修改，无需新修订版', 'A draft scheme is edited in place; revise a frozen one', 'CONFLICT');
  const row = await writeScheme(tx, actor, null, 'create', {
    create: {
      year: from.year,
      revision: await nextRevision(tx, from.areaCode, from.year),
      title: from.title,
      issuerOrgId: from.issuerOrgId,
      areaCode: from.areaCode,
      indicators: from.indicators,
      vetoes: from.vetoes,
      unitOrgIds: from.unitOrgIds,
      createdBy: actor.id,
    },
    input: { revisedFrom: from.id },
  });
  await recordAudit(
    tx,
    { actor, ip },
    {
      action: 'assessment.reviseScheme',
      entityType: 'assessment_scheme',
      entityId: row.id,
      after: { ...auditScheme(row), revisedFrom: from.id },
    },
  );
  return row;
}
