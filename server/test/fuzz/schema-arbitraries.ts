// fast-check arbitraries read off the app's own OpenAPI document: a plausible value for a JSON Schema (so a
// request gets past validation and reaches the handler), hostile values (wrong types, boundaries, impossible
// dates, NUL, surrogates, RTL marks, long strings, deep JSON, SQL and LIKE metacharacters, traversal), and
// mutations of a plausible object (a field replaced, a required one dropped, an unknown one added).
import fc from 'fast-check';

export interface JsonSchema {
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number | boolean;
  exclusiveMaximum?: number | boolean;
  nullable?: boolean;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  minItems?: number;
  maxItems?: number;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  default?: unknown;
}

/** Real values from the seeded database, so plausible requests name records that exist. */
export interface Pools {
  /** Ids by table name (risk_units …) and all of them under '*'. */
  ids: Map<string, string[]>;
  areaCodes: string[];
}

const deep = (n: number) => '['.repeat(n) + ']'.repeat(n);
const deepObject = (n: number): unknown => {
  let v: unknown = 'x';
  for (let i = 0; i < n; i++) v = { a: v };
  return v;
};

/** Strings a careless or hostile caller sends. */
export const hostileStrings: string[] = [
  '',
  ' ',
  'a\u0000b',
  '\u0000',
  '\ud800',
  'x\udc00',
  '\ud83d\ude00', // a well-formed pair (emoji): must be accepted where text is
  '\u202eexe.pdf',
  '\u200f\u200e\u061c',
  '\ufeff\u200b',
  'line\r\nbreak',
  "' OR 1=1 --",
  "'; drop table users; --",
  '%',
  '_',
  '%_%\\',
  '\\',
  '%%%%%%%%%%%%%%%%%%%%%%%%',
  '../../../../etc/passwd',
  '..%2f..%2fetc%2fpasswd',
  '..\\..\\windows',
  '<script>alert(1)</script>',
  '=HYPERLINK("http://x")',
  '{{7*7}}${7*7}',
  'null',
  'undefined',
  'NaN',
  '-1',
  '0',
  '1e400',
  '9'.repeat(40),
  '2026-02-30',
  '0000-01-01',
  '9999-12-31',
  '1899-12-31',
  '2100-12-31',
  '2101-01-01',
  '2024-02-29',
  '2026-13-01',
  '0000-01-01T00:00:00Z',
  '2026-02-30T08:00:00+08:00',
  '+275760-09-13T00:00:00.000Z',
  '2026-03-01T08:00:00',
  '00000000-0000-0000-0000-000000000000',
  'ffffffff-ffff-ffff-ffff-ffffffffffff',
  '00000000-0000-4000-8000-000000000000',
  '440307',
  '中文字段名称',
  'x'.repeat(257),
  '长'.repeat(5000),
];

const hugeString = 'y'.repeat(200_000);

/** Any JSON value of the wrong kind, boundary numbers, deep nesting. */
export const hostileValues: unknown[] = [
  null,
  true,
  false,
  0,
  -0,
  -1,
  1,
  0.5,
  2 ** 31,
  2 ** 53,
  -(2 ** 53),
  1e308,
  -1e308,
  [],
  [null],
  {},
  { $ne: null },
  { a: 1 },
  deepObject(40),
  JSON.parse(deep(40)),
  hugeString,
];

export const hostileArb: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 5, arbitrary: fc.constantFrom(...hostileStrings) },
  { weight: 3, arbitrary: fc.constantFrom(...hostileValues) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 30 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 30 }) },
  { weight: 1, arbitrary: fc.double() },
  { weight: 1, arbitrary: fc.integer() },
);

const CJK = fc.constantFrom(...'安全生产监管企业隐患排查治理风险事故执法街道社区园区'.split(''));
const textArb = (min: number, max: number) =>
  fc
    .array(fc.oneof(CJK, fc.constantFrom(...'abcxyz0123 -_.'.split(''))), {
      minLength: Math.max(min, 1),
      maxLength: Math.max(Math.min(max, 24), min, 1),
    })
    .map((cs) => cs.join(''))
    .filter((s) => s.trim().length >= min && s.length <= max);

const isoDay = fc
  .date({ min: new Date('2018-01-01'), max: new Date('2027-06-30'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));
const isoInstant = fc
  .date({ min: new Date('2018-01-01'), max: new Date(Date.now() - 3_600_000), noInvalidDate: true })
  .map((d) => d.toISOString());

const DATE_PATTERN = '^(\\d{4})-(\\d{2})-(\\d{2})$';

function tableFor(name: string): string | null {
  const m = /^(.*)Id$/.exec(name);
  if (!m) return null;
  const snake = m[1]!.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
  return snake.endsWith('s') ? snake : `${snake}s`;
}

function uuidArb(pools: Pools, hint: string | null): fc.Arbitrary<string> {
  const own = hint ? pools.ids.get(hint) : undefined;
  const all = pools.ids.get('*') ?? [];
  const options: { weight: number; arbitrary: fc.Arbitrary<string> }[] = [{ weight: 1, arbitrary: fc.uuid({ version: 4 }) }];
  if (own?.length) options.push({ weight: 6, arbitrary: fc.constantFrom(...own) });
  if (all.length) options.push({ weight: 2, arbitrary: fc.constantFrom(...all) });
  return fc.oneof(...options);
}

function numberArb(s: JsonSchema, integer: boolean, name: string): fc.Arbitrary<number> {
  if (name === 'version') return fc.integer({ min: 1, max: 3 });
  const lo = Math.max(s.minimum ?? -1000, -1e6) + (s.exclusiveMinimum === true || typeof s.exclusiveMinimum === 'number' ? 1 : 0);
  const hi = Math.min(s.maximum ?? 1000, 1e6);
  const min = typeof s.exclusiveMinimum === 'number' ? Math.max(lo, s.exclusiveMinimum + (integer ? 1 : 0.001)) : lo;
  if (min > hi) return fc.constant(min);
  const mid = fc.integer({ min: Math.ceil(min), max: Math.floor(Math.min(hi, Math.max(min, 0) + 50)) });
  const edges = fc.constantFrom(Math.ceil(min), Math.floor(hi));
  return integer
    ? fc.oneof({ weight: 4, arbitrary: mid }, { weight: 1, arbitrary: edges })
    : fc.oneof(mid, edges, fc.double({ min, max: hi, noNaN: true, noDefaultInfinity: true }));
}

function stringArb(s: JsonSchema, pools: Pools, name: string): fc.Arbitrary<string> {
  if (s.format === 'uuid') return uuidArb(pools, name === 'id' ? null : tableFor(name));
  if (s.format === 'date-time') return isoInstant;
  if (s.pattern === DATE_PATTERN) return isoDay;
  if (/areaCode|area$|parent/i.test(name) && pools.areaCodes.length && s.pattern?.includes('\\d'))
    return fc.constantFrom(...pools.areaCodes);
  if (s.pattern) {
    try {
      const re = new RegExp(s.pattern);
      return fc.stringMatching(re).filter((x) => x.length <= (s.maxLength ?? 200) && x.length >= (s.minLength ?? 0));
    } catch {
      return fc.string();
    }
  }
  return textArb(s.minLength ?? 0, s.maxLength ?? 64);
}

/** A value that satisfies the schema most of the time (patterns and cross-field rules may still refuse it). */
export function plausible(s: JsonSchema, pools: Pools, name = '', depth = 0): fc.Arbitrary<unknown> {
  if (depth > 6) return fc.constant(null);
  if (s.const !== undefined) return fc.constant(s.const);
  if (s.enum) return fc.constantFrom(...s.enum);
  const alts = s.anyOf ?? s.oneOf;
  if (alts?.length) return fc.oneof(...alts.map((a) => plausible(a, pools, name, depth + 1)));
  if (s.allOf?.length) return plausible(Object.assign({}, ...s.allOf) as JsonSchema, pools, name, depth + 1);
  const type = Array.isArray(s.type) ? s.type.find((t) => t !== 'null') : s.type;
  const base = ((): fc.Arbitrary<unknown> => {
    switch (type) {
      case 'string':
        return stringArb(s, pools, name);
      case 'integer':
        return numberArb(s, true, name);
      case 'number':
        return numberArb(s, false, name);
      case 'boolean':
        return fc.boolean();
      case 'array':
        return fc.array(s.items ? plausible(s.items, pools, name, depth + 1) : fc.string(), {
          minLength: s.minItems ?? 0,
          maxLength: Math.max(s.minItems ?? 0, Math.min(s.maxItems ?? 3, 3)),
        });
      case 'object':
      case undefined:
        if (!s.properties) {
          if (s.additionalProperties && typeof s.additionalProperties === 'object')
            return fc.dictionary(fc.constantFrom('a', 'b', 'note'), plausible(s.additionalProperties, pools, name, depth + 1), {
              maxKeys: 2,
            });
          return type === 'object' ? fc.constant({}) : fc.constant(null);
        }
        return objectArb(s, pools, depth);
      default:
        return fc.constant(null);
    }
  })();
  return s.nullable ? fc.oneof({ weight: 5, arbitrary: base }, { weight: 1, arbitrary: fc.constant(null) }) : base;
}

function objectArb(s: JsonSchema, pools: Pools, depth: number): fc.Arbitrary<Record<string, unknown>> {
  const props = s.properties ?? {};
  const required = new Set(s.required ?? []);
  const model: Record<string, fc.Arbitrary<unknown>> = {};
  for (const [k, v] of Object.entries(props)) model[k] = plausible(v, pools, k, depth + 1);
  const optional = Object.keys(props).filter((k) => !required.has(k));
  return fc.record(model, { requiredKeys: [...required].filter((k) => k in props) as never[] }).map((o) => {
    // Keep some optional keys out entirely so defaults are exercised too.
    for (const k of optional) if ((o as Record<string, unknown>)[k] === undefined) delete (o as Record<string, unknown>)[k];
    return o as Record<string, unknown>;
  });
}

export type Mutation =
  { kind: 'replace'; path: string[]; value: unknown } | { kind: 'drop'; path: string[] } | { kind: 'extra'; key: string; value: unknown };

/** Paths to every property in an object schema (nested objects included), for mutations to aim at. */
export function schemaPaths(s: JsonSchema | undefined, prefix: string[] = [], depth = 0): string[][] {
  if (!s || depth > 4) return [];
  const out: string[][] = [];
  for (const [k, v] of Object.entries(s.properties ?? {})) {
    out.push([...prefix, k]);
    if (v.properties) out.push(...schemaPaths(v, [...prefix, k], depth + 1));
  }
  return out;
}

export function mutationArb(paths: string[][]): fc.Arbitrary<Mutation> {
  const extra = fc.record({
    kind: fc.constant('extra' as const),
    key: fc.constantFrom('extra', '__proto__x', 'constructor', 'id', 'createdAt', 'version', '\u0000', 'a\ud800'),
    value: hostileArb,
  });
  if (paths.length === 0) return extra;
  const path = fc.constantFrom(...paths);
  return fc.oneof(
    { weight: 6, arbitrary: fc.record({ kind: fc.constant('replace' as const), path, value: hostileArb }) },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant('drop' as const), path }) },
    { weight: 1, arbitrary: extra },
  );
}

/** Applies mutations to a copy of a plausible object. */
export function applyMutations(value: unknown, mutations: Mutation[]): unknown {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
  const out = structuredClone(value) as Record<string, unknown>;
  for (const m of mutations) {
    if (m.kind === 'extra') {
      out[m.key] = m.value;
      continue;
    }
    let target: Record<string, unknown> = out;
    for (const k of m.path.slice(0, -1)) {
      const next = target[k];
      if (next === null || typeof next !== 'object' || Array.isArray(next)) target[k] = {};
      target = target[k] as Record<string, unknown>;
    }
    const last = m.path[m.path.length - 1]!;
    if (m.kind === 'drop') delete target[last];
    else target[last] = m.value;
  }
  return out;
}
