// The stock ledger's one rule, as a pure function: what a movement does to a batch's on-hand quantity. `in` adds,
// `out` and a transfer take and never go below zero, `correction` (an explicit stock-take, with a reason) sets the
// counted quantity. The command writes the movement row and the balance row with the delta it returns, in one
// transaction; on-hand is therefore always the sum of the batch's movements (stock.ledger.test.ts, property test).
export type LedgerKind = 'in' | 'out' | 'transfer' | 'correction';

export type LedgerOutcome =
  { ok: true; delta: number; balance: number } | { ok: false; field: 'quantity' | 'reason'; zh: string; en: string };

export function applyToBatch(onHand: number, kind: LedgerKind, quantity: number, reason?: string | null): LedgerOutcome {
  if (!Number.isInteger(quantity) || quantity < 0)
    return { ok: false, field: 'quantity', zh: '数量须为非负整数', en: 'The quantity must be a whole number' };
  switch (kind) {
    case 'in':
      if (quantity === 0) return { ok: false, field: 'quantity', zh: '入库数量须大于0', en: 'The quantity must be above zero' };
      return { ok: true, delta: quantity, balance: onHand + quantity };
    case 'out':
    case 'transfer':
      if (quantity === 0) return { ok: false, field: 'quantity', zh: '出库数量须大于0', en: 'The quantity must be above zero' };
      if (quantity > onHand)
        return { ok: false, field: 'quantity', zh: `库存不足：该批次现有 ${onHand}`, en: `Not enough stock: the batch holds ${onHand}` };
      return { ok: true, delta: -quantity, balance: onHand - quantity };
    case 'correction':
      if (!reason) return { ok: false, field: 'reason', zh: '盘点更正须说明原因', en: 'A correction needs a reason' };
      return { ok: true, delta: quantity - onHand, balance: quantity };
  }
}
