// GET /api/workbench: the caller's home page — open items with their deadlines, the figures of their scope and,
// for an area, the open and overdue hidden dangers one level down. Every signed-in role has one; what it holds is
// shaped by the role and filtered by the one scope predicate.
import { workbenchResponse } from '@anjian/contracts';
import type { ZodApp } from '../../platform/zod-app';
import { actorOf } from '../../platform/http';
import { loadHearingConfig } from '../enforcement/settings/enforcement.settings';
import { workbenchClock } from './workbench.clock';
import { workbenchOverview } from './workbench.figures';
import { presentWorkbench } from './workbench.presenter';
import { workbenchTodo } from './workbench.todo';

export function workbenchRoutes(app: ZodApp) {
  app.get(
    '/api/workbench',
    { config: { access: 'authenticated' }, schema: { tags: ['workbench'], response: { 200: workbenchResponse } } },
    async (req) => {
      const actor = actorOf(req);
      const today = workbenchClock.today();
      const hearing = await loadHearingConfig(app.db);
      // Two statements besides the settings: the open items of every kind, and the figures with the breakdown.
      const [todo, { figures, breakdown }] = await Promise.all([
        workbenchTodo(app.db, actor, today, hearing),
        workbenchOverview(app.db, actor, today, hearing),
      ]);
      return presentWorkbench({ today, todo, figures, breakdown });
    },
  );
}
