// Every answer passes its route's response schema before it is sent: fields a presenter did not mean to send are
// stripped, and a shape that breaks the contract is a 500 instead of a silent change for the web app and other clients.
//
// The check is zod's parse, not the encode fastify-type-provider-zod uses: the response schemas hold no transform,
// default or codec (routes.contract.test.ts walks them all), so the two give the same output, and parse takes zod's
// compiled path for objects — a page of 20 enterprises in a third of the time (issue #19: the API's own cost).
import type { FastifySchemaCompiler } from 'fastify';
import { ResponseSerializationError } from 'fastify-type-provider-zod';
import type { z } from 'zod';

/** Parts of a zod schema with which parse and encode would differ; a response schema may hold none of them. */
export const DIRECTIONAL_PARTS = new Set(['pipe', 'transform', 'default', 'prefault', 'catch']);

type SerializerCompiler = (route: Parameters<FastifySchemaCompiler<z.ZodType>>[0]) => (data: unknown) => string;

export const responseSerializer: SerializerCompiler = ({ schema, method, url }) => {
  return (data) => {
    const checked = schema.safeParse(data);
    if (!checked.success) throw new ResponseSerializationError(method, url, { cause: checked.error });
    return JSON.stringify(checked.data);
  };
};

/** The DIRECTIONAL_PARTS anywhere inside a schema (objects, arrays, unions, wrappers, records, tuples, lazies). */
export function directionalParts(schema: z.ZodType, seen = new Set<unknown>()): string[] {
  if (seen.has(schema)) return [];
  seen.add(schema);
  const def = (schema as unknown as { _zod: { def: Record<string, unknown> & { type: string } } })._zod.def;
  const out = DIRECTIONAL_PARTS.has(def.type) ? [def.type] : [];
  const children: unknown[] = [def.innerType, def.element, def.valueType, def.keyType, def.left, def.right, def.in, def.out];
  children.push(def.rest, def.catchall, ...((def.options as unknown[]) ?? []), ...((def.items as unknown[]) ?? []));
  if (def.shape) children.push(...Object.values(def.shape as object));
  if (def.type === 'lazy') children.push((def.getter as () => unknown)());
  for (const c of children) if (c && typeof c === 'object' && '_zod' in c) out.push(...directionalParts(c as z.ZodType, seen));
  return out;
}
