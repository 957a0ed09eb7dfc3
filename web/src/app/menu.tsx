// The menu and routes in one list: an entry shows only when the caller holds its permission.
import type { ReactNode } from 'react';
import { lazy } from 'react';
import { ApartmentOutlined, AuditOutlined, BankOutlined, HomeOutlined, TeamOutlined } from '@ant-design/icons';
import { AlertOutlined, BarChartOutlined, FlagOutlined } from '@ant-design/icons';
import { DashboardOutlined, FireOutlined, LineChartOutlined } from '@ant-design/icons';
import { CheckSquareOutlined, HeatMapOutlined, OrderedListOutlined } from '@ant-design/icons';
import { AimOutlined, FileProtectOutlined, FundOutlined, SafetyOutlined, ScheduleOutlined } from '@ant-design/icons';
import { CalendarOutlined } from '@ant-design/icons';
import type { Bilingual, Permission } from '@anjian/contracts';

export interface MenuEntry {
  path: string;
  label: Bilingual;
  icon: ReactNode;
  /** undefined: every logged-in user. */
  permission?: Permission;
  element: ReactNode;
}

const HomePage = lazy(() => import('../features/home/HomePage').then((m) => ({ default: m.HomePage })));
const JurisdictionPage = lazy(() => import('../features/jurisdiction/JurisdictionPage').then((m) => ({ default: m.JurisdictionPage })));
const UserList = lazy(() => import('../resources/users').then((m) => ({ default: m.UserList })));
const EnterpriseRoutes = lazy(() => import('../resources/enterprises').then((m) => ({ default: m.EnterpriseRoutes })));
const CalendarPage = lazy(() => import('../features/calendar/CalendarPage').then((m) => ({ default: m.CalendarPage })));
const AuditList = lazy(() => import('../resources/audit').then((m) => ({ default: m.AuditList })));

const HazardRoutes = lazy(() => import('../resources/hazards').then((m) => ({ default: m.HazardRoutes })));
const ListedRegister = lazy(() => import('../resources/hazards').then((m) => ({ default: m.ListedRegister })));
// Its own chunk: ECharts loads only for those who open the statistics, not on the enterprise's phone.
const HazardStats = lazy(() => import('../resources/hazards/HazardStats').then((m) => ({ default: m.HazardStats })));
const AccidentRoutes = lazy(() => import('../resources/accidents').then((m) => ({ default: m.AccidentRoutes })));
const AnalysisDashboard = lazy(() => import('../features/indicators').then((m) => ({ default: m.AnalysisDashboard })));
const IndicatorRoutes = lazy(() => import('../features/indicators').then((m) => ({ default: m.IndicatorRoutes })));
const RiskRoutes = lazy(() => import('../resources/risks').then((m) => ({ default: m.RiskRoutes })));
const CheckRoutes = lazy(() => import('../features/checks').then((m) => ({ default: m.CheckRoutes })));
const TemplateList = lazy(() => import('../resources/check-templates').then((m) => ({ default: m.TemplateList })));
const EnforcementRoutes = lazy(() => import('../resources/enforcement').then((m) => ({ default: m.EnforcementRoutes })));
const DrawPage = lazy(() => import('../resources/enforcement').then((m) => ({ default: m.DrawPage })));
const PenaltiesPage = lazy(() => import('../resources/enforcement').then((m) => ({ default: m.PenaltiesPage })));
const PlanPage = lazy(() => import('../resources/enforcement').then((m) => ({ default: m.PlanPage })));
// Its own chunk so ECharts stays off the phone inspection flow.
const EnforcementStats = lazy(() => import('../resources/enforcement/EnforcementStats').then((m) => ({ default: m.EnforcementStats })));

export const menu: MenuEntry[] = [
  { path: '/', label: { zh: '工作台', en: 'Workbench' }, icon: <HomeOutlined />, element: <HomePage /> },
  {
    path: '/enterprises',
    label: { zh: '企业档案', en: 'Enterprises' },
    icon: <BankOutlined />,
    permission: 'enterprise.read',
    element: <EnterpriseRoutes />,
  },
  {
    path: '/jurisdiction',
    label: { zh: '辖区与机构', en: 'Jurisdiction' },
    icon: <ApartmentOutlined />,
    permission: 'area.read',
    element: <JurisdictionPage />,
  },
  { path: '/users', label: { zh: '用户管理', en: 'Users' }, icon: <TeamOutlined />, permission: 'user.read', element: <UserList /> },
  { path: '/audit', label: { zh: '审计日志', en: 'Audit log' }, icon: <AuditOutlined />, permission: 'audit.read', element: <AuditList /> },
  {
    path: '/calendar',
    label: { zh: '节假日日历', en: 'Holiday calendar' },
    icon: <CalendarOutlined />,
    permission: 'calendar.read',
    element: <CalendarPage />,
  },
  {
    path: '/hazards',
    label: { zh: '隐患排查治理', en: 'Hidden dangers' },
    icon: <AlertOutlined />,
    permission: 'hazard.read',
    element: <HazardRoutes />,
  },
  {
    path: '/listed-hazards',
    label: { zh: '挂牌督办', en: 'Listed supervision' },
    icon: <FlagOutlined />,
    permission: 'hazard.read',
    element: <ListedRegister />,
  },
  {
    path: '/hazard-stats',
    label: { zh: '隐患统计', en: 'Hazard statistics' },
    icon: <BarChartOutlined />,
    permission: 'hazard.stats',
    element: <HazardStats />,
  },
  {
    path: '/accidents',
    label: { zh: '事故管理', en: 'Accidents' },
    icon: <FireOutlined />,
    permission: 'accident.read',
    element: <AccidentRoutes />,
  },
  {
    path: '/accident-analysis',
    label: { zh: '事故分析', en: 'Accident analysis' },
    icon: <LineChartOutlined />,
    permission: 'accident.read',
    element: <AnalysisDashboard />,
  },
  {
    path: '/indicators',
    label: { zh: '控制指标', en: 'Safety indicators' },
    icon: <DashboardOutlined />,
    permission: 'indicator.read',
    element: <IndicatorRoutes />,
  },
  // Risk graded control and scheduled self-inspection: an enterprise account sees its own register and today's
  // checks under the same entries where staff see the district views.
  {
    path: '/risks',
    label: { zh: '风险分级管控', en: 'Risk control' },
    icon: <HeatMapOutlined />,
    permission: 'risk.read',
    element: <RiskRoutes />,
  },
  {
    path: '/checks',
    label: { zh: '隐患排查任务', en: 'Scheduled checks' },
    icon: <CheckSquareOutlined />,
    permission: 'check.read',
    element: <CheckRoutes />,
  },
  {
    path: '/check-templates',
    label: { zh: '排查清单模板', en: 'Checklists' },
    icon: <OrderedListOutlined />,
    permission: 'risk.manageTemplates',
    element: <TemplateList />,
  },
  // Enforcement: inspections (and their phone flow), 双随机 draws, penalty cases, statistics.
  {
    path: '/enforcement',
    label: { zh: '执法检查', en: 'Inspections' },
    icon: <SafetyOutlined />,
    permission: 'inspection.read',
    element: <EnforcementRoutes />,
  },
  {
    path: '/enforcement-draws',
    label: { zh: '双随机抽查', en: 'Random draws' },
    icon: <AimOutlined />,
    permission: 'enforcement.read',
    element: <DrawPage />,
  },
  {
    path: '/inspection-plan',
    label: { zh: '年度检查计划', en: 'Annual plan' },
    icon: <ScheduleOutlined />,
    permission: 'enforcement.read',
    element: <PlanPage />,
  },
  {
    path: '/penalties',
    label: { zh: '行政处罚', en: 'Penalty cases' },
    icon: <FileProtectOutlined />,
    permission: 'case.read',
    element: <PenaltiesPage />,
  },
  {
    path: '/enforcement-stats',
    label: { zh: '执法统计', en: 'Enforcement statistics' },
    icon: <FundOutlined />,
    permission: 'enforcement.read',
    element: <EnforcementStats />,
  },
];
