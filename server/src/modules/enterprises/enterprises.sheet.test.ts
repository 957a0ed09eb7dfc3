// A street officer's export carries masked phones (platform/masking.ts); reading such a file back must not refuse the
// row nor store the mask: a masked phone cell is a blank cell, which leaves the stored number alone (import-rows.patchOf).
import { describe, expect, it } from 'vitest';
import { columnForHeader } from './enterprises.sheet';

describe('phone columns on import', () => {
  const ctx = { parkIds: new Map<string, string>(), areaByName: () => ({ ok: false }) as never };
  it.each(['主要负责人电话', '安全管理人员电话'])('%s: a masked number reads as blank, a real one as itself', (header) => {
    const col = columnForHeader(header)!;
    expect(col.parse!('138****5678', ctx)).toEqual({ ok: true, value: undefined });
    expect(col.parse!('********1234', ctx)).toEqual({ ok: true, value: undefined });
    expect(col.parse!('13812345678', ctx)).toEqual({ ok: true, value: '13812345678' });
    expect(col.parse!(13812345678, ctx)).toEqual({ ok: true, value: '13812345678' });
    expect(col.parse!('１３８１２３４５６７８', ctx)).toEqual({ ok: true, value: '13812345678' });
  });
});
