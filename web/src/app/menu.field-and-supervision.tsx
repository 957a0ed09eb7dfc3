// The menu's field and supervision entries (grid, 举报, emergency, work plans, the public notices), in menu order;
// menu.tsx lists them after the registry, prevention and enforcement entries.
import { BankOutlined } from '@ant-design/icons';
import { ThunderboltOutlined } from '@ant-design/icons';
import { DashboardOutlined } from '@ant-design/icons';
import { FileProtectOutlined, FundOutlined, ScheduleOutlined } from '@ant-design/icons';
import { NotificationOutlined } from '@ant-design/icons';
import { AlertOutlined, EnvironmentOutlined, MedicineBoxOutlined, PhoneOutlined } from '@ant-design/icons';
import { ProjectOutlined, SnippetsOutlined } from '@ant-design/icons';
import { CommentOutlined, TrophyOutlined } from '@ant-design/icons';
import { BellOutlined, ExperimentOutlined } from '@ant-design/icons';
import { SettingOutlined } from '@ant-design/icons';
import type { MenuEntry } from './menu';
import * as pages from './menu.pages';

export const fieldAndSupervisionEntries: MenuEntry[] = [
  {
    path: '/grid',
    group: 'grid',
    // 网格单位, not 我的网格单位: a street or district officer sees its area's units here, not a grid of its own.
    label: { zh: '网格单位', en: 'Grid units' },
    icon: <EnvironmentOutlined />,
    permission: 'grid.read',
    element: <pages.GridRoutes />,
  },
  {
    path: '/grid-register',
    group: 'grid',
    label: { zh: '上报新单位', en: 'Register a unit' },
    icon: <EnvironmentOutlined />,
    permission: 'grid.patrol',
    element: <pages.GridRegisterUnit />,
  },
  {
    path: '/grid-coverage',
    group: 'grid',
    label: { zh: '网格巡查覆盖', en: 'Patrol coverage' },
    icon: <FundOutlined />,
    permission: 'grid.coverage',
    element: <pages.GridCoverage />,
  },
  {
    path: '/grid-registrations',
    group: 'grid',
    label: { zh: '网格登记', en: 'Units registered on patrol' },
    icon: <EnvironmentOutlined />,
    permission: 'grid.read',
    element: <pages.GridRegistrationRoutes />,
  },
  {
    path: '/rental',
    group: 'grid',
    label: { zh: '出租屋备案', en: 'Rental premises' },
    icon: <BankOutlined />,
    permission: 'rental.read',
    element: <pages.RentalPage />,
  },
  // 举报: the officers' workspace, and a citizen's own reports (the form itself is the public page /report).
  {
    path: '/reports',
    group: 'reports',
    label: { zh: '举报办理', en: 'Public reports' },
    icon: <NotificationOutlined />,
    permission: 'report.read',
    element: <pages.ReportRoutes />,
  },
  {
    path: '/report-routing',
    group: 'system',
    label: { zh: '举报分派规则', en: 'Report routing rules' },
    icon: <NotificationOutlined />,
    permission: 'report.routing',
    element: <pages.RoutingRules />,
  },
  {
    path: '/rewards',
    group: 'reports',
    label: { zh: '举报奖励', en: 'Report rewards' },
    icon: <NotificationOutlined />,
    permission: 'reward.read',
    element: <pages.RewardRoutes />,
  },
  {
    path: '/report-map',
    group: 'reports',
    label: { zh: '举报地图', en: 'Map of reports' },
    icon: <NotificationOutlined />,
    permission: 'report.read',
    element: <pages.ReportMap />,
  },
  {
    path: '/my-reports',
    group: 'reports',
    label: { zh: '我的举报', en: 'My reports' },
    icon: <NotificationOutlined />,
    permission: 'report.mine',
    element: <pages.MyReports />,
  },
  // 应急管理: resources and their stock, the map with resource layers and "nearest", the duty roster, incidents (接警).
  {
    path: '/emergency/incidents',
    group: 'emergency',
    label: { zh: '接警', en: 'Incidents' },
    icon: <PhoneOutlined />,
    permission: 'incident.read',
    element: <pages.IncidentRoutes />,
  },
  // 快报: an enterprise reports its own accident from a phone.
  {
    path: '/emergency/flash-reports',
    group: 'emergency',
    label: { zh: '事故快报', en: 'Flash reports' },
    icon: <AlertOutlined />,
    permission: 'incident.flash',
    element: <pages.FlashReports />,
  },
  // A team's call-out, opened from its inbox message only (never in a menu): the recipient's own.
  {
    path: '/emergency/incident-notices',
    group: 'emergency',
    label: { zh: '出动通知', en: 'Call-outs' },
    icon: <AlertOutlined />,
    shapes: [],
    element: <pages.IncidentNotices />,
  },
  {
    path: '/emergency/duty',
    group: 'emergency',
    label: { zh: '值班表', en: 'Duty roster' },
    icon: <ScheduleOutlined />,
    permission: 'duty.read',
    element: <pages.DutyRoster />,
  },
  {
    path: '/emergency/resources',
    group: 'emergency',
    label: { zh: '应急资源', en: 'Resources' },
    icon: <MedicineBoxOutlined />,
    permission: 'emergency.read',
    element: <pages.EmergencyResources />,
  },
  {
    path: '/emergency/map',
    group: 'emergency',
    label: { zh: '资源地图', en: 'Resource map' },
    icon: <EnvironmentOutlined />,
    permission: 'emergency.read',
    element: <pages.EmergencyMap />,
  },
  // 应急预案 (enterprises file, officers review), 演练 and readiness.
  {
    path: '/emergency/plans',
    group: 'emergency',
    label: { zh: '应急预案', en: 'Emergency plans' },
    icon: <FileProtectOutlined />,
    permission: 'plan.read',
    element: <pages.EmergencyPlans />,
  },
  {
    path: '/emergency/drills',
    group: 'emergency',
    label: { zh: '应急演练', en: 'Drills' },
    icon: <ThunderboltOutlined />,
    permission: 'drill.read',
    element: <pages.EmergencyDrills />,
  },
  {
    path: '/emergency/readiness',
    group: 'emergency',
    label: { zh: '应急准备情况', en: 'Readiness' },
    icon: <DashboardOutlined />,
    permission: 'readiness.read',
    element: <pages.EmergencyReadiness />,
  },
  // 出动队伍配置: the administrator (whose only emergency entry it is) and the district bureau.
  {
    path: '/emergency/callout-settings',
    group: 'emergency',
    label: { zh: '出动队伍配置', en: 'Call-out team types' },
    icon: <SettingOutlined />,
    permission: 'emergency.configure',
    element: <pages.CalloutSettings />,
  },
  // 工作方案与督办: the plans (the bureau issues, every unit sees those it holds tasks in) and a lead unit's own tasks.
  {
    path: '/workplans',
    group: 'workplans',
    label: { zh: '工作方案', en: 'Work plans' },
    icon: <ProjectOutlined />,
    permission: 'workplan.read',
    element: <pages.WorkPlanRoutes />,
  },
  {
    path: '/work-tasks',
    group: 'workplans',
    label: { zh: '我的任务', en: 'My tasks' },
    icon: <SnippetsOutlined />,
    permission: 'workplan.report',
    element: <pages.WorkTaskRoutes />,
  },
  // 约谈 and 通报: the bureau records and publishes; a unit reads the interviews held with it and the bulletins sent to it.
  {
    path: '/work-interviews',
    group: 'workplans',
    label: { zh: '约谈记录', en: 'Interviews' },
    icon: <CommentOutlined />,
    permission: 'workplan.read',
    element: <pages.Interviews />,
  },
  {
    path: '/work-bulletins',
    group: 'workplans',
    label: { zh: '通报', en: 'Bulletins' },
    icon: <NotificationOutlined />,
    permission: 'workplan.read',
    element: <pages.Bulletins />,
  },
  // 年度考核: the bureau's schemes, sheets and ranking; a unit's own score sheet.
  {
    path: '/assessment',
    group: 'workplans',
    label: { zh: '年度考核', en: 'Annual assessment' },
    icon: <TrophyOutlined />,
    permission: 'assessment.read',
    element: <pages.AssessmentRoutes />,
  },
  // 警兆知识库: the warnings fired in the caller's scope (district and street officers, departments, parks) and the
  // rules the bureau writes and backtests.
  {
    path: '/warnings',
    group: 'workplans',
    label: { zh: '预警信息', en: 'Warnings' },
    icon: <BellOutlined />,
    permission: 'warning.read',
    element: <pages.WarningRoutes />,
  },
  {
    path: '/warning-rules',
    group: 'workplans',
    label: { zh: '警兆知识库', en: 'Warning rules' },
    icon: <ExperimentOutlined />,
    permission: 'warningRule.read',
    element: <pages.WarningRules />,
  },
  // The public notices (penalty decisions, 双随机 results): open to everyone, shown in the public's menu.
  {
    path: '/public',
    group: 'public',
    label: { zh: '公示信息', en: 'Public notices' },
    icon: <FileProtectOutlined />,
    shapes: ['public'],
    external: true,
    element: null,
  },
];
