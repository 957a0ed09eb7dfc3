// The hazards code tables (labels from the server's reference data) and small display helpers.
import { useQuery } from '@tanstack/react-query';
import type { Bilingual } from '@anjian/contracts';
import { call } from '../../api/client';

export function useHazardMeta(enterpriseId?: string) {
  return useQuery({
    queryKey: ['hazard-meta', enterpriseId ?? ''],
    queryFn: () => call('GET /api/hazards/meta', { query: { enterpriseId } }),
    staleTime: 10 * 60_000,
  });
}

type Option = { value: string; label: Bilingual };

export function labelIn(list: Option[] | undefined, value: string | null | undefined): Bilingual | undefined {
  return list?.find((o) => o.value === value)?.label;
}

/** Ant Design tag colours per state; overdue is always red. */
export const stateColours: Record<string, string> = {
  reported: 'default',
  rectifying: 'processing',
  awaiting_acceptance: 'warning',
  closed: 'success',
};

export const listingStatusLabels: Record<string, Bilingual> = {
  listed: { zh: '督办中', en: 'Under supervision' },
  review_applied: { zh: '已申请复查', en: 'Review applied for' },
  reviewed: { zh: '已复查', en: 'Reviewed' },
  delisted: { zh: '已解除督办', en: 'De-listed' },
};

export const listingStepLabels: Record<string, Bilingual> = {
  list: { zh: '挂牌督办', en: 'List for supervision' },
  report_progress: { zh: '报告治理进展', en: 'Report progress' },
  delist: { zh: '解除督办（销号）', en: 'De-list' },
  regrade: { zh: '调整隐患等级', en: 'Re-grade' },
  fromGrade: { zh: '原等级', en: 'From grade' },
  toGrade: { zh: '调整为', en: 'To grade' },
  reason: { zh: '理由', en: 'Reason' },
  report: { zh: '登记隐患', en: 'Reported' },
};
