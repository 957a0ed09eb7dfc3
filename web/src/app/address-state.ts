// A list's filters, page and sort kept in the address (?q=五金&page=2), so a link, a reload or the way back from a
// record shows the same list. Values are checked by the API's own query schema, field by field.
import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import type { z } from 'zod';

type Shape = Record<string, z.ZodType>;

/** The values of `keys` in the address, each checked by its field of `shape`: a bad one is dropped alone, false is absent. */
export function paramsIn<S extends Shape, K extends keyof S & string>(
  shape: S,
  keys: readonly K[],
  params: URLSearchParams,
): { [k in K]?: z.output<S[k]> } {
  const out: { [k in K]?: z.output<S[k]> } = {};
  for (const key of keys) {
    const raw = params.get(key);
    if (raw === null) continue;
    const r = shape[key]!.safeParse(raw);
    if (r.success && r.data !== undefined && r.data !== false) out[key] = r.data as z.output<S[K]>;
  }
  return out;
}

/** The address of a state: values left out when absent, false or their default, so an unfiltered list has a bare one. */
export function paramsOf(values: Record<string, unknown>, defaults: Record<string, unknown> = {}): URLSearchParams {
  const out = new URLSearchParams();
  for (const [key, v] of Object.entries(values)) {
    if (v !== undefined && v !== null && v !== false && v !== defaults[key]) out.set(key, String(v));
  }
  return out;
}

/**
 * A list's state, in the address or — for a list embedded in another page (`inAddress` false) — in the component.
 * Changing it replaces the history entry: a filter change is not a step of its own for the browser's Back button.
 */
export function useAddressState<T>(
  read: (params: URLSearchParams) => T,
  write: (state: T) => URLSearchParams,
  inAddress = true,
): [T, (next: Partial<T>) => void] {
  const [params, setParams] = useSearchParams();
  const [local, setLocal] = useState<T>(() => read(new URLSearchParams()));
  const state = inAddress ? read(params) : local;
  const change = (next: Partial<T>) => {
    if (inAddress) setParams(write({ ...state, ...next }), { replace: true });
    else setLocal({ ...state, ...next });
  };
  return [state, change];
}

/** The state of most lists: some filters of the API's query schema, and the page. */
export interface FilteredList<F> {
  filters: F;
  page: { page: number; pageSize: number };
}

const PAGE_DEFAULTS = { page: 1, pageSize: 20 };

/** Reading and writing a FilteredList of `keys` from `shape` (which has the common page and pageSize fields). */
export function filteredList<S extends Shape & { page: z.ZodType; pageSize: z.ZodType }, K extends keyof S & string>(
  shape: S,
  keys: readonly K[],
) {
  type Filters = { [k in K]?: z.output<S[k]> };
  return {
    read(params: URLSearchParams): FilteredList<Filters> {
      const page = { ...PAGE_DEFAULTS, ...paramsIn(shape, ['page', 'pageSize'], params) } as FilteredList<Filters>['page'];
      return { filters: paramsIn(shape, keys, params), page };
    },
    write: ({ filters, page }: FilteredList<Filters>) => paramsOf({ ...filters, ...page }, PAGE_DEFAULTS),
  };
}
