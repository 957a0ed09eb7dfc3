// Colours of a policy's standing and money as the pages print it.
import type { PolicyStatus } from '@anjian/contracts';

export const policyStatusColours: Record<PolicyStatus, string> = { future: 'blue', valid: 'green', expiring: 'gold', expired: 'red' };

export const yuan = (fen: number) => `¥${(fen / 100).toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;

export const pct = (v: number | null) => (v === null ? '—' : `${v}%`);
