// The supervision board's tab, filters and page as they are kept in the address (?tab=overdue&grade=major&page=2);
// the workbench's figures link here that way.
import { hazardListQuery } from '@anjian/contracts';
import { paramsIn, paramsOf } from '../../app/address-state';
import type { HazardFilterValues } from './HazardFilters';

export const tabValues = ['all', 'open', 'reported', 'rectifying', 'awaiting_acceptance', 'closed', 'overdue'] as const;
export type Tab = (typeof tabValues)[number];
const isTab = (v: string | null): v is Tab => tabValues.includes(v as Tab);

const FILTER_KEYS = ['q', 'areaCode', 'sector', 'grade', 'source', 'listed'] as const;
const DEFAULTS = { tab: 'all', page: 1, pageSize: 20 } as const;

export interface BoardState {
  tab: Tab;
  filters: HazardFilterValues;
  page: { page: number; pageSize: number };
}

export function boardStateOf(params: URLSearchParams): BoardState {
  const shape = hazardListQuery.shape;
  const { page, pageSize } = { ...DEFAULTS, ...paramsIn(shape, ['page', 'pageSize'], params) };
  const tab = params.get('tab');
  return { tab: isTab(tab) ? tab : DEFAULTS.tab, filters: paramsIn(shape, FILTER_KEYS, params), page: { page, pageSize } };
}

export const addressOf = ({ tab, filters, page }: BoardState): URLSearchParams => paramsOf({ tab, ...filters, ...page }, DEFAULTS);
