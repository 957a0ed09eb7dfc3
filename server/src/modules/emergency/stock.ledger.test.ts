// The ledger rule (stock.ledger.ts) alone: over any sequence of movements, the running balance equals the sum of the
// deltas applied and never goes below zero; a refused movement changes nothing.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { applyToBatch, type LedgerKind } from './stock.ledger';

const movement = fc.record({
  kind: fc.constantFrom<LedgerKind>('in', 'out', 'transfer', 'correction'),
  quantity: fc.integer({ min: 0, max: 500 }),
  reason: fc.option(fc.constant('盘点'), { nil: null }),
});

describe('stock ledger rule', () => {
  it('on-hand is the sum of accepted deltas and never negative', () => {
    fc.assert(
      fc.property(fc.array(movement, { maxLength: 60 }), (moves) => {
        let onHand = 0;
        let sum = 0;
        for (const m of moves) {
          const r = applyToBatch(onHand, m.kind, m.quantity, m.reason);
          if (!r.ok) continue;
          sum += r.delta;
          onHand = r.balance;
          expect(onHand).toBeGreaterThanOrEqual(0);
        }
        expect(onHand).toBe(sum);
      }),
      { numRuns: 2000 },
    );
  });

  it('refuses taking more than the batch holds, a zero in/out, and a correction without a reason', () => {
    expect(applyToBatch(5, 'out', 6)).toMatchObject({ ok: false, field: 'quantity' });
    expect(applyToBatch(5, 'transfer', 6)).toMatchObject({ ok: false, field: 'quantity' });
    expect(applyToBatch(5, 'in', 0)).toMatchObject({ ok: false });
    expect(applyToBatch(5, 'correction', 2)).toMatchObject({ ok: false, field: 'reason' });
    expect(applyToBatch(5, 'correction', 2, '盘亏')).toEqual({ ok: true, delta: -3, balance: 2 });
    expect(applyToBatch(5, 'out', 5)).toEqual({ ok: true, delta: -5, balance: 0 });
  });
});
