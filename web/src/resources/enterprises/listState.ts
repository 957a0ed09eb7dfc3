// The enterprise list's filters, page and sort as they are kept in the address (?q=五金&sector=…&page=2).
import { ENTERPRISE_PAGE_DEPTH, enterpriseListQuery, type EnterpriseSort } from '@anjian/contracts';
import { paramsIn, paramsOf } from '../../app/address-state';
import type { EnterpriseFilterValues } from './EnterpriseFilters';

const FILTER_KEYS = ['q', 'areaCode', 'sector', 'tag', 'keyOnly'] as const;
const DEFAULTS = { page: 1, pageSize: 20, sort: '-updatedAt' } as const;

export interface ListState {
  filters: EnterpriseFilterValues;
  page: { page: number; pageSize: number };
  sort: EnterpriseSort;
}

export function listStateOf(params: URLSearchParams): ListState {
  const shape = enterpriseListQuery.shape;
  const { page, pageSize, sort } = { ...DEFAULTS, ...paramsIn(shape, ['page', 'pageSize', 'sort'], params) };
  // A page past the paging depth (an edited link) would only be refused: the first page is shown instead.
  const reachable = page * pageSize <= ENTERPRISE_PAGE_DEPTH ? page : DEFAULTS.page;
  return { filters: paramsIn(shape, FILTER_KEYS, params), page: { page: reachable, pageSize }, sort };
}

export const addressOf = ({ filters, page, sort }: ListState): URLSearchParams => paramsOf({ ...filters, ...page, sort }, DEFAULTS);

/** A column's sort arrow for the list's sort; the default (newest first) shows none, as antd's unsorted state. */
export function sortOrderOf(sort: EnterpriseSort, column: 'name' | 'updatedAt'): 'ascend' | 'descend' | null {
  if (sort === DEFAULTS.sort || sort.replace('-', '') !== column) return null;
  return sort.startsWith('-') ? 'descend' : 'ascend';
}
