// The menu and routes in one list. A route opens for whoever holds its permission; the menu shows it grouped by
// capability and shaped by the caller's kind of work (workShape, derived from the permissions): a grid inspector's
// patrol work, an enterprise's own file, the office work of officers and leaders.
import type { ReactNode } from 'react';
import { lazy } from 'react';
import { ApartmentOutlined, AuditOutlined, BankOutlined, HomeOutlined, TeamOutlined } from '@ant-design/icons';
import { AlertOutlined, BarChartOutlined, FlagOutlined, ThunderboltOutlined } from '@ant-design/icons';
import { DashboardOutlined, FireOutlined, LineChartOutlined } from '@ant-design/icons';
import { CheckSquareOutlined, HeatMapOutlined, OrderedListOutlined } from '@ant-design/icons';
import { AimOutlined, FileProtectOutlined, FundOutlined, SafetyOutlined, ScheduleOutlined } from '@ant-design/icons';
import { CalendarOutlined, IdcardOutlined, NotificationOutlined } from '@ant-design/icons';
import { EnvironmentOutlined, MedicineBoxOutlined, PhoneOutlined } from '@ant-design/icons';
import { ProjectOutlined, SnippetsOutlined } from '@ant-design/icons';
import { CommentOutlined, TrophyOutlined } from '@ant-design/icons';
import { SearchOutlined, SolutionOutlined } from '@ant-design/icons';
import { BellOutlined, ExperimentOutlined } from '@ant-design/icons';
import type { Bilingual, Me, Permission } from '@anjian/contracts';

/**
 * - office: officers and leaders (draws, inspections, cases, statistics, accidents);
 * - patrol: staff who find and follow hidden dangers in their grid but do not inspect or decide cases (网格员);
 * - enterprise: an enterprise's own accounts (its file, risks, checks, hidden dangers, inspections of it);
 * - public: no permissions beyond the workbench and the public notices;
 * - admin: platform and audit administrators.
 */
export type WorkShape = 'office' | 'patrol' | 'enterprise' | 'public' | 'admin';

export function workShape(user: Pick<Me, 'enterpriseId' | 'permissions'>): WorkShape {
  const can = (p: Permission) => user.permissions.includes(p);
  if (user.enterpriseId) return 'enterprise';
  if (can('user.manage') || can('audit.read')) return 'admin';
  if (can('inspection.do') || can('case.act') || can('indicator.read') || can('accident.create')) return 'office';
  if (can('hazard.read')) return 'patrol';
  return 'public';
}

export type MenuGroup =
  | 'home'
  | 'registry'
  | 'grid'
  | 'hazards'
  | 'risks'
  | 'accidents'
  | 'enforcement'
  | 'reports'
  | 'workplans'
  | 'emergency'
  | 'system'
  | 'public';

export const menuGroups: Record<MenuGroup, { label: Bilingual; icon: ReactNode }> = {
  home: { label: { zh: '工作台', en: 'Workbench' }, icon: <HomeOutlined /> },
  registry: { label: { zh: '企业与辖区', en: 'Enterprises' }, icon: <BankOutlined /> },
  grid: { label: { zh: '网格巡查', en: 'Grid patrols' }, icon: <EnvironmentOutlined /> },
  hazards: { label: { zh: '隐患排查治理', en: 'Hidden dangers' }, icon: <AlertOutlined /> },
  risks: { label: { zh: '风险分级管控', en: 'Risk control' }, icon: <HeatMapOutlined /> },
  accidents: { label: { zh: '事故与指标', en: 'Accidents and indicators' }, icon: <FireOutlined /> },
  enforcement: { label: { zh: '监管执法', en: 'Enforcement' }, icon: <SafetyOutlined /> },
  reports: { label: { zh: '举报', en: 'Public reports' }, icon: <NotificationOutlined /> },
  emergency: { label: { zh: '应急管理', en: 'Emergency' }, icon: <MedicineBoxOutlined /> },
  workplans: { label: { zh: '工作督办', en: 'Work plans' }, icon: <ProjectOutlined /> },
  system: { label: { zh: '系统管理', en: 'Administration' }, icon: <TeamOutlined /> },
  public: { label: { zh: '公示', en: 'Public notices' }, icon: <FileProtectOutlined /> },
};

export interface MenuEntry {
  path: string;
  label: Bilingual;
  icon: ReactNode;
  /** undefined: every logged-in user. */
  permission?: Permission;
  element: ReactNode;
  group: MenuGroup;
  /** The kinds of work whose menu shows the entry (the route stays open to anyone with the permission). */
  shapes?: WorkShape[];
  /** The label an enterprise account sees (its own file rather than the district's). */
  enterpriseLabel?: Bilingual;
  /** Opens outside the signed-in frame (the public pages). */
  external?: boolean;
}

/** The entries this user's menu shows. */
export function visibleEntries(user: Pick<Me, 'enterpriseId' | 'permissions'>): MenuEntry[] {
  const shape = workShape(user);
  return menu.filter((m) => (!m.permission || user.permissions.includes(m.permission)) && (!m.shapes || m.shapes.includes(shape)));
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
const EmergencyResources = lazy(() => import('../resources/emergency').then((m) => ({ default: m.ResourceRoutes })));
const EmergencyMap = lazy(() => import('../resources/emergency').then((m) => ({ default: m.EmergencyMap })));
const DutyRoster = lazy(() => import('../resources/emergency').then((m) => ({ default: m.DutyRoster })));
const IncidentRoutes = lazy(() => import('../resources/emergency').then((m) => ({ default: m.IncidentRoutes })));
const EmergencyPlans = lazy(() => import('../resources/emergency').then((m) => ({ default: m.PlanRoutes })));
const EmergencyDrills = lazy(() => import('../resources/emergency').then((m) => ({ default: m.DrillPage })));
const EmergencyReadiness = lazy(() => import('../resources/emergency').then((m) => ({ default: m.ReadinessPage })));
const GridRoutes = lazy(() => import('../resources/grid').then((m) => ({ default: m.GridRoutes })));
const GridRegistrationRoutes = lazy(() => import('../resources/grid').then((m) => ({ default: m.GridRegistrationRoutes })));
const GridCoverage = lazy(() => import('../resources/grid').then((m) => ({ default: m.Coverage })));
const RentalPage = lazy(() => import('../resources/grid').then((m) => ({ default: m.RentalPage })));
const GridRegisterUnit = lazy(() => import('../resources/grid').then((m) => ({ default: m.RegisterUnit })));
const ReportRoutes = lazy(() => import('../resources/reports').then((m) => ({ default: m.ReportRoutes })));
const RewardRoutes = lazy(() => import('../resources/rewards').then((m) => ({ default: m.RewardRoutes })));
const MyReports = lazy(() => import('../resources/reports').then((m) => ({ default: m.MyReports })));
const RoutingRules = lazy(() => import('../resources/reports').then((m) => ({ default: m.RoutingRules })));
const ReportMap = lazy(() => import('../resources/reports').then((m) => ({ default: m.ReportMap })));
const PeopleManage = lazy(() => import('../resources/people').then((m) => ({ default: m.PeopleManage })));
const CertificatesPage = lazy(() => import('../resources/people').then((m) => ({ default: m.CertificatesPage })));
const CommitmentPage = lazy(() => import('../resources/commitments').then((m) => ({ default: m.CommitmentPage })));
const DutiesPage = lazy(() => import('../resources/commitments').then((m) => ({ default: m.DutiesPage })));
const TrainingPage = lazy(() => import('../resources/training').then((m) => ({ default: m.TrainingPage })));
const ExamPage = lazy(() => import('../resources/training').then((m) => ({ default: m.ExamPage })));
const PublicityPage = lazy(() => import('../resources/publicity').then((m) => ({ default: m.PublicityPage })));
const ReceiptsPage = lazy(() => import('../resources/publicity').then((m) => ({ default: m.ReceiptsPage })));
const OhRatesPage = lazy(() => import('../resources/occupational-health').then((m) => ({ default: m.OhRatesPage })));
const QuestionBank = lazy(() => import('../resources/training').then((m) => ({ default: m.QuestionBank })));
const ListingRoutes = lazy(() => import('../resources/credit').then((m) => ({ default: m.ListingRoutes })));
const InsurancePage = lazy(() => import('../resources/insurance').then((m) => ({ default: m.InsurancePage })));
const StandardizationPage = lazy(() => import('../resources/insurance').then((m) => ({ default: m.StandardizationPage })));
const CreditGradeList = lazy(() => import('../resources/credit').then((m) => ({ default: m.CreditGradeList })));
const PartnerPage = lazy(() => import('../resources/credit').then((m) => ({ default: m.PartnerPage })));
const LetterRoutes = lazy(() => import('../resources/responsibility').then((m) => ({ default: m.LetterRoutes })));
const ResponsibilityList = lazy(() => import('../resources/responsibility').then((m) => ({ default: m.ResponsibilityList })));
const WorkPlanRoutes = lazy(() => import('../resources/workplans').then((m) => ({ default: m.WorkPlanRoutes })));
const WorkTaskRoutes = lazy(() => import('../resources/workplans').then((m) => ({ default: m.WorkTaskRoutes })));
const Interviews = lazy(() => import('../resources/workplans').then((m) => ({ default: m.Interviews })));
const Bulletins = lazy(() => import('../resources/workplans').then((m) => ({ default: m.Bulletins })));
const WarningRoutes = lazy(() => import('../resources/warnings').then((m) => ({ default: m.WarningRoutes })));
const WarningRules = lazy(() => import('../resources/warnings').then((m) => ({ default: m.WarningRules })));
const AssessmentRoutes = lazy(() => import('../resources/assessment').then((m) => ({ default: m.AssessmentRoutes })));
const EnforcementStats = lazy(() => import('../resources/enforcement/EnforcementStats').then((m) => ({ default: m.EnforcementStats })));

export const menu: MenuEntry[] = [
  { path: '/', group: 'home', label: { zh: '工作台', en: 'Workbench' }, icon: <HomeOutlined />, element: <HomePage /> },
  {
    path: '/enterprises',
    group: 'registry',
    enterpriseLabel: { zh: '本企业档案', en: 'Our enterprise file' },
    label: { zh: '企业档案', en: 'Enterprises' },
    icon: <BankOutlined />,
    permission: 'enterprise.read',
    element: <EnterpriseRoutes />,
  },
  {
    path: '/people',
    group: 'registry',
    shapes: ['enterprise'],
    label: { zh: '人员与证书', en: 'People and certificates' },
    icon: <IdcardOutlined />,
    permission: 'people.manage',
    element: <PeopleManage />,
  },
  {
    path: '/certificates',
    group: 'registry',
    shapes: ['office', 'patrol'],
    label: { zh: '持证管理', en: 'Certificates' },
    icon: <IdcardOutlined />,
    permission: 'certificate.stats',
    element: <CertificatesPage />,
  },
  // 承诺制 and 八个一次 (seed 001): the principal signs and records on a phone; officers check and read compliance.
  {
    path: '/commitment',
    group: 'registry',
    shapes: ['enterprise'],
    label: { zh: '安全承诺书', en: 'Safety commitment' },
    icon: <IdcardOutlined />,
    permission: 'commitment.read',
    element: <CommitmentPage />,
  },
  {
    path: '/duties',
    group: 'registry',
    shapes: ['office', 'patrol', 'enterprise'],
    label: { zh: '八个一次', en: 'Principal’s eight duties' },
    icon: <IdcardOutlined />,
    permission: 'commitment.read',
    element: <DutiesPage />,
  },
  {
    path: '/training',
    group: 'registry',
    shapes: ['office', 'patrol'],
    label: { zh: '培训管理', en: 'Training' },
    icon: <IdcardOutlined />,
    permission: 'training.stats',
    element: <TrainingPage />,
  },
  {
    path: '/exam',
    group: 'registry',
    shapes: ['enterprise'],
    label: { zh: '在线考试', en: 'Online exams' },
    icon: <IdcardOutlined />,
    permission: 'exam.take',
    element: <ExamPage />,
  },
  {
    path: '/publicity',
    group: 'registry',
    shapes: ['office', 'patrol'],
    label: { zh: '宣传覆盖', en: 'Publicity reach' },
    icon: <NotificationOutlined />,
    permission: 'publicity.read',
    element: <PublicityPage />,
  },
  {
    path: '/publicity-receipts',
    group: 'registry',
    shapes: ['enterprise'],
    label: { zh: '宣传签收', en: 'Publicity receipts' },
    icon: <NotificationOutlined />,
    permission: 'publicity.confirm',
    element: <ReceiptsPage />,
  },
  {
    path: '/occupational-health',
    group: 'registry',
    shapes: ['office', 'patrol'],
    label: { zh: '职业健康', en: 'Occupational health' },
    icon: <MedicineBoxOutlined />,
    permission: 'occhealth.stats',
    element: <OhRatesPage />,
  },
  {
    path: '/exam-bank',
    group: 'registry',
    shapes: ['office'],
    label: { zh: '题库与试卷', en: 'Question bank' },
    icon: <IdcardOutlined />,
    permission: 'exam.manage',
    element: <QuestionBank />,
  },
  {
    path: '/jurisdiction',
    group: 'registry',
    shapes: ['office', 'admin'],
    label: { zh: '辖区与机构', en: 'Jurisdiction' },
    icon: <ApartmentOutlined />,
    permission: 'area.read',
    element: <JurisdictionPage />,
  },
  {
    path: '/users',
    group: 'system',
    label: { zh: '用户管理', en: 'Users' },
    icon: <TeamOutlined />,
    permission: 'user.read',
    element: <UserList />,
  },
  {
    path: '/audit',
    group: 'system',
    label: { zh: '审计日志', en: 'Audit log' },
    icon: <AuditOutlined />,
    permission: 'audit.read',
    element: <AuditList />,
  },
  {
    path: '/calendar',
    group: 'system',
    shapes: ['office', 'admin'],
    label: { zh: '节假日日历', en: 'Holiday calendar' },
    icon: <CalendarOutlined />,
    permission: 'calendar.read',
    element: <CalendarPage />,
  },
  {
    path: '/hazards',
    group: 'hazards',
    label: { zh: '隐患排查治理', en: 'Hidden dangers' },
    icon: <AlertOutlined />,
    permission: 'hazard.read',
    element: <HazardRoutes />,
  },
  {
    path: '/listed-hazards',
    group: 'hazards',
    shapes: ['office'],
    label: { zh: '挂牌督办', en: 'Listed supervision' },
    icon: <FlagOutlined />,
    permission: 'hazard.read',
    element: <ListedRegister />,
  },
  {
    path: '/hazard-stats',
    group: 'hazards',
    shapes: ['office'],
    label: { zh: '隐患统计', en: 'Hazard statistics' },
    icon: <BarChartOutlined />,
    permission: 'hazard.stats',
    element: <HazardStats />,
  },
  {
    path: '/accidents',
    group: 'accidents',
    shapes: ['office', 'enterprise'],
    label: { zh: '事故管理', en: 'Accidents' },
    icon: <FireOutlined />,
    permission: 'accident.read',
    element: <AccidentRoutes />,
  },
  {
    path: '/accident-analysis',
    group: 'accidents',
    shapes: ['office'],
    label: { zh: '事故分析', en: 'Accident analysis' },
    icon: <LineChartOutlined />,
    permission: 'accident.read',
    element: <AnalysisDashboard />,
  },
  {
    path: '/indicators',
    group: 'accidents',
    shapes: ['office'],
    label: { zh: '控制指标', en: 'Safety indicators' },
    icon: <DashboardOutlined />,
    permission: 'indicator.read',
    element: <IndicatorRoutes />,
  },
  // Risk graded control and scheduled self-inspection: an enterprise account sees its own register and today's
  // checks under the same entries where staff see the district views.
  {
    path: '/risks',
    group: 'risks',
    shapes: ['office', 'enterprise'],
    label: { zh: '风险分级管控', en: 'Risk control' },
    icon: <HeatMapOutlined />,
    permission: 'risk.read',
    element: <RiskRoutes />,
  },
  {
    path: '/checks',
    group: 'hazards',
    label: { zh: '隐患排查任务', en: 'Scheduled checks' },
    icon: <CheckSquareOutlined />,
    permission: 'check.read',
    element: <CheckRoutes />,
  },
  {
    path: '/check-templates',
    group: 'hazards',
    shapes: ['office'],
    label: { zh: '排查清单模板', en: 'Checklists' },
    icon: <OrderedListOutlined />,
    permission: 'risk.manageTemplates',
    element: <TemplateList />,
  },
  // Enforcement: inspections (and their phone flow), 双随机 draws, penalty cases, statistics.
  {
    path: '/enforcement',
    group: 'enforcement',
    shapes: ['office', 'enterprise'],
    enterpriseLabel: { zh: '本企业执法检查', en: 'Inspections of us' },
    label: { zh: '执法检查', en: 'Inspections' },
    icon: <SafetyOutlined />,
    permission: 'inspection.read',
    element: <EnforcementRoutes />,
  },
  {
    path: '/enforcement-draws',
    group: 'enforcement',
    shapes: ['office'],
    label: { zh: '双随机抽查', en: 'Random draws' },
    icon: <AimOutlined />,
    permission: 'enforcement.read',
    element: <DrawPage />,
  },
  {
    path: '/inspection-plan',
    group: 'enforcement',
    shapes: ['office'],
    label: { zh: '年度检查计划', en: 'Annual plan' },
    icon: <ScheduleOutlined />,
    permission: 'enforcement.read',
    element: <PlanPage />,
  },
  {
    path: '/penalties',
    group: 'enforcement',
    shapes: ['office', 'enterprise'],
    enterpriseLabel: { zh: '本企业行政处罚', en: 'Penalties on us' },
    label: { zh: '行政处罚', en: 'Penalty cases' },
    icon: <FileProtectOutlined />,
    permission: 'case.read',
    element: <PenaltiesPage />,
  },
  {
    path: '/enforcement-stats',
    group: 'enforcement',
    shapes: ['office'],
    label: { zh: '执法统计', en: 'Enforcement statistics' },
    icon: <FundOutlined />,
    permission: 'enforcement.read',
    element: <EnforcementStats />,
  },
  // 安责险 coverage (mandatory sectors without a policy in force, expiring policies, rates) and 安全生产标准化 rates.
  {
    path: '/insurance',
    group: 'registry',
    shapes: ['office', 'patrol'],
    label: { zh: '安责险覆盖', en: 'Liability insurance' },
    icon: <SafetyOutlined />,
    permission: 'insurance.coverage',
    element: <InsurancePage />,
  },
  {
    path: '/standardization',
    group: 'registry',
    shapes: ['office', 'patrol'],
    label: { zh: '安全生产标准化', en: 'Standardization' },
    icon: <FileProtectOutlined />,
    permission: 'standardization.stats',
    element: <StandardizationPage />,
  },
  // 信用: enterprises by credit grade, and the 严重失信主体名单 workspace (部令第11号).
  {
    path: '/credit',
    group: 'enforcement',
    shapes: ['office'],
    label: { zh: '企业信用等级', en: 'Credit grades' },
    icon: <FundOutlined />,
    permission: 'credit.list',
    element: <CreditGradeList />,
  },
  {
    path: '/credit-listings',
    group: 'enforcement',
    shapes: ['office'],
    label: { zh: '严重失信主体名单', en: 'Serious-dishonesty list' },
    icon: <FileProtectOutlined />,
    permission: 'creditListing.read',
    element: <ListingRoutes />,
  },
  // 联合惩戒: the lookup by credit code with the measures that apply, and the export for partner agencies.
  {
    path: '/credit-partners',
    group: 'enforcement',
    shapes: ['office'],
    label: { zh: '联合惩戒', en: 'Joint punishment' },
    icon: <SearchOutlined />,
    permission: 'credit.lookup',
    element: <PartnerPage />,
  },
  // 责任书: target-responsibility letters district → street → community / enterprise; the enterprise's own list.
  {
    path: '/responsibility-letters',
    group: 'workplans',
    shapes: ['office', 'enterprise'],
    enterpriseLabel: { zh: '目标责任书', en: 'Responsibility letters' },
    label: { zh: '目标责任书', en: 'Responsibility letters' },
    icon: <SolutionOutlined />,
    permission: 'responsibilityLetter.read',
    element: <LetterRoutes />,
  },
  {
    path: '/responsibility-list',
    group: 'registry',
    shapes: ['enterprise'],
    label: { zh: '全员责任清单', en: 'Responsibility list' },
    icon: <SolutionOutlined />,
    permission: 'responsibilityList.manage',
    element: <ResponsibilityList />,
  },
  // 网格化巡查: the grid inspector's units, visits (phone, offline queue) and unit registration; the street's coverage
  // dashboard and review of units registered on patrol.
  {
    path: '/grid',
    group: 'grid',
    label: { zh: '我的网格单位', en: 'My grid units' },
    icon: <EnvironmentOutlined />,
    permission: 'grid.read',
    element: <GridRoutes />,
  },
  {
    path: '/grid-register',
    group: 'grid',
    label: { zh: '上报新单位', en: 'Register a unit' },
    icon: <EnvironmentOutlined />,
    permission: 'grid.patrol',
    element: <GridRegisterUnit />,
  },
  {
    path: '/grid-coverage',
    group: 'grid',
    label: { zh: '网格巡查覆盖', en: 'Patrol coverage' },
    icon: <FundOutlined />,
    permission: 'grid.coverage',
    element: <GridCoverage />,
  },
  {
    path: '/grid-registrations',
    group: 'grid',
    label: { zh: '网格登记', en: 'Units registered on patrol' },
    icon: <EnvironmentOutlined />,
    permission: 'grid.read',
    element: <GridRegistrationRoutes />,
  },
  {
    path: '/rental',
    group: 'grid',
    label: { zh: '出租屋备案', en: 'Rental premises' },
    icon: <BankOutlined />,
    permission: 'rental.read',
    element: <RentalPage />,
  },
  // 举报: the officers' workspace, and a citizen's own reports (the form itself is the public page /report).
  {
    path: '/reports',
    group: 'reports',
    label: { zh: '举报办理', en: 'Public reports' },
    icon: <NotificationOutlined />,
    permission: 'report.read',
    element: <ReportRoutes />,
  },
  {
    path: '/report-routing',
    group: 'system',
    label: { zh: '举报分派规则', en: 'Report routing rules' },
    icon: <NotificationOutlined />,
    permission: 'report.routing',
    element: <RoutingRules />,
  },
  {
    path: '/rewards',
    group: 'reports',
    label: { zh: '举报奖励', en: 'Report rewards' },
    icon: <NotificationOutlined />,
    permission: 'reward.read',
    element: <RewardRoutes />,
  },
  {
    path: '/report-map',
    group: 'reports',
    label: { zh: '举报地图', en: 'Map of reports' },
    icon: <NotificationOutlined />,
    permission: 'report.read',
    element: <ReportMap />,
  },
  {
    path: '/my-reports',
    group: 'reports',
    label: { zh: '我的举报', en: 'My reports' },
    icon: <NotificationOutlined />,
    permission: 'report.mine',
    element: <MyReports />,
  },
  // 应急管理: resources and their stock, the map with resource layers and "nearest", the duty roster, incidents (接警).
  {
    path: '/emergency/incidents',
    group: 'emergency',
    label: { zh: '接警', en: 'Incidents' },
    icon: <PhoneOutlined />,
    permission: 'incident.read',
    element: <IncidentRoutes />,
  },
  {
    path: '/emergency/duty',
    group: 'emergency',
    label: { zh: '值班表', en: 'Duty roster' },
    icon: <ScheduleOutlined />,
    permission: 'duty.read',
    element: <DutyRoster />,
  },
  {
    path: '/emergency/resources',
    group: 'emergency',
    label: { zh: '应急资源', en: 'Resources' },
    icon: <MedicineBoxOutlined />,
    permission: 'emergency.read',
    element: <EmergencyResources />,
  },
  {
    path: '/emergency/map',
    group: 'emergency',
    label: { zh: '资源地图', en: 'Resource map' },
    icon: <EnvironmentOutlined />,
    permission: 'emergency.read',
    element: <EmergencyMap />,
  },
  // 应急预案 (enterprises file, officers review), 演练 and readiness.
  {
    path: '/emergency/plans',
    group: 'emergency',
    label: { zh: '应急预案', en: 'Emergency plans' },
    icon: <FileProtectOutlined />,
    permission: 'plan.read',
    element: <EmergencyPlans />,
  },
  {
    path: '/emergency/drills',
    group: 'emergency',
    label: { zh: '应急演练', en: 'Drills' },
    icon: <ThunderboltOutlined />,
    permission: 'drill.read',
    element: <EmergencyDrills />,
  },
  {
    path: '/emergency/readiness',
    group: 'emergency',
    label: { zh: '应急准备情况', en: 'Readiness' },
    icon: <DashboardOutlined />,
    permission: 'readiness.read',
    element: <EmergencyReadiness />,
  },
  // 工作方案与督办: the plans (the bureau issues, every unit sees those it holds tasks in) and a lead unit's own tasks.
  {
    path: '/workplans',
    group: 'workplans',
    label: { zh: '工作方案', en: 'Work plans' },
    icon: <ProjectOutlined />,
    permission: 'workplan.read',
    element: <WorkPlanRoutes />,
  },
  {
    path: '/work-tasks',
    group: 'workplans',
    label: { zh: '我的任务', en: 'My tasks' },
    icon: <SnippetsOutlined />,
    permission: 'workplan.report',
    element: <WorkTaskRoutes />,
  },
  // 约谈 and 通报: the bureau records and publishes; a unit reads the interviews held with it and the bulletins sent to it.
  {
    path: '/work-interviews',
    group: 'workplans',
    label: { zh: '约谈记录', en: 'Interviews' },
    icon: <CommentOutlined />,
    permission: 'workplan.read',
    element: <Interviews />,
  },
  {
    path: '/work-bulletins',
    group: 'workplans',
    label: { zh: '通报', en: 'Bulletins' },
    icon: <NotificationOutlined />,
    permission: 'workplan.read',
    element: <Bulletins />,
  },
  // 年度考核: the bureau's schemes, sheets and ranking; a unit's own score sheet.
  {
    path: '/assessment',
    group: 'workplans',
    label: { zh: '年度考核', en: 'Annual assessment' },
    icon: <TrophyOutlined />,
    permission: 'assessment.read',
    element: <AssessmentRoutes />,
  },
  // 警兆知识库: the warnings fired in the caller's scope (district and street officers, departments, parks) and the
  // rules the bureau writes and backtests.
  {
    path: '/warnings',
    group: 'workplans',
    label: { zh: '预警信息', en: 'Warnings' },
    icon: <BellOutlined />,
    permission: 'warning.read',
    element: <WarningRoutes />,
  },
  {
    path: '/warning-rules',
    group: 'workplans',
    label: { zh: '警兆知识库', en: 'Warning rules' },
    icon: <ExperimentOutlined />,
    permission: 'warningRule.read',
    element: <WarningRules />,
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
