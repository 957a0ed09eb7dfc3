// The shared data hooks over the typed client: a list, a record (404 is an answer, not something to retry) and a
// command that refreshes what it changed. Query keys are `[route key, input]`, so invalidating a route key refreshes
// every page of it.
import { keepPreviousData, useMutation, useQuery, useQueryClient, type UseQueryOptions } from '@tanstack/react-query';
import type { ApiRouteKey } from '@anjian/contracts';
import { ApiError, call, type RouteInput, type RouteOutput } from './client';

type GetKey = Extract<ApiRouteKey, `GET ${string}`>;
type CommandKey = Exclude<ApiRouteKey, GetKey>;
type Extra<K extends GetKey> = Omit<UseQueryOptions<RouteOutput<K>, Error>, 'queryKey' | 'queryFn'>;

export const queryKeyOf = <K extends ApiRouteKey>(key: K, input?: RouteInput<K>) => (input === undefined ? [key] : [key, input]);

/** A paged or filtered list: the previous page stays on screen while the next loads. */
export function useList<K extends GetKey>(key: K, input: RouteInput<K>, options: Extra<K> = {}) {
  return useQuery<RouteOutput<K>, Error>({
    queryKey: queryKeyOf(key, input),
    queryFn: () => call<K>(key, ...([input] as never as [RouteInput<K>])),
    placeholderData: keepPreviousData,
    ...options,
  });
}

/** Client errors (404 not found or out of scope, 403) are final: asking again would give the same answer. */
const retryServerErrors = (count: number, e: Error) => !(e instanceof ApiError && e.status < 500) && count < 1;

/** One record or report; `notFound(query)` tells a 404 apart for the page's not-found state. */
export function useRecord<K extends GetKey>(key: K, input: RouteInput<K>, options: Extra<K> = {}) {
  return useQuery<RouteOutput<K>, Error>({
    queryKey: queryKeyOf(key, input),
    queryFn: () => call<K>(key, ...([input] as never as [RouteInput<K>])),
    retry: retryServerErrors,
    ...options,
  });
}

export const isNotFound = (e: unknown) => e instanceof ApiError && e.status === 404;

/**
 * A write. `refresh` names the GET routes whose cached answers it may have changed; they are refetched on success.
 */
export function useCommand<K extends CommandKey>(key: K, refresh: GetKey[] = [], onSuccess?: (data: RouteOutput<K>) => void) {
  const qc = useQueryClient();
  return useMutation<RouteOutput<K>, Error, RouteInput<K>>({
    mutationFn: (input) => call<K>(key, ...([input] as never as [RouteInput<K>])),
    onSuccess: async (data) => {
      onSuccess?.(data);
      await Promise.all(refresh.map((k) => qc.invalidateQueries({ queryKey: [k] })));
    },
  });
}

/** Refetches every cached answer of the given GET routes (after a write done with `call`). */
export function useRefresh() {
  const qc = useQueryClient();
  return (...keys: GetKey[]) => Promise.all(keys.map((k) => qc.invalidateQueries({ queryKey: [k] })));
}
