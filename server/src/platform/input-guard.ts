// The edge guard: every route's path parameters, query string and JSON body are walked once before schema
// validation, and a NUL, a lone surrogate (in a value or a key) or nesting deeper than any schema needs is
// refused with a field error, so no such text reaches a database call even where a schema forgot a field.
// Schemas also refuse it field by field (`safeString()` in @anjian/contracts); this is the net beneath.
// A query parameter given twice (?page=1&page=2) reaches the schema as a list; no query of this API takes one, so it
// is refused here by name rather than as "须为数字" on a value the caller wrote as a number.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { isSafeText, validationMessages } from '@anjian/contracts';
import { AppError, type BilingualDetail } from './errors';

/** No request body of this API nests deeper; deeper input is refused before anything walks it recursively. */
export const MAX_INPUT_DEPTH = 32;

interface Finding {
  path: string;
  reason: 'text.unsafe' | 'input.tooDeep' | 'query.repeated';
}

/** The first unsafe string or over-deep nesting in a parsed value, walked iteratively (no stack to exhaust). */
export function findUnsafeInput(value: unknown, prefix = ''): Finding | null {
  const stack: [unknown, string, number][] = [[value, prefix, 0]];
  while (stack.length > 0) {
    const [v, path, depth] = stack.pop()!;
    if (typeof v === 'string') {
      if (!isSafeText(v)) return { path, reason: 'text.unsafe' };
      continue;
    }
    if (v === null || typeof v !== 'object') continue;
    if (depth >= MAX_INPUT_DEPTH) return { path, reason: 'input.tooDeep' };
    if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) stack.push([v[i], join(path, String(i)), depth + 1]);
      continue;
    }
    if (Buffer.isBuffer(v)) continue;
    const keys = Object.keys(v);
    for (let i = keys.length - 1; i >= 0; i--) {
      const k = keys[i]!;
      if (!isSafeText(k)) return { path: join(path, '(key)'), reason: 'text.unsafe' };
      stack.push([(v as Record<string, unknown>)[k], join(path, k), depth + 1]);
    }
  }
  return null;
}

const join = (a: string, b: string) => (a ? `${a}.${b}` : b);

export function inputGuardError(f: Finding): AppError {
  const m = validationMessages[f.reason];
  const detail: BilingualDetail = { field: f.path, zh: m.zh, en: m.en };
  return new AppError('VALIDATION', [detail]);
}

/** The first query parameter given more than once (the parser makes it a list). */
export function findRepeatedParameter(query: unknown): Finding | null {
  if (!query || typeof query !== 'object') return null;
  const key = Object.keys(query).find((k) => Array.isArray((query as Record<string, unknown>)[k]));
  return key === undefined ? null : { path: join('querystring', key), reason: 'query.repeated' };
}

/** Checks params, query and body of one request; field names follow the validation errors' (querystring.q). */
export function checkRequestInput(req: FastifyRequest): void {
  const found =
    findUnsafeInput(req.params, 'params') ??
    findUnsafeInput(req.query, 'querystring') ??
    findRepeatedParameter(req.query) ??
    findUnsafeInput(req.body, '');
  if (found) throw inputGuardError(found);
}

/**
 * Registered after the access pipeline's preValidation hook, so a caller without access still learns
 * nothing from a 400 and a refused input is never audited as anything but the refusal.
 */
export function registerInputGuard(app: FastifyInstance, opts: { enabled: boolean }): void {
  if (!opts.enabled) return;
  app.addHook('preValidation', async (req) => {
    // The app shell and 404s read nothing from the request: a page address with a bad value in its query (a link to
    // a list) still opens the page, whose list drops that value and asks the API without it.
    if (req.is404) return;
    checkRequestInput(req);
  });
}
