import { describe, expect, it } from 'vitest';
import { selectedMenuPaths } from './menu-selection';

const paths = ['/', '/enforcement', '/enforcement-stats', '/enforcement-draws', '/credit', '/credit-listings', '/grid', '/grid-coverage'];

describe('selectedMenuPaths', () => {
  it('selects only the entry whose page is open, not a sibling sharing its first letters', () => {
    expect(selectedMenuPaths(paths, '/enforcement-stats')).toEqual(['/enforcement-stats']);
    expect(selectedMenuPaths(paths, '/credit-listings')).toEqual(['/credit-listings']);
    expect(selectedMenuPaths(paths, '/grid-coverage')).toEqual(['/grid-coverage']);
  });

  it('keeps the entry selected on the pages under it', () => {
    expect(selectedMenuPaths(paths, '/enforcement')).toEqual(['/enforcement']);
    expect(selectedMenuPaths(paths, '/enforcement/abc/record')).toEqual(['/enforcement']);
  });

  it('selects the list a record is opened from when the record lives under another entry', () => {
    const withPenalties = [...paths, '/penalties'];
    expect(selectedMenuPaths(withPenalties, '/enforcement/cases/abc')).toEqual(['/penalties']);
    expect(selectedMenuPaths(withPenalties, '/enforcement/inspections/abc')).toEqual(['/enforcement']);
    // A role without the penalty list keeps the enforcement entry.
    expect(selectedMenuPaths(paths, '/enforcement/cases/abc')).toEqual(['/enforcement']);
  });

  it('selects the workbench only on the root', () => {
    expect(selectedMenuPaths(paths, '/')).toEqual(['/']);
    expect(selectedMenuPaths(paths, '/inbox')).toEqual([]);
  });
});
