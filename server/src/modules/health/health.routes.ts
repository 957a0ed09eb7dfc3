// GET /api/health: liveness plus which database engine is behind the API.
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { ZodApp } from '../../platform/zod-app';

export function healthRoutes(app: ZodApp) {
  app.get(
    '/api/health',
    {
      config: { access: 'public' },
      schema: { tags: ['platform'], response: { 200: z.object({ status: z.literal('ok'), db: z.enum(['pglite', 'postgres']) }) } },
    },
    async () => {
      await app.db.execute(sql`select 1`);
      return { status: 'ok' as const, db: app.database.engine };
    },
  );
}
