// The deployment's penalty-procedure settings: read by enforcement staff (the form shows them), replaced by the
// district bureau (as the risk settings).
import { enforcementSettingsView, putEnforcementSettingsBody } from '@anjian/contracts';
import type { ZodApp } from '../../../platform/zod-app';
import { actorOf, clientIp } from '../../../platform/http';
import { loadHearingConfig, presentEnforcementSettings } from './enforcement.settings';
import { updateEnforcementSettings } from './commands/update-enforcement-settings';

export function enforcementSettingsRoutes(app: ZodApp) {
  const tags = ['penalties'];
  app.get(
    '/api/enforcement/settings',
    { config: { access: 'enforcement.read' }, schema: { tags, response: { 200: enforcementSettingsView } } },
    async () => presentEnforcementSettings(await loadHearingConfig(app.db)),
  );
  app.put(
    '/api/enforcement/settings',
    {
      config: { access: 'enforcement.manageSettings' },
      schema: { tags, body: putEnforcementSettingsBody, response: { 200: enforcementSettingsView } },
    },
    async (req) => presentEnforcementSettings(await updateEnforcementSettings(app.db, actorOf(req), clientIp(req), req.body)),
  );
}
