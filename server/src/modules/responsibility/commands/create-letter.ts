// Drafts a target-responsibility letter one level down: the district bureau to one of its streets, a street to one of
// its communities or an enterprise in its scope (seed 002 (1)). A letter passed on names the letter it comes from
// (addressed to the caller's own area and signed); targets may name indicators of the year's assessment scheme
// (inherited from the parent letter when not given). The one writer creates it; audited in the same transaction.
import type { CreateLetterBody } from '@anjian/contracts';
import type { Actor } from '../../../platform/actor';
import { recordAudit } from '../../../platform/audit';
import type { Db } from '../../../platform/db';
import { fieldError, notFound } from '../../../platform/errors';
import { findChildArea, findCoveringScheme, findLetter, findRecipientEnterprise } from '../letters.queries';
import { auditLetter, presentLetterDetail } from '../letters.presenter';
import { writeLetter } from '../letters.workflow';

const expectedLevel = { street: 'street', community: 'community' } as const;

export async function createLetter(db: Db, actor: Actor, ip: string | null, input: CreateLetterBody) {
  return db.transaction(async (tx) => {
    if (actor.scopeKind !== 'area' || !actor.areaCode)
      throw fieldError('recipientKind', '只有辖区单位可以下达目标责任书', 'Only an area authority issues target-responsibility letters');
    let recipient: { areaCode: string; name: string; sector: string | null; parkId: string | null; enterpriseId: string | null };
    if (input.recipientKind === 'enterprise') {
      if (!input.recipientEnterpriseId) throw fieldError('recipientEnterpriseId', '请选择企业', 'Choose the enterprise');
      const ent = await findRecipientEnterprise(tx, actor, input.recipientEnterpriseId);
      if (!ent) throw notFound();
      recipient = { areaCode: ent.areaCode, name: ent.name, sector: ent.sector, parkId: ent.parkId, enterpriseId: ent.id };
    } else {
      if (!input.recipientAreaCode) throw fieldError('recipientAreaCode', '请选择接收单位', 'Choose the recipient');
      const area = await findChildArea(tx, actor, input.recipientAreaCode);
      if (!area || area.level !== expectedLevel[input.recipientKind])
        throw fieldError(
          'recipientAreaCode',
          '接收单位须为本辖区的下一级（区→镇街，镇街→村居）',
          'The recipient must be one level below your area (district → street, street → community)',
        );
      recipient = { areaCode: area.code, name: area.name, sector: null, parkId: null, enterpriseId: null };
    }
    let schemeId = input.schemeId ?? null;
    if (input.parentId) {
      const parent = await findLetter(tx, actor, input.parentId);
      if (!parent || parent.areaCode !== actor.areaCode || parent.status !== 'signed')
        throw fieldError('parentId', '只能分解本单位已签订的责任书', 'Only a signed letter addressed to your unit can be passed on');
      schemeId ??= parent.schemeId;
    }
    if (schemeId) {
      const scheme = await findCoveringScheme(tx, actor, schemeId);
      if (!scheme) throw fieldError('schemeId', '考核方案不存在或不适用于本辖区', 'No such assessment scheme for your area');
      const keys = new Set(scheme.indicators.map((i) => i.key));
      const bad = input.targets.findIndex((t) => t.indicatorKey && !keys.has(t.indicatorKey));
      if (bad >= 0) throw fieldError(`targets.${bad}.indicatorKey`, '考核方案中没有该指标', 'The assessment scheme has no such indicator');
    } else {
      const bad = input.targets.findIndex((t) => t.indicatorKey);
      if (bad >= 0) throw fieldError(`targets.${bad}.indicatorKey`, '关联指标须先选择考核方案', 'Choose the assessment scheme first');
    }
    const row = await writeLetter(tx, actor, null, 'create', {
      create: {
        year: input.year,
        title: input.title,
        parentId: input.parentId ?? null,
        issuerOrgId: actor.orgId,
        issuerName: actor.orgName ?? '',
        issuerAreaCode: actor.areaCode,
        recipientKind: input.recipientKind,
        recipientName: recipient.name,
        areaCode: recipient.areaCode,
        sector: recipient.sector,
        parkId: recipient.parkId,
        enterpriseId: recipient.enterpriseId,
        schemeId,
        targets: input.targets.map((t) => ({ text: t.text, indicatorKey: t.indicatorKey ?? null, value: t.value ?? null })),
        createdBy: actor.id,
      },
      input: { recipientKind: input.recipientKind, recipientName: recipient.name },
    });
    await recordAudit(
      tx,
      { actor, ip },
      { action: 'responsibility_letter.create', entityType: 'responsibility_letter', entityId: row.id, after: auditLetter(row) },
    );
    return presentLetterDetail(tx, actor, row);
  });
}
