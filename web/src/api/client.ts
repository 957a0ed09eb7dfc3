// The one typed API client: every request from the web app goes through here (CSRF header,
// language, JSON errors turned into ApiError). `call('METHOD /api/path/:param', …)` takes its params, query and body
// types and its answer's type from the route map in @anjian/contracts, so a caller never asserts a response type.
import type { ApiRouteKey, ApiRoutes, ErrorBody, z } from '@anjian/contracts';

export class ApiError extends Error {
  constructor(
    public readonly status: number,
    public readonly body: ErrorBody & Record<string, unknown>,
  ) {
    super(body.error?.message ?? `HTTP ${status}`);
  }
  get details() {
    return this.body.error?.details ?? [];
  }
}

let csrfToken: string | null = null;
let language: 'zh' | 'en' = 'zh';

export function setCsrfToken(token: string | null) {
  csrfToken = token;
}
export function setApiLanguage(lang: 'zh' | 'en') {
  language = lang;
}
/** The UI's language, which every request asks the server to answer in (so its messages come in it). */
export function apiLanguage(): 'zh' | 'en' {
  return language;
}

type Query = Record<string, string | number | boolean | undefined | null>;

export function withQuery(path: string, query?: Query): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== null && v !== '') params.set(k, String(v));
  const s = params.toString();
  return s ? `${path}?${s}` : path;
}

async function request<T>(method: string, path: string, body?: unknown, query?: Query): Promise<T> {
  const headers: Record<string, string> = { 'accept-language': language === 'en' ? 'en' : 'zh-CN' };
  if (body !== undefined && !(body instanceof FormData)) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  const res = await fetch(withQuery(path, query), {
    method,
    headers,
    credentials: 'same-origin',
    body: body === undefined ? undefined : body instanceof FormData ? body : JSON.stringify(body),
  });
  const text = await res.text();
  const data = text ? JSON.parse(text) : undefined;
  if (!res.ok) throw new ApiError(res.status, data ?? { error: { code: 'INTERNAL', message: res.statusText, details: [] } });
  return data as T;
}

/** Query flags travel as 'true' / 'false' text; a boolean is written the same way. */
type LooseQuery<T> = { [P in keyof T]: Exclude<T[P], undefined> extends 'true' | 'false' ? T[P] | boolean : T[P] };
type InputOf<S extends z.ZodType, K> = K extends 'query' ? LooseQuery<z.input<S>> : z.input<S>;
// Non-distributive ([R] extends …): over a union of route keys a distributive test would multiply the unions of
// the four parts and exceed what TypeScript can represent once the map grows.
type Part<R, K extends 'params' | 'query' | 'body'> = [R] extends [{ [P in K]: infer S extends z.ZodType }]
  ? object extends z.input<S>
    ? { [P in K]?: InputOf<S, K> }
    : { [P in K]: InputOf<S, K> }
  : { [P in K]?: never };
type FormPart<R> = [R] extends [{ multipart: true }] ? { form: FormData } : { form?: never };

/** What a route takes: its path params, query and body (typed by the route map), or a form for an upload. */
export type RouteInput<K extends ApiRouteKey> = Part<ApiRoutes[K], 'params'> &
  Part<ApiRoutes[K], 'query'> &
  Part<ApiRoutes[K], 'body'> &
  FormPart<ApiRoutes[K]>;
/** What a route answers (the response schema's output). */
export type RouteOutput<K extends ApiRouteKey> = z.output<ApiRoutes[K]['response']>;
/** A route's body type, for forms that build one. */
export type RouteBody<K extends ApiRouteKey> = ApiRoutes[K] extends { body: infer S extends z.ZodType } ? z.input<S> : never;
export type RouteQuery<K extends ApiRouteKey> = ApiRoutes[K] extends { query: infer S extends z.ZodType } ? z.input<S> : never;

type OptionalIfEmpty<K extends ApiRouteKey> = object extends RouteInput<K> ? [input?: RouteInput<K>] : [input: RouteInput<K>];

/** The path of a route with its `:params` filled in (for links and query keys). */
export function pathOf(key: ApiRouteKey, params?: Record<string, unknown>): string {
  const path = key.slice(key.indexOf(' ') + 1);
  return path.replace(/:(\w+)/g, (_, name: string) => {
    const v = params?.[name];
    if (v === undefined || v === null || v === '') throw new Error(`${key}: path parameter ${name} is missing`);
    return encodeURIComponent(String(v));
  });
}

/** Calls a route of the route map; request and response types come from its schemas. */
export function call<K extends ApiRouteKey>(key: K, ...args: OptionalIfEmpty<NoInfer<K>>): Promise<RouteOutput<K>> {
  const k: string = key;
  const method = k.slice(0, k.indexOf(' '));
  const i = ((args as unknown[])[0] ?? {}) as { params?: Record<string, unknown>; query?: Query; body?: unknown; form?: FormData };
  const body = i.form ?? (method === 'GET' ? undefined : (i.body ?? {}));
  return request<RouteOutput<K>>(method, pathOf(key, i.params), body, i.query);
}

/** Downloads a file the API produces (export, template, documents) with the session cookie. */
export async function download(path: string, query?: Query): Promise<void> {
  const res = await fetch(withQuery(path, query), { credentials: 'same-origin', headers: { 'accept-language': language } });
  if (!res.ok) throw new ApiError(res.status, await res.json());
  const blob = await res.blob();
  const name = /filename\*?=(?:UTF-8'')?"?([^";]+)"?/i.exec(res.headers.get('content-disposition') ?? '')?.[1];
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = name ? decodeURIComponent(name) : 'download';
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
}
