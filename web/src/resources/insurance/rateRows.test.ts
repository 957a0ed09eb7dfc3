import { describe, expect, it } from 'vitest';
import { rateTableRows } from './rateRows';

const row = (areaCode: string, n: number) => ({ areaCode, areaName: areaCode, ratePct: n });

describe('rateTableRows', () => {
  it('shows child areas with the area itself as the total', () => {
    const rows = [row('a1', 50), row('a2', 100)];
    expect(rateTableRows(rows, row('a', 75))).toEqual({ rows, total: row('a', 75), own: false });
  });

  it('shows an area without child areas as its own row, with no total under an empty table', () => {
    expect(rateTableRows([], row('a', 100))).toEqual({ rows: [row('a', 100)], total: undefined, own: true });
  });

  it('shows nothing while there is nothing', () => {
    expect(rateTableRows([], undefined)).toEqual({ rows: [], total: undefined, own: false });
  });
});
