import { describe, expect, it } from 'vitest';
import { caseListQuery, inspectionListQuery } from '@anjian/contracts';
import { filteredList, paramsOf } from './address-state';

describe('a list in the address', () => {
  const cases = filteredList(caseListQuery.shape, ['status', 'missingEvidence', 'firstCheckMustPenalise', 'doubleInvestigation']);

  it('reads filters and page by the API schema and writes them back the same', () => {
    const params = new URLSearchParams('status=filed&missingEvidence=true&page=3&pageSize=50');
    const state = cases.read(params);
    expect(state).toEqual({ filters: { status: 'filed', missingEvidence: true }, page: { page: 3, pageSize: 50 } });
    expect(Object.fromEntries(cases.write(state))).toEqual(Object.fromEntries(params));
  });

  it('drops a bad value alone, reads false as absent, and ignores keys it was not given', () => {
    const state = cases.read(
      new URLSearchParams('status=nonsense&doubleInvestigation=false&missingEvidence=true&pageSize=0&enterpriseId=x'),
    );
    expect(state).toEqual({ filters: { missingEvidence: true }, page: { page: 1, pageSize: 20 } });
  });

  it('leaves defaults out, so an unfiltered list has a bare address', () => {
    expect(cases.write(cases.read(new URLSearchParams(''))).toString()).toBe('');
    expect(paramsOf({ a: undefined, b: null, c: false, d: 1, sort: 'x' }, { d: 1 }).toString()).toBe('sort=x');
  });

  it("keeps the inspections' re-inspection filter as the API takes it", () => {
    const inspections = filteredList(inspectionListQuery.shape, ['state', 'reinspectionDue']);
    const state = inspections.read(new URLSearchParams('reinspectionDue=true'));
    expect(state.filters).toEqual({ reinspectionDue: 'true' });
    expect(inspections.write(state).toString()).toBe('reinspectionDue=true');
  });
});
