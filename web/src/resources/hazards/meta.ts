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
