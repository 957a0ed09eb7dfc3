// 立案: opens a penalty case against an enterprise (or a responsible person of it), numbered per organisation and
// year. 简易程序 decides and serves on the spot, within the §51 limits, and issues the decision at once.
import type { FileCaseBody } from '@anjian/contracts';
import type { Actor } from '../../../../platform/actor';
import { recordAudit } from '../../../../platform/audit';
import type { Db } from '../../../../platform/db';
import { AppError, fieldError } from '../../../../platform/errors';
import { checkFine, penaltyBasisById } from '../../../../reference/enforcement/penalty-basis';
import { onTheSpotRefusal } from '../../../../reference/enforcement/penalty-limits';
import { findCase } from '../cases.queries';
import { enforcementClock } from '../../enforcement.clock';
import { openCase } from '../case.workflow';
import { issueDocument, nextCaseNumber } from '../../documents/documents';
import { findInspection } from '../../inspections/inspections.queries';
import { decisionFields } from './case-fields';
import { caseOfficerIds, registryPartyColumns } from '../../documents/documents.party';
import { findEnterpriseInScope } from '../../../enterprises/enterprises.queries';

export async function fileCase(db: Db, actor: Actor, ip: string | null, input: FileCaseBody) {
  const today = enforcementClock.today();
  const simple = input.procedure === 'simple';
  if (!penaltyBasisById.has(input.basisId)) throw fieldError('basisId', '未知的处罚依据', 'Unknown legal basis');
  if (simple) {
    if (input.fine === undefined) throw fieldError('fine', '简易程序须当场确定罚款数额', 'The simple procedure needs the fine');
    const refusal = onTheSpotRefusal(input.partyKind, input.fine);
    if (refusal) throw new AppError('VALIDATION', [{ field: 'fine', ...refusal }]);
  }
  if (input.fine !== undefined) {
    const bad = checkFine(input.basisId, input.fineBand, input.fine);
    if (bad) throw new AppError('VALIDATION', [{ field: 'fine', ...bad }]);
  }
  return db.transaction(async (tx) => {
    const e = await findEnterpriseInScope(tx, actor, input.enterpriseId);
    if (!e) throw fieldError('enterpriseId', '企业不存在或不在您的管辖范围内', 'Unknown enterprise or outside your jurisdiction');
    const party = partyColumns(input, e);
    if (input.inspectionId) {
      const insp = await findInspection(tx, actor, input.inspectionId);
      if (!insp || insp.enterpriseId !== e.id)
        throw fieldError('inspectionId', '检查记录不存在或不属于该企业', 'Unknown inspection for this enterprise');
    }
    const year = Number(today.slice(0, 4));
    const row = await openCase(
      tx,
      actor,
      {
        number: await nextCaseNumber(tx, actor, year),
        orgId: actor.orgId,
        orgName: actor.orgName,
        enterpriseId: e.id,
        areaCode: e.areaCode,
        sector: e.sector,
        parkId: e.parkId,
        inspectionId: input.inspectionId ?? null,
        procedure: input.procedure,
        partyKind: input.partyKind,
        ...party,
        violation: input.violation,
        basisId: input.basisId,
        fineBand: input.fineBand,
        fine: input.fine === undefined ? null : input.fine.toFixed(2),
        filedOn: today,
        decidedOn: simple ? today : null,
        servedOn: simple ? today : null,
        firstCheckMustPenalise: input.firstCheckMustPenalise,
        doubleInvestigation: input.doubleInvestigation,
        publish: input.publish,
        createdBy: actor.id,
      },
      simple,
    );
    if (simple) {
      await issueDocument(tx, actor, {
        kind: 'penalty_decision',
        enterpriseId: e.id,
        areaCode: e.areaCode,
        caseId: row.id,
        fields: decisionFields(row, e, input.fine!),
        officerIds: await caseOfficerIds(tx, row),
      });
    }
    await recordAudit(
      tx,
      { actor, ip },
      { action: 'case.file', entityType: 'penalty_case', entityId: row.id, after: { ...input, partyIdNumber: undefined } },
    );
    return (await findCase(tx, actor, row.id))!;
  });
}

/**
 * The party's case columns. An organisation party is the enterprise itself, taken from the registry (a name typed at
 * filing is accepted only if it is the registered one); a natural person keeps the identity given.
 */
function partyColumns(input: FileCaseBody, e: Parameters<typeof registryPartyColumns>[0]) {
  if (input.partyKind === 'organisation') {
    if (input.partyName !== undefined && input.partyName !== e.name) {
      throw fieldError(
        'partyName',
        `单位当事人即企业档案登记的单位（${e.name}），无须另填名称`,
        `An organisation party is the registered enterprise (${e.name}); leave the name out`,
      );
    }
    return { ...registryPartyColumns(e), partyIdNumber: null, partyPhone: null };
  }
  if (!input.partyName) throw fieldError('partyName', '个人当事人须填写姓名', 'A natural person party needs a name');
  return {
    partyName: input.partyName,
    partyIdNumber: input.partyIdNumber ?? null,
    partyPhone: input.partyPhone ?? null,
    partyAddress: input.partyAddress ?? null,
    partyCreditCode: null,
    partyLegalRepresentative: null,
  };
}
