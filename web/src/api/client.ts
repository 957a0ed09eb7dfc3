// The one typed API client: every request from the web app goes through here (CSRF header,
// language, JSON errors turned into ApiError).
import type { ErrorBody } from '@anjian/contracts';

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

export const api = {
  get: <T>(path: string, query?: Query) => request<T>('GET', path, undefined, query),
  post: <T>(path: string, body?: unknown, query?: Query) => request<T>('POST', path, body ?? {}, query),
  patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, body),
  put: <T>(path: string, body: unknown) => request<T>('PUT', path, body),
  del: <T>(path: string, body?: unknown) => request<T>('DELETE', path, body ?? {}),
  upload: <T>(path: string, form: FormData, query?: Query) => request<T>('POST', path, form, query),
};

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
