// The contracts carry the hazards code lists as keys only; the reference data owns them. This keeps the two equal.
import { describe, expect, it } from 'vitest';
import {
  deadlineUnits,
  hazardActionKeys,
  hazardCategoryKeys,
  hazardGradeKeys,
  hazardSourceKeys,
  hazardStateKeys,
  implementationKeys,
  treatmentPlanPartKeys,
} from '@anjian/contracts';
import {
  fiveImplementations,
  hazardCategories,
  hazardGrades,
  hazardSources,
  treatmentPlanParts,
} from '../../reference/hazards/classification';
import { hazardActions, hazardStates } from '../../reference/hazards/workflow';

describe('hazards contracts mirror the reference data', () => {
  it('has the same keys in the same order', () => {
    expect(hazardSourceKeys).toEqual(hazardSources);
    expect(hazardCategoryKeys).toEqual(hazardCategories);
    expect(hazardGradeKeys).toEqual(hazardGrades);
    expect(hazardStateKeys).toEqual(hazardStates);
    expect(hazardActionKeys).toEqual(hazardActions);
    expect(treatmentPlanPartKeys).toEqual(treatmentPlanParts);
    expect(implementationKeys).toEqual(fiveImplementations);
    expect(deadlineUnits).toEqual(['calendar', 'workday']);
  });
});
