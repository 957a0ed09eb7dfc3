// The pages the menu opens, each loaded on first use (its own chunk), so a phone downloads only what its role opens.
import { lazy } from 'react';

export const HomePage = lazy(() => import('../features/home/HomePage').then((m) => ({ default: m.HomePage })));
export const JurisdictionPage = lazy(() =>
  import('../features/jurisdiction/JurisdictionPage').then((m) => ({ default: m.JurisdictionPage })),
);
export const UserList = lazy(() => import('../resources/users').then((m) => ({ default: m.UserList })));
export const EnterpriseRoutes = lazy(() => import('../resources/enterprises').then((m) => ({ default: m.EnterpriseRoutes })));
export const CalendarPage = lazy(() => import('../features/calendar/CalendarPage').then((m) => ({ default: m.CalendarPage })));
export const AuditList = lazy(() => import('../resources/audit').then((m) => ({ default: m.AuditList })));

export const HazardRoutes = lazy(() => import('../resources/hazards').then((m) => ({ default: m.HazardRoutes })));
export const ListedRegister = lazy(() => import('../resources/hazards').then((m) => ({ default: m.ListedRegister })));
// Its own chunk: ECharts loads only for those who open the statistics, not on the enterprise's phone.
export const HazardStats = lazy(() => import('../resources/hazards/HazardStats').then((m) => ({ default: m.HazardStats })));
export const AccidentRoutes = lazy(() => import('../resources/accidents').then((m) => ({ default: m.AccidentRoutes })));
export const AnalysisDashboard = lazy(() => import('../features/indicators').then((m) => ({ default: m.AnalysisDashboard })));
export const IndicatorRoutes = lazy(() => import('../features/indicators').then((m) => ({ default: m.IndicatorRoutes })));
export const RiskRoutes = lazy(() => import('../resources/risks').then((m) => ({ default: m.RiskRoutes })));
export const CheckRoutes = lazy(() => import('../features/checks').then((m) => ({ default: m.CheckRoutes })));
export const TemplateList = lazy(() => import('../resources/check-templates').then((m) => ({ default: m.TemplateList })));
export const EnforcementRoutes = lazy(() => import('../resources/enforcement').then((m) => ({ default: m.EnforcementRoutes })));
export const DrawPage = lazy(() => import('../resources/enforcement').then((m) => ({ default: m.DrawPage })));
export const PenaltiesPage = lazy(() => import('../resources/enforcement').then((m) => ({ default: m.PenaltiesPage })));
export const PlanPage = lazy(() => import('../resources/enforcement').then((m) => ({ default: m.PlanPage })));
// Its own chunk so ECharts stays off the phone inspection flow.
export const EmergencyResources = lazy(() => import('../resources/emergency').then((m) => ({ default: m.ResourceRoutes })));
export const EmergencyMap = lazy(() => import('../resources/emergency').then((m) => ({ default: m.EmergencyMap })));
export const DutyRoster = lazy(() => import('../resources/emergency').then((m) => ({ default: m.DutyRoster })));
export const IncidentRoutes = lazy(() => import('../resources/emergency').then((m) => ({ default: m.IncidentRoutes })));
export const FlashReports = lazy(() => import('../resources/emergency').then((m) => ({ default: m.FlashReportRoutes })));
export const IncidentNotices = lazy(() => import('../resources/emergency').then((m) => ({ default: m.IncidentNoticeRoutes })));
export const EmergencyPlans = lazy(() => import('../resources/emergency').then((m) => ({ default: m.PlanRoutes })));
export const EmergencyDrills = lazy(() => import('../resources/emergency').then((m) => ({ default: m.DrillPage })));
export const EmergencyReadiness = lazy(() => import('../resources/emergency').then((m) => ({ default: m.ReadinessPage })));
export const CalloutSettings = lazy(() => import('../resources/emergency').then((m) => ({ default: m.CalloutSettings })));
export const GridRoutes = lazy(() => import('../resources/grid').then((m) => ({ default: m.GridRoutes })));
export const GridRegistrationRoutes = lazy(() => import('../resources/grid').then((m) => ({ default: m.GridRegistrationRoutes })));
export const GridCoverage = lazy(() => import('../resources/grid').then((m) => ({ default: m.Coverage })));
export const RentalPage = lazy(() => import('../resources/grid').then((m) => ({ default: m.RentalPage })));
export const GridRegisterUnit = lazy(() => import('../resources/grid').then((m) => ({ default: m.RegisterUnit })));
export const ReportRoutes = lazy(() => import('../resources/reports').then((m) => ({ default: m.ReportRoutes })));
export const RewardRoutes = lazy(() => import('../resources/rewards').then((m) => ({ default: m.RewardRoutes })));
export const MyReports = lazy(() => import('../resources/reports').then((m) => ({ default: m.MyReports })));
export const RoutingRules = lazy(() => import('../resources/reports').then((m) => ({ default: m.RoutingRules })));
export const ReportMap = lazy(() => import('../resources/reports').then((m) => ({ default: m.ReportMap })));
export const PeopleManage = lazy(() => import('../resources/people').then((m) => ({ default: m.PeopleManage })));
export const CertificatesPage = lazy(() => import('../resources/people').then((m) => ({ default: m.CertificatesPage })));
export const SpotChecksPage = lazy(() => import('../resources/spot-checks').then((m) => ({ default: m.SpotChecksPage })));
export const CommitmentPage = lazy(() => import('../resources/commitments').then((m) => ({ default: m.CommitmentPage })));
export const DutiesPage = lazy(() => import('../resources/commitments').then((m) => ({ default: m.DutiesPage })));
export const CommitmentTexts = lazy(() => import('../resources/commitments').then((m) => ({ default: m.CommitmentTexts })));
export const TrainingPage = lazy(() => import('../resources/training').then((m) => ({ default: m.TrainingPage })));
export const ExamPage = lazy(() => import('../resources/training').then((m) => ({ default: m.ExamPage })));
export const PublicityPage = lazy(() => import('../resources/publicity').then((m) => ({ default: m.PublicityPage })));
export const ReceiptsPage = lazy(() => import('../resources/publicity').then((m) => ({ default: m.ReceiptsPage })));
export const OhRatesPage = lazy(() => import('../resources/occupational-health').then((m) => ({ default: m.OhRatesPage })));
export const QuestionBank = lazy(() => import('../resources/training').then((m) => ({ default: m.QuestionBank })));
export const ListingRoutes = lazy(() => import('../resources/credit').then((m) => ({ default: m.ListingRoutes })));
export const InsurancePage = lazy(() => import('../resources/insurance').then((m) => ({ default: m.InsurancePage })));
export const MandatorySettingsPage = lazy(() => import('../resources/insurance').then((m) => ({ default: m.MandatorySettingsPage })));
export const StandardizationPage = lazy(() => import('../resources/insurance').then((m) => ({ default: m.StandardizationPage })));
export const CreditGradeList = lazy(() => import('../resources/credit').then((m) => ({ default: m.CreditGradeList })));
export const PartnerPage = lazy(() => import('../resources/credit').then((m) => ({ default: m.PartnerPage })));
export const LetterRoutes = lazy(() => import('../resources/responsibility').then((m) => ({ default: m.LetterRoutes })));
export const ResponsibilityList = lazy(() => import('../resources/responsibility').then((m) => ({ default: m.ResponsibilityList })));
export const WorkPlanRoutes = lazy(() => import('../resources/workplans').then((m) => ({ default: m.WorkPlanRoutes })));
export const WorkTaskRoutes = lazy(() => import('../resources/workplans').then((m) => ({ default: m.WorkTaskRoutes })));
export const Interviews = lazy(() => import('../resources/workplans').then((m) => ({ default: m.Interviews })));
export const Bulletins = lazy(() => import('../resources/workplans').then((m) => ({ default: m.Bulletins })));
export const WarningRoutes = lazy(() => import('../resources/warnings').then((m) => ({ default: m.WarningRoutes })));
export const WarningRules = lazy(() => import('../resources/warnings').then((m) => ({ default: m.WarningRules })));
export const AssessmentRoutes = lazy(() => import('../resources/assessment').then((m) => ({ default: m.AssessmentRoutes })));
export const EnforcementStats = lazy(() =>
  import('../resources/enforcement/EnforcementStats').then((m) => ({ default: m.EnforcementStats })),
);
