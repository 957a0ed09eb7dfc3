// The enterprise list's filters, page and sort as they are kept in the address (?q=五金&sector=…&page=2).
import { enterpriseListQuery, type EnterpriseSort } from '@anjian/contracts';
import type { EnterpriseFilterValues } from './EnterpriseFilters';

const FILTER_KEYS = ['q', 'areaCode', 'sector', 'tag', 'keyOnly'] as const;
export interface ListState {
  filters: EnterpriseFilterValues;
  page: { page: number; pageSize: number };
  sort: EnterpriseSort;
}

/** The list's state from the address: each value checked by the API's own schema, a bad one dropped alone. */
export function listStateOf(params: URLSearchParams): ListState {
  const field = <K extends keyof typeof enterpriseListQuery.shape>(key: K) => {
    const raw = params.get(key);
    if (raw === null) return undefined;
    const r = enterpriseListQuery.shape[key].safeParse(raw);
    return r.success ? (r.data as ReturnType<(typeof enterpriseListQuery.shape)[K]['parse']>) : undefined;
  };
  const filters: EnterpriseFilterValues = {};
  for (const key of FILTER_KEYS) {
    const v = field(key);
    if (v !== undefined && v !== false) Object.assign(filters, { [key]: v });
  }
  return { filters, page: { page: field('page') ?? 1, pageSize: field('pageSize') ?? 20 }, sort: field('sort') ?? '-updatedAt' };
}

/** A column's sort arrow for the list's sort; the default (newest first) shows none, as antd's unsorted state. */
export function sortOrderOf(sort: EnterpriseSort, column: 'name' | 'updatedAt'): 'ascend' | 'descend' | null {
  if (sort === '-updatedAt' || sort.replace('-', '') !== column) return null;
  return sort.startsWith('-') ? 'descend' : 'ascend';
}

/** The address of a list state: defaults left out, so the plain list stays /enterprises. */
export function paramsOf({ filters, page, sort }: ListState): URLSearchParams {
  const out = new URLSearchParams();
  for (const key of FILTER_KEYS) if (filters[key] !== undefined && filters[key] !== false) out.set(key, String(filters[key]));
  if (page.page !== 1) out.set('page', String(page.page));
  if (page.pageSize !== 20) out.set('pageSize', String(page.pageSize));
  if (sort !== '-updatedAt') out.set('sort', sort);
  return out;
}
