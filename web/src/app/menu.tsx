// The menu and routes in one list. A route opens for whoever holds its permission; the menu shows it grouped by
// capability and shaped by the caller's kind of work (workShape, derived from the permissions): a grid inspector's
// patrol work, an enterprise's own file, the office work of officers and leaders. An entry whose records only one kind
// of record scope can hold (an area's campaigns) names it, so a park station or an industry department is not offered
// a page that can only ever be empty for it.
import type { ReactNode } from 'react';
import { ApartmentOutlined, AuditOutlined, BankOutlined, HomeOutlined, TeamOutlined } from '@ant-design/icons';
import { AlertOutlined, BarChartOutlined, FlagOutlined } from '@ant-design/icons';
import { DashboardOutlined, FireOutlined, LineChartOutlined } from '@ant-design/icons';
import { CheckSquareOutlined, HeatMapOutlined, OrderedListOutlined } from '@ant-design/icons';
import { AimOutlined, FileProtectOutlined, FundOutlined, SafetyOutlined, ScheduleOutlined } from '@ant-design/icons';
import { CalendarOutlined, IdcardOutlined, NotificationOutlined } from '@ant-design/icons';
import { EnvironmentOutlined, MedicineBoxOutlined } from '@ant-design/icons';
import { ProjectOutlined } from '@ant-design/icons';
import { SearchOutlined, SolutionOutlined } from '@ant-design/icons';
import { roleScopeKind, type Bilingual, type Me, type Permission, type ScopeKind } from '@anjian/contracts';
import * as pages from './menu.pages';
import { fieldAndSupervisionEntries } from './menu.field-and-supervision';

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
  /**
   * The record scopes (roleScopeKind) that can hold the page's records, where the server's scope predicate gives the
   * others nothing (their rows carry no sector or park column): the menu of another scope leaves the entry out.
   */
  scopes?: ScopeKind[];
  /** The label an enterprise account sees (its own file rather than the district's). */
  enterpriseLabel?: Bilingual;
  /** Opens outside the signed-in frame (the public pages). */
  external?: boolean;
}

/** The entries this user's menu shows. */
export function visibleEntries(user: Pick<Me, 'enterpriseId' | 'permissions' | 'role'>): MenuEntry[] {
  const shape = workShape(user);
  const scope = roleScopeKind[user.role];
  return menu.filter(
    (m) =>
      (!m.permission || user.permissions.includes(m.permission)) &&
      (!m.shapes || m.shapes.includes(shape)) &&
      (!m.scopes || m.scopes.includes(scope)),
  );
}

export const menu: MenuEntry[] = [
  { path: '/', group: 'home', label: { zh: '工作台', en: 'Workbench' }, icon: <HomeOutlined />, element: <pages.HomePage /> },
  {
    path: '/enterprises',
    group: 'registry',
    enterpriseLabel: { zh: '本企业档案', en: 'Our enterprise file' },
    label: { zh: '企业档案', en: 'Enterprises' },
    icon: <BankOutlined />,
    permission: 'enterprise.read',
    element: <pages.EnterpriseRoutes />,
  },
  {
    path: '/people',
    group: 'registry',
    shapes: ['enterprise'],
    label: { zh: '人员与证书', en: 'People and certificates' },
    icon: <IdcardOutlined />,
    permission: 'people.manage',
    element: <pages.PeopleManage />,
  },
  {
    path: '/certificates',
    group: 'registry',
    shapes: ['office', 'patrol'],
    label: { zh: '持证管理', en: 'Certificates' },
    icon: <IdcardOutlined />,
    permission: 'certificate.stats',
    element: <pages.CertificatesPage />,
  },
  // 抽查 of certificate holders (seed 000 五(五)18): drawn and recorded on a phone in the field.
  {
    path: '/spot-checks',
    group: 'registry',
    shapes: ['office', 'patrol'],
    label: { zh: '持证抽查', en: 'Certificate spot checks' },
    icon: <IdcardOutlined />,
    permission: 'spot_check.read',
    element: <pages.SpotChecksPage />,
  },
  // 承诺制 and 八个一次 (seed 001): the principal signs and records on a phone; officers check and read compliance.
  {
    path: '/commitment',
    group: 'registry',
    shapes: ['enterprise'],
    label: { zh: '安全承诺书', en: 'Safety commitment' },
    icon: <IdcardOutlined />,
    permission: 'commitment.read',
    element: <pages.CommitmentPage />,
  },
  {
    path: '/insurance-settings',
    group: 'system',
    shapes: ['admin'],
    label: { zh: '强制投保行业', en: 'Mandatory insurance' },
    icon: <IdcardOutlined />,
    permission: 'insurance.configure',
    element: <pages.MandatorySettingsPage />,
  },
  {
    path: '/commitment-texts',
    group: 'registry',
    shapes: ['office', 'admin'],
    label: { zh: '承诺书文本', en: 'Commitment text' },
    icon: <IdcardOutlined />,
    permission: 'commitment.configure',
    element: <pages.CommitmentTexts />,
  },
  {
    path: '/duties',
    group: 'registry',
    shapes: ['office', 'patrol', 'enterprise'],
    label: { zh: '八个一次', en: 'Principal’s eight duties' },
    icon: <IdcardOutlined />,
    permission: 'commitment.read',
    element: <pages.DutiesPage />,
  },
  {
    path: '/training',
    group: 'registry',
    shapes: ['office', 'patrol'],
    label: { zh: '培训管理', en: 'Training' },
    icon: <IdcardOutlined />,
    permission: 'training.stats',
    element: <pages.TrainingPage />,
  },
  {
    path: '/exam',
    group: 'registry',
    shapes: ['enterprise'],
    label: { zh: '在线考试', en: 'Online exams' },
    icon: <IdcardOutlined />,
    permission: 'exam.take',
    element: <pages.ExamPage />,
  },
  // The page lists campaigns, which are an area's (publicity_campaigns has no sector or park column): a park station's or
  // an industry department's scope never holds one, so for them the list, coverage and unreached views are always
  // empty (their publicity.read still reads GET /api/publicity/targets, which this page does not show).
  {
    path: '/publicity',
    group: 'registry',
    shapes: ['office', 'patrol'],
    scopes: ['area'],
    label: { zh: '宣传覆盖', en: 'Publicity reach' },
    icon: <NotificationOutlined />,
    permission: 'publicity.read',
    element: <pages.PublicityPage />,
  },
  {
    path: '/publicity-receipts',
    group: 'registry',
    shapes: ['enterprise'],
    label: { zh: '宣传签收', en: 'Publicity receipts' },
    icon: <NotificationOutlined />,
    permission: 'publicity.confirm',
    element: <pages.ReceiptsPage />,
  },
  {
    path: '/occupational-health',
    group: 'registry',
    shapes: ['office', 'patrol'],
    label: { zh: '职业健康', en: 'Occupational health' },
    icon: <MedicineBoxOutlined />,
    permission: 'occhealth.stats',
    element: <pages.OhRatesPage />,
  },
  {
    path: '/exam-bank',
    group: 'registry',
    shapes: ['office'],
    label: { zh: '题库与试卷', en: 'Question bank' },
    icon: <IdcardOutlined />,
    permission: 'exam.manage',
    element: <pages.QuestionBank />,
  },
  {
    path: '/jurisdiction',
    group: 'registry',
    shapes: ['office', 'admin'],
    label: { zh: '辖区与机构', en: 'Jurisdiction' },
    icon: <ApartmentOutlined />,
    permission: 'area.read',
    element: <pages.JurisdictionPage />,
  },
  {
    path: '/users',
    group: 'system',
    label: { zh: '用户管理', en: 'Users' },
    icon: <TeamOutlined />,
    permission: 'user.read',
    element: <pages.UserList />,
  },
  {
    path: '/audit',
    group: 'system',
    label: { zh: '审计日志', en: 'Audit log' },
    icon: <AuditOutlined />,
    permission: 'audit.read',
    element: <pages.AuditList />,
  },
  {
    path: '/calendar',
    group: 'system',
    shapes: ['office', 'admin'],
    label: { zh: '节假日日历', en: 'Holiday calendar' },
    icon: <CalendarOutlined />,
    permission: 'calendar.read',
    element: <pages.CalendarPage />,
  },
  {
    path: '/hazards',
    group: 'hazards',
    label: { zh: '隐患排查治理', en: 'Hidden dangers' },
    icon: <AlertOutlined />,
    permission: 'hazard.read',
    element: <pages.HazardRoutes />,
  },
  {
    path: '/listed-hazards',
    group: 'hazards',
    shapes: ['office'],
    label: { zh: '挂牌督办', en: 'Listed supervision' },
    icon: <FlagOutlined />,
    permission: 'hazard.read',
    element: <pages.ListedRegister />,
  },
  {
    path: '/hazard-stats',
    group: 'hazards',
    shapes: ['office'],
    label: { zh: '隐患统计', en: 'Hazard statistics' },
    icon: <BarChartOutlined />,
    permission: 'hazard.stats',
    element: <pages.HazardStats />,
  },
  {
    path: '/accidents',
    group: 'accidents',
    shapes: ['office', 'enterprise'],
    label: { zh: '事故管理', en: 'Accidents' },
    icon: <FireOutlined />,
    permission: 'accident.read',
    element: <pages.AccidentRoutes />,
  },
  {
    path: '/accident-analysis',
    group: 'accidents',
    shapes: ['office'],
    label: { zh: '事故分析', en: 'Accident analysis' },
    icon: <LineChartOutlined />,
    permission: 'accident.read',
    element: <pages.AnalysisDashboard />,
  },
  {
    path: '/indicators',
    group: 'accidents',
    shapes: ['office'],
    label: { zh: '控制指标', en: 'Safety indicators' },
    icon: <DashboardOutlined />,
    permission: 'indicator.read',
    element: <pages.IndicatorRoutes />,
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
    element: <pages.RiskRoutes />,
  },
  {
    path: '/checks',
    group: 'hazards',
    label: { zh: '隐患排查任务', en: 'Scheduled checks' },
    icon: <CheckSquareOutlined />,
    permission: 'check.read',
    element: <pages.CheckRoutes />,
  },
  {
    path: '/check-templates',
    group: 'hazards',
    shapes: ['office'],
    label: { zh: '排查清单模板', en: 'Checklists' },
    icon: <OrderedListOutlined />,
    permission: 'risk.manageTemplates',
    element: <pages.TemplateList />,
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
    element: <pages.EnforcementRoutes />,
  },
  {
    path: '/enforcement-draws',
    group: 'enforcement',
    shapes: ['office'],
    label: { zh: '双随机抽查', en: 'Random draws' },
    icon: <AimOutlined />,
    permission: 'enforcement.read',
    element: <pages.DrawPage />,
  },
  {
    path: '/inspection-plan',
    group: 'enforcement',
    shapes: ['office'],
    label: { zh: '年度检查计划', en: 'Annual plan' },
    icon: <ScheduleOutlined />,
    permission: 'enforcement.read',
    element: <pages.PlanPage />,
  },
  {
    path: '/penalties',
    group: 'enforcement',
    shapes: ['office', 'enterprise'],
    enterpriseLabel: { zh: '本企业行政处罚', en: 'Penalties on us' },
    label: { zh: '行政处罚', en: 'Penalty cases' },
    icon: <FileProtectOutlined />,
    permission: 'case.read',
    element: <pages.PenaltiesPage />,
  },
  {
    path: '/enforcement-stats',
    group: 'enforcement',
    shapes: ['office'],
    label: { zh: '执法统计', en: 'Enforcement statistics' },
    icon: <FundOutlined />,
    permission: 'enforcement.read',
    element: <pages.EnforcementStats />,
  },
  // 安责险 coverage (mandatory sectors without a policy in force, expiring policies, rates) and 安全生产标准化 rates.
  {
    path: '/insurance',
    group: 'registry',
    shapes: ['office', 'patrol'],
    label: { zh: '安责险覆盖', en: 'Liability insurance' },
    icon: <SafetyOutlined />,
    permission: 'insurance.coverage',
    element: <pages.InsurancePage />,
  },
  {
    path: '/standardization',
    group: 'registry',
    shapes: ['office', 'patrol'],
    label: { zh: '安全生产标准化', en: 'Standardization' },
    icon: <FileProtectOutlined />,
    permission: 'standardization.stats',
    element: <pages.StandardizationPage />,
  },
  // 信用: enterprises by credit grade, and the 严重失信主体名单 workspace (部令第11号).
  {
    path: '/credit',
    group: 'enforcement',
    shapes: ['office'],
    label: { zh: '企业信用等级', en: 'Credit grades' },
    icon: <FundOutlined />,
    permission: 'credit.list',
    element: <pages.CreditGradeList />,
  },
  {
    path: '/credit-listings',
    group: 'enforcement',
    shapes: ['office'],
    label: { zh: '严重失信主体名单', en: 'Serious-dishonesty list' },
    icon: <FileProtectOutlined />,
    permission: 'creditListing.read',
    element: <pages.ListingRoutes />,
  },
  // 联合惩戒: the lookup by credit code with the measures that apply, and the export for partner agencies.
  {
    path: '/credit-partners',
    group: 'enforcement',
    shapes: ['office'],
    label: { zh: '联合惩戒', en: 'Joint punishment' },
    icon: <SearchOutlined />,
    permission: 'credit.lookup',
    element: <pages.PartnerPage />,
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
    element: <pages.LetterRoutes />,
  },
  {
    path: '/responsibility-list',
    group: 'registry',
    shapes: ['enterprise'],
    label: { zh: '全员责任清单', en: 'Responsibility list' },
    icon: <SolutionOutlined />,
    permission: 'responsibilityList.manage',
    element: <pages.ResponsibilityList />,
  },
  // 网格化巡查: the grid inspector's units, visits (phone, offline queue) and unit registration; the street's coverage
  // dashboard and review of units registered on patrol.
  ...fieldAndSupervisionEntries,
];
