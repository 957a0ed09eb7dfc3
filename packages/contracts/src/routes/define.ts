// The shape of one entry of the route map: what a route takes (path params, query, body) and what it answers.
// The server registers the same schemas on its routes; routes.test (server) fails when the two drift apart.
import type { z } from 'zod';

export interface RouteContract {
  params?: z.ZodType;
  query?: z.ZodType;
  body?: z.ZodType;
  /** The body is multipart form data (uploads), not JSON. */
  multipart?: true;
  response: z.ZodType;
}

/** Keys are `METHOD /path/:param` exactly as the server registers them. */
export type RouteMap = Record<`${'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'} /api/${string}`, RouteContract>;

export function defineRoutes<const M extends RouteMap>(map: M): M {
  return map;
}
