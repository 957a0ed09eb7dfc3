// GET /api/code-tables: the labels of every code table, for anyone (the public pages use them too; labels are not
// data of any district). The web caches them for the session.
import { codeTablesView } from '@anjian/contracts';
import type { ZodApp } from '../../platform/zod-app';
import { codeTables } from './code-tables';

export function codeTablesRoutes(app: ZodApp) {
  app.get(
    '/api/code-tables',
    { config: { access: 'public' }, schema: { tags: ['platform'], response: { 200: codeTablesView } } },
    async (_req, reply) => {
      void reply.header('cache-control', 'private, max-age=3600');
      return codeTables();
    },
  );
}
