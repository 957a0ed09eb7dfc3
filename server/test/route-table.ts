// Who may call which route. `roles` is written out by hand (not derived from `grants`) so that a
// change to the permission table shows up here as a failing row that someone must confirm.
import type { Role } from '@anjian/contracts';
import type { RouteAccess } from '../src/platform/http';

interface Row {
  access: RouteAccess;
  roles: readonly Role[] | 'any';
  /** A body for write routes, only needed so validation does not fail first. */
  payload?: unknown;
  /** Routes whose own tests cover them and that a probe would disturb (logout ends the session). */
  probe?: false;
}

const staff = ['district_leader', 'district_officer', 'street_officer', 'grid_inspector', 'industry_officer', 'park_officer'] as const;
const enterpriseUsers = ['enterprise_principal', 'enterprise_safety_manager'] as const;
const riskManagers = ['district_officer', 'street_officer', ...enterpriseUsers] as const;
const accidentOfficers = ['district_officer', 'street_officer', 'industry_officer'] as const;
const indicatorReaders = ['district_leader', 'district_officer', 'street_officer', 'industry_officer'] as const;

const workplanReaders = ['district_leader', 'district_officer', 'street_officer', 'industry_officer', 'park_officer'] as const;

const enforcers = ['district_officer', 'street_officer', 'industry_officer', 'park_officer'] as const;

export const routeTable: Record<string, Row> = {
  'GET /api/public/report-areas': { access: 'public', roles: 'any' },
  'POST /api/public/reports': { access: 'public', roles: 'any' },
  'GET /api/public/reports/:code': { access: 'public', roles: 'any' },
  'GET /api/reports/mine': { access: 'report.mine', roles: ['public'] },
  'GET /api/reports': { access: 'report.read', roles: ['district_leader', 'district_officer', 'street_officer'] },
  'POST /api/reports': { access: 'report.intake', roles: ['district_officer', 'street_officer'] },
  'GET /api/reports/:id': { access: 'report.read', roles: ['district_leader', 'district_officer', 'street_officer'] },
  'POST /api/reports/:id/act': {
    access: 'report.handle',
    roles: ['district_officer', 'street_officer'],
    payload: { action: 'accept', version: 1 },
  },
  'POST /api/reports/:id/reporter/reveal': {
    access: 'report.revealReporter',
    roles: ['district_officer'],
    payload: { reason: '核实举报人身份以发放奖励' },
  },
  'GET /api/workplans': { access: 'workplan.read', roles: workplanReaders },
  'POST /api/workplans': { access: 'workplan.manage', roles: ['district_officer'], payload: { title: '专项治理方案', year: 2026 } },
  'GET /api/workplans/:id': { access: 'workplan.read', roles: workplanReaders },
  'POST /api/workplans/:id/tasks': {
    access: 'workplan.manage',
    roles: ['district_officer'],
    payload: { seq: 1, item: '工作项目', content: '工作内容', leadOrgId: '00000000-0000-4000-8000-000000000001', version: 1 },
  },
  'GET /api/workplans/:id/board': { access: 'workplan.read', roles: workplanReaders },
  'GET /api/workplans/:id/export': { access: 'workplan.export', roles: ['district_leader', 'district_officer'] },
  'GET /api/work-tasks/mine': {
    access: 'workplan.report',
    roles: ['district_officer', 'street_officer', 'industry_officer', 'park_officer'],
  },
  'GET /api/work-tasks/:id': { access: 'workplan.read', roles: workplanReaders },
  'POST /api/work-tasks/:id/act': { access: 'workplan.read', roles: workplanReaders, payload: { action: 'start', version: 1 } },
  'POST /api/work-tasks/:id/reports': {
    access: 'workplan.report',
    roles: ['district_officer', 'street_officer', 'industry_officer', 'park_officer'],
    payload: { month: '2026-11', progress: '已召开动员部署会议', version: 1 },
  },
  'GET /api/health': { access: 'public', roles: 'any' },
  'GET /api/code-tables': { access: 'public', roles: 'any' },
  'POST /api/auth/login': { access: 'public', roles: 'any', probe: false },
  'POST /api/auth/logout': { access: 'authenticated', roles: 'any', probe: false },
  'GET /api/me': { access: 'authenticated', roles: 'any' },
  'POST /api/auth/password': { access: 'authenticated', roles: 'any' },
  'GET /api/users': { access: 'user.read', roles: ['sys_admin'] },
  'GET /api/users/:id': { access: 'user.read', roles: ['sys_admin'] },
  'POST /api/users': { access: 'user.manage', roles: ['sys_admin'] },
  'PATCH /api/users/:id': { access: 'user.manage', roles: ['sys_admin'] },
  'POST /api/users/:id/unlock': { access: 'user.manage', roles: ['sys_admin'] },
  'GET /api/areas': { access: 'area.read', roles: ['sys_admin', 'audit_admin', ...staff] },
  'GET /api/organisations': { access: 'org.read', roles: ['sys_admin', 'audit_admin', ...staff] },
  'POST /api/organisations': { access: 'org.manage', roles: ['sys_admin'] },
  'GET /api/parks': { access: 'area.read', roles: ['sys_admin', 'audit_admin', ...staff] },
  'POST /api/parks': { access: 'area.manage', roles: ['sys_admin'] },
  'GET /api/audit': { access: 'audit.read', roles: ['audit_admin'] },
  'POST /api/audit/verify': { access: 'audit.verify', roles: ['audit_admin'] },
  'GET /api/enterprises': { access: 'enterprise.read', roles: [...staff, ...enterpriseUsers] },
  'POST /api/enterprises': {
    access: 'enterprise.create',
    roles: ['district_officer', 'street_officer', 'industry_officer', 'park_officer'],
  },
  'GET /api/enterprises/:id': { access: 'enterprise.read', roles: [...staff, ...enterpriseUsers] },
  'PATCH /api/enterprises/:id': {
    access: 'enterprise.update',
    roles: ['district_officer', 'street_officer', 'industry_officer', 'park_officer', ...enterpriseUsers],
    payload: { version: 1 },
  },
  'DELETE /api/enterprises/:id': { access: 'enterprise.delete', roles: ['district_officer'], payload: { version: 1 } },
  'POST /api/enterprises/:id/restore': { access: 'enterprise.delete', roles: ['district_officer'], payload: { version: 1 } },
  'GET /api/enterprises/:id/history': { access: 'enterprise.read', roles: [...staff, ...enterpriseUsers] },
  'POST /api/enterprises/:id/contacts/reveal': {
    access: 'enterprise.revealContacts',
    roles: ['street_officer', 'grid_inspector', 'industry_officer', 'park_officer'],
    payload: { reason: '核实隐患整改情况' },
  },
  'GET /api/enterprises/import-template': { access: 'enterprise.import', roles: ['district_officer', 'street_officer'] },
  'POST /api/enterprises/import': { access: 'enterprise.import', roles: ['district_officer', 'street_officer'] },
  'GET /api/enterprises/export': {
    access: 'enterprise.export',
    roles: ['district_leader', 'district_officer', 'street_officer', 'industry_officer', 'park_officer'],
  },
  'GET /api/map/config': { access: 'enterprise.read', roles: [...staff, 'enterprise_principal', 'enterprise_safety_manager'] },
  'GET /api/map/enterprises': { access: 'enterprise.read', roles: [...staff, 'enterprise_principal', 'enterprise_safety_manager'] },
  // Hidden dangers (hazards module).
  'GET /api/hazards': { access: 'hazard.read', roles: [...staff, ...enterpriseUsers] },
  'GET /api/hazards/meta': { access: 'hazard.read', roles: [...staff, ...enterpriseUsers] },
  'POST /api/hazards': {
    access: 'hazard.report',
    roles: [
      'enterprise_principal',
      'enterprise_safety_manager',
      'grid_inspector',
      'street_officer',
      'district_officer',
      'industry_officer',
      'park_officer',
    ],
  },
  'POST /api/hazards/attachments': { access: 'hazard.act', roles: [...staff, ...enterpriseUsers] },
  'GET /api/hazards/:id': { access: 'hazard.read', roles: [...staff, ...enterpriseUsers] },
  'POST /api/hazards/:id/actions/:action': { access: 'hazard.act', roles: [...staff, ...enterpriseUsers] },
  'GET /api/hazards/listed': { access: 'hazard.read', roles: [...staff, ...enterpriseUsers] },
  'POST /api/hazards/:id/listing': { access: 'hazard.list', roles: ['district_officer', 'street_officer'] },
  'POST /api/hazards/:id/listing/progress': { access: 'hazard.act', roles: [...staff, ...enterpriseUsers] },
  'POST /api/hazards/:id/listing/delist': { access: 'hazard.list', roles: ['district_officer', 'street_officer'] },
  'POST /api/hazards/:id/regrade': {
    access: 'hazard.regrade',
    roles: ['district_officer', 'street_officer', 'industry_officer', 'park_officer'],
  },
  'GET /api/hazards/stats': { access: 'hazard.stats', roles: [...staff] },
  'GET /api/enterprises/:id/hazard-report': { access: 'hazard.read', roles: [...staff, ...enterpriseUsers] },
  'GET /api/enterprises/:id/hazard-export': { access: 'hazard.read', roles: [...staff, ...enterpriseUsers] },
  'GET /api/files/:id': { access: 'authenticated', roles: 'any' },
  'GET /api/files/:id/thumbnail': { access: 'authenticated', roles: 'any' },
  // Risk graded control (risks module).
  'GET /api/enterprises/:id/risk-units': { access: 'risk.read', roles: [...staff, ...enterpriseUsers] },
  'POST /api/enterprises/:id/risk-units': { access: 'risk.manage', roles: riskManagers, payload: { name: '配料岗位', kind: 'post' } },
  'GET /api/risk-units/:id': { access: 'risk.read', roles: [...staff, ...enterpriseUsers] },
  'PATCH /api/risk-units/:id': { access: 'risk.manage', roles: riskManagers, payload: { version: 1 } },
  'DELETE /api/risk-units/:id': { access: 'risk.manage', roles: riskManagers, payload: { version: 1 } },
  'GET /api/risk-units/:id/card.docx': { access: 'risk.read', roles: [...staff, ...enterpriseUsers] },
  'POST /api/risk-units/:id/events': { access: 'risk.manage', roles: riskManagers, payload: { name: '粉尘爆炸' } },
  'GET /api/risk-events/:id': { access: 'risk.read', roles: [...staff, ...enterpriseUsers] },
  'PATCH /api/risk-events/:id': { access: 'risk.manage', roles: riskManagers, payload: { version: 1 } },
  'POST /api/risk-events/:id/close': { access: 'risk.manage', roles: riskManagers, payload: { version: 1, reason: '设备已拆除' } },
  'POST /api/risk-events/:id/reopen': { access: 'risk.manage', roles: riskManagers, payload: { version: 1 } },
  'DELETE /api/risk-events/:id': { access: 'risk.manage', roles: riskManagers, payload: { version: 1 } },
  'GET /api/risk-events/:id/measures': { access: 'risk.read', roles: [...staff, ...enterpriseUsers] },
  'POST /api/risk-events/:id/measures': {
    access: 'risk.manage',
    roles: riskManagers,
    payload: { type: 'ppe', description: '佩戴防尘口罩' },
  },
  'PATCH /api/risk-measures/:id': { access: 'risk.manage', roles: riskManagers, payload: { version: 1 } },
  'DELETE /api/risk-measures/:id': { access: 'risk.manage', roles: riskManagers, payload: { version: 1 } },
  'GET /api/risks/reference': { access: 'risk.read', roles: [...staff, ...enterpriseUsers] },
  'PATCH /api/risks/settings': { access: 'risk.manageTemplates', roles: ['district_officer'] },
  'GET /api/risks/distribution': { access: 'risk.read', roles: [...staff, ...enterpriseUsers] },
  'GET /api/risks/map-colours': { access: 'risk.read', roles: [...staff, ...enterpriseUsers] },
  // Scheduled self-inspection (checks module).
  'GET /api/check-tasks': { access: 'check.read', roles: [...staff, ...enterpriseUsers] },
  'GET /api/check-tasks/missed-summary': { access: 'check.read', roles: [...staff, ...enterpriseUsers] },
  'POST /api/check-tasks/generate': { access: 'risk.manageTemplates', roles: ['district_officer'], payload: { date: '2026-01-05' } },
  'GET /api/check-tasks/:id': { access: 'check.read', roles: [...staff, ...enterpriseUsers] },
  'POST /api/check-tasks/:id/submit': { access: 'check.do', roles: enterpriseUsers },
  'GET /api/check-templates': { access: 'check.read', roles: [...staff, ...enterpriseUsers] },
  'POST /api/check-templates': { access: 'risk.manageTemplates', roles: ['district_officer'] },
  'PUT /api/check-templates/:id': { access: 'risk.manageTemplates', roles: ['district_officer'] },
  'DELETE /api/check-templates/:id': { access: 'risk.manageTemplates', roles: ['district_officer'], payload: { version: 1 } },
  // END risks/checks rows
  // Accidents and indicators (accidents, indicators modules).
  'GET /api/accidents': { access: 'accident.read', roles: [...staff, ...enterpriseUsers] },
  'GET /api/accidents/code-tables': { access: 'accident.read', roles: [...staff, ...enterpriseUsers] },
  'POST /api/accidents/grade-preview': { access: 'accident.create', roles: accidentOfficers },
  'POST /api/accidents': { access: 'accident.create', roles: accidentOfficers },
  'GET /api/accidents/:id': { access: 'accident.read', roles: [...staff, ...enterpriseUsers] },
  'PATCH /api/accidents/:id': { access: 'accident.update', roles: accidentOfficers, payload: { version: 1 } },
  'POST /api/accidents/:id/reports': { access: 'accident.update', roles: accidentOfficers },
  'GET /api/accidents/:id/timeline': { access: 'accident.read', roles: [...staff, ...enterpriseUsers] },
  'POST /api/accidents/:id/follow-ups/:dutyId/complete': { access: 'accident.update', roles: accidentOfficers },
  'GET /api/accidents/:id/investigation': { access: 'accident.read', roles: [...staff, ...enterpriseUsers] },
  'PUT /api/accidents/:id/investigation': { access: 'accident.update', roles: accidentOfficers },
  'POST /api/accidents/:id/investigation/extension': { access: 'accident.update', roles: accidentOfficers },
  'GET /api/accidents/analysis': { access: 'accident.read', roles: [...staff, ...enterpriseUsers] },
  'GET /api/accidents/hotspots': { access: 'accident.read', roles: [...staff, ...enterpriseUsers] },
  'GET /api/indicators': { access: 'indicator.read', roles: indicatorReaders },
  'GET /api/indicators/gaoming': { access: 'indicator.read', roles: indicatorReaders },
  'PUT /api/indicators/base/:areaCode/:year': { access: 'indicator.manage', roles: ['district_officer'] },
  'POST /api/indicators/base/import': { access: 'indicator.manage', roles: ['district_officer'] },
  'PUT /api/indicators/targets/:areaCode/:year/:indicator': { access: 'indicator.manage', roles: ['district_officer'] },
  'POST /api/accident-statistics/import': { access: 'indicator.manage', roles: ['district_officer'] },
  // Enforcement (enforcement module).
  'GET /api/enforcement/draws/weights': { access: 'enforcement.read', roles: [...staff] },
  'GET /api/enforcement/draws': { access: 'enforcement.read', roles: [...staff] },
  'POST /api/enforcement/draws': { access: 'enforcement.draw', roles: enforcers },
  'GET /api/enforcement/draws/:id': { access: 'enforcement.read', roles: [...staff] },
  'POST /api/enforcement/draws/:id/verify': { access: 'enforcement.read', roles: [...staff] },
  'POST /api/enforcement/draws/:id/publish': { access: 'enforcement.draw', roles: enforcers },
  'GET /api/public/draws': { access: 'public', roles: 'any' },
  'GET /api/public/draws/:id': { access: 'public', roles: 'any' },
  'GET /api/inspections': { access: 'inspection.read', roles: [...staff, ...enterpriseUsers] },
  'POST /api/inspections': { access: 'inspection.do', roles: enforcers },
  'GET /api/inspections/:id': { access: 'inspection.read', roles: [...staff, ...enterpriseUsers] },
  'POST /api/inspections/:id/record': { access: 'inspection.do', roles: enforcers, payload: { version: 1 } },
  'POST /api/inspections/:id/reinspection': {
    access: 'inspection.do',
    roles: enforcers,
    payload: { version: 1, passed: true, opinion: 'x' },
  },
  'POST /api/inspections/:id/escalate': {
    access: 'case.manage',
    roles: ['district_officer', 'street_officer'],
    payload: { version: 1 },
  },
  'GET /api/enforcement/documents/:id/docx': { access: 'inspection.read', roles: [...staff, ...enterpriseUsers] },
  'GET /api/inspections/:id/checklists': { access: 'inspection.read', roles: [...staff, ...enterpriseUsers] },
  'GET /api/enforcement/penalty-bases': { access: 'case.read', roles: [...staff, ...enterpriseUsers] },
  'GET /api/enforcement/cases': { access: 'case.read', roles: [...staff, ...enterpriseUsers] },
  'POST /api/enforcement/cases': { access: 'case.manage', roles: ['district_officer', 'street_officer'] },
  'GET /api/enforcement/cases/:id': { access: 'case.read', roles: [...staff, ...enterpriseUsers] },
  'POST /api/enforcement/cases/:id/actions/:action': {
    access: 'case.act',
    roles: ['district_officer', 'street_officer', 'district_leader'],
    payload: { version: 1 },
  },
  'GET /api/enforcement/cases/:id/presiders': { access: 'case.manage', roles: ['district_officer', 'street_officer'] },
  'GET /api/public/penalties': { access: 'public', roles: 'any' },
  'GET /api/enforcement/stats': { access: 'enforcement.read', roles: [...staff] },
  'GET /api/enforcement/plans/:year': { access: 'enforcement.read', roles: [...staff] },
  'PUT /api/enforcement/plans/:year': { access: 'enforcement.draw', roles: enforcers },
  'GET /api/enforcement/principal-duty': { access: 'enforcement.read', roles: [...staff] },
  'GET /api/enforcement/settings': { access: 'enforcement.read', roles: [...staff] },
  'PUT /api/enforcement/settings': { access: 'enforcement.manageSettings', roles: ['district_officer'] },
  // The official holiday calendar: read by staff whose deadlines count working days, entered by the platform administrator.
  'GET /api/calendar': { access: 'calendar.read', roles: ['sys_admin', ...staff] },
  'GET /api/workbench': { access: 'authenticated', roles: 'any' },
  'GET /api/calendar/years/:year': { access: 'calendar.read', roles: ['sys_admin', ...staff] },
  'PUT /api/calendar/years/:year': { access: 'calendar.manage', roles: ['sys_admin'] },
  'DELETE /api/calendar/years/:year': { access: 'calendar.manage', roles: ['sys_admin'] },
  // The inbox is every signed-in user's own; failed jobs and the delivery log are the platform administrator's.
  'GET /api/notifications': { access: 'authenticated', roles: 'any' },
  'GET /api/notifications/unread-count': { access: 'authenticated', roles: 'any' },
  'GET /api/notifications/open-items': { access: 'authenticated', roles: 'any' },
  'POST /api/notifications/read': { access: 'authenticated', roles: 'any', payload: { all: true } },
  'GET /api/notifications/preferences': { access: 'authenticated', roles: 'any' },
  'PUT /api/notifications/preferences': {
    access: 'authenticated',
    roles: 'any',
    payload: { email: null, emailEnabled: false, webhookEnabled: false, dailyDigest: false },
  },
  'GET /api/events': { access: 'authenticated', roles: 'any' },
  'GET /api/jobs/failed': { access: 'job.read', roles: ['sys_admin'] },
  'GET /api/jobs/deliveries': { access: 'job.read', roles: ['sys_admin'] },
};
