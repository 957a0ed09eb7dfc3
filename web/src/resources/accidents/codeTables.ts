// The accident code tables (categories, levels, GB 6441 types, tiers, duties, causes, rates), fetched
// once from the server, which takes them from the reference rules; labels are never copied here.
import { useQuery } from '@tanstack/react-query';
import type { Bilingual } from '@anjian/contracts';
import { call } from '../../api/client';

export interface CodeEntry {
  key: string;
  label: Bilingual;
}

export interface AccidentCodeTables {
  categories: CodeEntry[];
  levels: CodeEntry[];
  tiers: CodeEntry[];
  timeliness: CodeEntry[];
  duties: CodeEntry[];
  causes: CodeEntry[];
  supplementaryWindowDays: Record<string, number>;
  gb2025EffectiveDate: string;
  types: Record<'GB6441-1986' | 'GB6441-2025', CodeEntry[]>;
  typeGroups: CodeEntry[];
  rates: (CodeEntry & { unit: Bilingual })[];
}

export function useAccidentCodes() {
  const q = useQuery({
    queryKey: ['accident-code-tables'],
    queryFn: () => call('GET /api/accidents/code-tables'),
    staleTime: Infinity,
  });
  const find = (
    table: keyof Omit<AccidentCodeTables, 'supplementaryWindowDays' | 'gb2025EffectiveDate' | 'types'>,
    key: string | null | undefined,
  ) => (q.data?.[table] as CodeEntry[] | undefined)?.find((e) => e.key === key)?.label;
  const typeLabel = (scheme: string, code: string) => q.data?.types[scheme as 'GB6441-1986']?.find((e) => e.key === code)?.label;
  return { codes: q.data, loading: q.isLoading, find, typeLabel };
}

/** GB 6441 scheme in force on a China calendar day. */
export function schemeOn(day: string, effective: string | undefined): 'GB6441-1986' | 'GB6441-2025' {
  return effective && day >= effective ? 'GB6441-2025' : 'GB6441-1986';
}
