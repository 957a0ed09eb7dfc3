// The hazards code tables for the web's forms and filters, read straight from the reference data so labels are
// written once. With an enterprise, also the 令10号 items that apply to it (for citing a major hidden danger).
import type { HazardMeta, Sector, HazardTag } from '@anjian/contracts';
import type { Actor } from '../../platform/actor';
import type { DbOrTx } from '../../platform/db';
import { accidentTypesFor } from '../../reference/accidents/accident-types';
import {
  hazardCategoryInfo,
  hazardGradeInfo,
  hazardSourceInfo,
  implementationLabels,
  treatmentPlanPartLabels,
} from '../../reference/hazards/classification';
import { itemsFor } from '../../reference/hazards/major-hazard-standard';
import { evidenceFieldLabels, hazardStateLabels, hazardWorkflow } from '../../reference/hazards/workflow';
import { findEnterpriseInScope } from '../enterprises/enterprises.queries';

export async function hazardMetaFor(db: DbOrTx, actor: Actor, enterpriseId: string | undefined, today: string): Promise<HazardMeta> {
  const enterprise = enterpriseId ? await findEnterpriseInScope(db, actor, enterpriseId) : null;
  const items = enterprise ? itemsFor(enterprise.sector as Sector, enterprise.hazardTags as HazardTag[]) : [];
  return {
    sources: Object.entries(hazardSourceInfo).map(([value, i]) => ({ value, label: i.label, finder: i.finder })),
    categories: Object.entries(hazardCategoryInfo).map(([value, i]) => ({ value, label: i.label })),
    grades: Object.entries(hazardGradeInfo).map(([value, i]) => ({ value, label: i.label, definition: i.definition })),
    states: Object.entries(hazardStateLabels).map(([value, label]) => ({ value, label })),
    actions: Object.entries(hazardWorkflow).map(([value, d]) => ({
      value,
      label: d.label,
      evidence: [...d.evidence],
      majorEvidence: [...d.majorEvidence],
    })),
    evidenceFields: Object.entries(evidenceFieldLabels).map(([value, label]) => ({ value, label })),
    treatmentPlanParts: Object.entries(treatmentPlanPartLabels).map(([value, label]) => ({ value, label })),
    implementations: Object.entries(implementationLabels).map(([value, label]) => ({ value, label })),
    accidentTypes: accidentTypesFor(today).map((t) => ({ value: t.scheme === 'GB6441-1986' ? t.code : t.key, label: t.label })),
    majorItems: items.flatMap((e) => (e.kind === 'item' ? [{ id: e.id, label: e.label, text: e.textAvailable ? e.text : null }] : [])),
  };
}
