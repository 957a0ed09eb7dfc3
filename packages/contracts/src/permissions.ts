// Every permission is a `resource.action` name; `grants` is the one table mapping them to roles.
import type { Role } from './roles';

const staff = [
  'district_leader',
  'district_officer',
  'street_officer',
  'grid_inspector',
  'industry_officer',
  'park_officer',
] as const satisfies readonly Role[];
const enterpriseUsers = ['enterprise_principal', 'enterprise_safety_manager'] as const satisfies readonly Role[];

export const grants = {
  'user.read': ['sys_admin'],
  'user.manage': ['sys_admin'],
  'area.read': ['sys_admin', 'audit_admin', ...staff],
  'area.manage': ['sys_admin'],
  'org.read': ['sys_admin', 'audit_admin', ...staff],
  'org.manage': ['sys_admin'],
  'audit.read': ['audit_admin'],
  /** The official holiday calendar (package years and the deployment's supplement): everyone whose deadlines use it. */
  'calendar.read': ['sys_admin', ...staff],
  /** Entering a year of the State Council's holiday schedule: the platform administrator. */
  'calendar.manage': ['sys_admin'],
  'audit.verify': ['audit_admin'],
  'enterprise.read': [...staff, ...enterpriseUsers],
  'enterprise.create': ['district_officer', 'street_officer', 'industry_officer', 'park_officer'],
  'enterprise.update': ['district_officer', 'street_officer', 'industry_officer', 'park_officer', ...enterpriseUsers],
  'enterprise.delete': ['district_officer'],
  'enterprise.import': ['district_officer', 'street_officer'],
  'enterprise.export': ['district_leader', 'district_officer', 'street_officer', 'industry_officer', 'park_officer'],
  'enterprise.overrideCreditCode': ['district_officer'],
  /** Opening one enterprise's masked contact phones, with a reason that is audited (server platform/masking.ts). */
  'enterprise.revealContacts': ['street_officer', 'grid_inspector', 'industry_officer', 'park_officer'],
  'risk.read': [...staff, ...enterpriseUsers],
  'risk.manage': ['district_officer', 'street_officer', ...enterpriseUsers],
  'risk.manageTemplates': ['district_officer'],
  'check.do': [...enterpriseUsers],
  'check.read': [...staff, ...enterpriseUsers],
  'hazard.read': [...staff, ...enterpriseUsers],
  'hazard.report': [...enterpriseUsers, 'grid_inspector', 'street_officer', 'district_officer', 'industry_officer', 'park_officer'],
  'hazard.act': [...staff, ...enterpriseUsers],
  'hazard.list': ['district_officer', 'street_officer'],
  // Re-grading 一般 ↔ 重大 is the supervising authority's determination, not the reporter's.
  'hazard.regrade': ['district_officer', 'street_officer', 'industry_officer', 'park_officer'],
  'hazard.stats': [...staff],
  'accident.read': [...staff, ...enterpriseUsers],
  'accident.create': ['district_officer', 'street_officer', 'industry_officer'],
  'accident.update': ['district_officer', 'street_officer', 'industry_officer'],
  'indicator.read': ['district_leader', 'district_officer', 'street_officer', 'industry_officer'],
  'indicator.manage': ['district_officer'],
  // Enforcement (双随机, inspections, documents, penalty cases): law-enforcement officers act, the leader reviews.
  'enforcement.read': [...staff],
  'enforcement.draw': ['district_officer', 'street_officer', 'industry_officer', 'park_officer'],
  /** The deployment's hearing threshold, periods and decision-limit rule: the district bureau, as risk settings. */
  'enforcement.manageSettings': ['district_officer'],
  'inspection.read': [...staff, ...enterpriseUsers],
  'inspection.do': ['district_officer', 'street_officer', 'industry_officer', 'park_officer'],
  'case.read': [...staff, ...enterpriseUsers],
  'case.manage': ['district_officer', 'street_officer'],
  'case.review': ['district_leader'],
  /** Route-level gate of case steps; each step then needs case.manage or case.review (case.workflow.ts). */
  'case.act': ['district_officer', 'street_officer', 'district_leader'],
  // 举报: officers handle the reports routed to them (street by area; industry department by sector; park by park —
  // report routing rules); the reporter's identity is the bureau's alone.
  'report.read': ['district_leader', 'district_officer', 'street_officer', 'industry_officer', 'park_officer'],
  /** Recording a report received by hotline, letter, email, visit or from the city (operator intake). */
  'report.intake': ['district_officer', 'street_officer'],
  'report.handle': ['district_officer', 'street_officer', 'industry_officer', 'park_officer'],
  /** Extending a report's handling time limit (rules.md §8: approved by the next-higher department). */
  'report.extend': ['district_officer'],
  /** The 举报 routing rules (location and category → street, industry department or park): configuration. */
  'report.routing': ['sys_admin'],
  /** Opening the reporter vault (name, phone, ID number), with a reason that is audited. */
  'report.revealReporter': ['district_officer'],
  /** A citizen account's own reports. */
  'report.mine': ['public'],
  // 举报奖励 (安监总财〔2018〕19号): the bureau's officer proposes the amount and records the payment (no finance role
  // exists; the bureau's 计财 staff log in as district officers), the leader approves — never the proposer. Readers are
  // the report's handlers and the departments and parks a report can be routed to (their rows by sector and park).
  'reward.read': ['district_leader', 'district_officer', 'street_officer', 'industry_officer', 'park_officer'],
  /** Route-level gate of reward steps; each step then needs reward.propose, reward.approve or reward.pay. */
  'reward.act': ['district_officer', 'district_leader'],
  'reward.propose': ['district_officer'],
  'reward.approve': ['district_leader'],
  'reward.pay': ['district_officer'],
  /**
   * The payment voucher (凭证) of a paid reward: the payer who uploads it, the leader who approved, and the audit
   * administrator (through the file's id in the audit entry). Other reward readers see that one exists, not the file.
   */
  'reward.receipt': ['district_officer', 'district_leader', 'audit_admin'],
  // 三项岗位 people and certificates (issue 16): the enterprise keeps its own list; officers read it in their scope.
  'people.read': [...staff, ...enterpriseUsers],
  'people.manage': [...enterpriseUsers],
  /** Expiry/review list and holding rates across the caller's scope. */
  'certificate.stats': [...staff],
  /** Revoking a certificate after a spot check (抽查) or on the issuing authority's decision. */
  'certificate.revoke': ['district_officer'],
  /** 抽查 of certificate holders (seed 000 五(五)18): the district bureau and the streets draw samples in their area and
   * record outcomes; an outcome that warrants it revokes the certificate by rule (people/spot-checks.rules.ts). */
  'spot_check.read': ['district_leader', 'district_officer', 'street_officer'],
  'spot_check.manage': ['district_officer', 'street_officer'],
  // 培训与考试 (issue 16 §3–4): sessions in the caller's scope (an enterprise its own 三级教育, officers their area's);
  // the district bureau keeps the question bank, papers and the lecturer pool; the enterprise's accounts take exams.
  'training.read': [...staff, ...enterpriseUsers],
  'training.manage': ['district_officer', 'street_officer', 'industry_officer', 'park_officer', ...enterpriseUsers],
  'training.stats': [...staff],
  'exam.manage': ['district_officer'],
  'exam.read': ['district_leader', 'district_officer', 'street_officer', 'industry_officer', 'park_officer', ...enterpriseUsers],
  'exam.take': [...enterpriseUsers],
  // 宣传覆盖: the bureau and the streets run campaigns; the grid, the street and the bureau record deliveries; an
  // enterprise confirms receipt of a pushed tip on its phone. Targets are read in everyone's own scope.
  'publicity.read': [...staff, ...enterpriseUsers],
  'publicity.manage': ['district_officer', 'street_officer'],
  'publicity.deliver': ['district_officer', 'street_officer', 'grid_inspector'],
  'publicity.confirm': [...enterpriseUsers],
  // 职业健康: an enterprise keeps its own file (declaration, detections, equipment, exposed workers and their checks);
  // the supervising officers read it, may record too, and alone set the classification grade; staff read the rates.
  'occhealth.read': [...staff, ...enterpriseUsers],
  'occhealth.manage': ['district_officer', 'street_officer', 'industry_officer', 'park_officer', ...enterpriseUsers],
  'occhealth.grade': ['district_officer', 'street_officer', 'industry_officer', 'park_officer'],
  'occhealth.stats': [...staff],
  // 应急管理 (area-scoped records: the district and its streets). The register and "nearest" are read by the area's
  // staff; the bureau and the streets keep resources and stock; the bureau keeps the duty roster; the duty officer
  // takes calls; the leader on duty (and the officers) acknowledge.
  'emergency.read': ['district_leader', 'district_officer', 'street_officer', 'grid_inspector'],
  'emergency.manage': ['district_officer', 'street_officer'],
  'duty.read': ['district_leader', 'district_officer', 'street_officer'],
  'duty.manage': ['district_officer'],
  /** The team types called out per incident kind (deployment-wide, as the other settings): the administrator and the bureau. */
  'emergency.configure': ['sys_admin', 'district_officer'],
  'incident.read': ['district_leader', 'district_officer', 'street_officer'],
  'incident.intake': ['district_officer', 'street_officer'],
  'incident.act': ['district_leader', 'district_officer', 'street_officer'],
  /** 快报: an enterprise reports its own accident (from a phone); it reaches the duty officer like a call. */
  'incident.flash': [...enterpriseUsers],
  // 应急预案 and 演练 (rules.md §11): enterprises write and file their own plans and record their drills; the area's,
  // industry departments' and park stations' officers read theirs and accept or return filings; the bureau and the
  // streets write government plans. Readiness is over the area-scoped register, so area staff only.
  'plan.read': [...staff, ...enterpriseUsers],
  'plan.write': ['district_officer', 'street_officer', ...enterpriseUsers],
  'plan.review': ['district_officer', 'street_officer', 'industry_officer', 'park_officer'],
  /** Route gate of filing steps and revision triggers; each step then needs plan.write or plan.review (plans.workflow.ts). */
  'plan.act': ['district_officer', 'street_officer', 'industry_officer', 'park_officer', ...enterpriseUsers],
  'drill.read': [...staff, ...enterpriseUsers],
  'drill.record': [...enterpriseUsers],
  'readiness.read': ['district_leader', 'district_officer', 'street_officer'],
  // 信用: an enterprise's credit record and grade (its own users see their own), the officers' list by grade; the
  // 严重失信主体名单 (部令第11号): 谁处罚、谁决定 — the district bureau proposes and decides, the leader too; streets read.
  'credit.read': [...staff, ...enterpriseUsers],
  'credit.list': [...staff],
  'creditListing.read': ['district_leader', 'district_officer', 'street_officer', 'industry_officer', 'park_officer'],
  'creditListing.manage': ['district_officer', 'district_leader'],
  /** Answering "listed or not" for a 统一社会信用代码 (partner agencies' question, asked by an officer). */
  'credit.lookup': [...staff],
  // 安责险 and 安全生产标准化 (issue 17 §6–7): an enterprise records its own policies; the officers keep those in their
  // scope and read the coverage check and rates; standardization grades are recorded by officers (the grading
  // authority's announcement), read by the enterprise for itself.
  'insurance.read': [...staff, ...enterpriseUsers],
  'insurance.write': ['district_officer', 'street_officer', 'industry_officer', 'park_officer', ...enterpriseUsers],
  'insurance.coverage': [...staff],
  /** Editing the mandatory 安责险 sectors and tags (deployment-wide): the administrator and the district bureau. */
  'insurance.configure': ['sys_admin', 'district_officer'],
  'standardization.read': [...staff, ...enterpriseUsers],
  'standardization.record': ['district_officer', 'street_officer', 'industry_officer', 'park_officer'],
  'standardization.stats': [...staff],
  /** The joint-punishment export (.xlsx and the signed feed) of the caller's list for partner agencies. */
  'creditPartner.export': ['district_officer', 'district_leader'],
  // 责任清单与责任书: the enterprise keeps its whole-staff list and post letters; officers read it in their scope. The
  // district bureau issues target-responsibility letters to streets, a street signs its own and issues onward to
  // communities and enterprises; an enterprise's principal signs its letter.
  'responsibilityList.read': [...staff, ...enterpriseUsers],
  'responsibilityList.manage': [...enterpriseUsers],
  'responsibilityLetter.read': ['district_leader', 'district_officer', 'street_officer', ...enterpriseUsers],
  'responsibilityLetter.issue': ['district_officer', 'street_officer'],
  'responsibilityLetter.sign': ['street_officer', 'enterprise_principal'],
  /** Route-level gate of letter steps; each step then needs .issue or .sign and the caller's relation to the letter. */
  'responsibilityLetter.act': ['district_officer', 'street_officer', 'enterprise_principal'],
  // 安全生产承诺制 and 八个一次 (seed 001 二.4): the principal signs the commitment; the enterprise's accounts record the
  // eight duties with evidence; the street (and the district bureau, industry department, park station in their
  // scope) accepts or returns a record; compliance rates and the enterprises falling behind are officers' reading.
  'commitment.read': [...staff, ...enterpriseUsers],
  'commitment.sign': ['enterprise_principal'],
  /** Editing the 承诺书 text per sector (versioned; signatures keep their text): the administrator and the bureau. */
  'commitment.configure': ['sys_admin', 'district_officer'],
  'duty.record': [...enterpriseUsers],
  'duty.check': ['district_officer', 'street_officer', 'industry_officer', 'park_officer'],
  'duty.stats': [...staff],
  // 工作方案与督办: the 安委办/bureau issues plans and accepts tasks; a lead unit (bureau division, street, industry
  // department, park) sees and reports on the tasks its organisation leads (workplans.queries.ts taskScope).
  'workplan.read': ['district_leader', 'district_officer', 'street_officer', 'industry_officer', 'park_officer'],
  /** Issuing plans, adding tasks, accepting or returning reported-done tasks: the district bureau. */
  'workplan.manage': ['district_officer'],
  /** Filing monthly progress and reporting a task done: users of the task's lead unit (checked on the record). */
  'workplan.report': ['district_officer', 'street_officer', 'industry_officer', 'park_officer'],
  /** 督办: marking a task supervised with a level and a reason. */
  'workplan.supervise': ['district_leader', 'district_officer'],
  /** The month's progress table (工作分工及进展情况表) as .xlsx. */
  'workplan.export': ['district_leader', 'district_officer'],
  // 年度考核: the issuing authority (district bureau) keeps the scheme and the sheets; an assessed unit (street,
  // department, park) reads its own sheet (org_id = its organisation) and raises an objection to it.
  'assessment.read': ['district_leader', 'district_officer', 'street_officer', 'industry_officer', 'park_officer'],
  'assessment.manage': ['district_officer'],
  'assessment.object': ['street_officer', 'industry_officer', 'park_officer'],
  // 网格化巡查: the grid inspector patrols its grid (units, visits, photos, registering a unit found on patrol); the
  // street and the district read the visits and the coverage and decide on provisional units.
  'grid.patrol': ['grid_inspector'],
  'grid.read': ['grid_inspector', 'street_officer', 'district_officer', 'district_leader'],
  'grid.coverage': ['street_officer', 'district_officer', 'district_leader'],
  'grid.review': ['street_officer', 'district_officer'],
  // 出租屋备案: the grid and the street record premises and the landlord's 备案; the street (for the community) accepts it.
  'rental.read': ['grid_inspector', 'street_officer', 'district_officer', 'district_leader'],
  'rental.manage': ['grid_inspector', 'street_officer'],
  'rental.accept': ['street_officer'],
  // 警兆知识库 (Gaoming 002): the district bureau (and the platform administrator) writes and backtests the rules; the
  // warnings they fire are read and worked by the officers whose scope holds the warned record.
  'warningRule.read': ['sys_admin', 'district_leader', 'district_officer'],
  'warningRule.manage': ['sys_admin', 'district_officer'],
  'warning.read': ['district_leader', 'district_officer', 'street_officer', 'industry_officer', 'park_officer'],
  /** Acknowledging, handling and closing a warning. */
  'warning.act': ['district_officer', 'street_officer', 'industry_officer', 'park_officer'],
  /** Failed background jobs, dead letters and the outside-channel delivery log: the platform administrator. */
  'job.read': ['sys_admin'],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof grants;
export const permissions = Object.keys(grants) as Permission[];

export function can(role: Role, permission: Permission): boolean {
  return (grants[permission] as readonly Role[]).includes(role);
}

// The table is fixed, and GET /api/me asks for the caller's list on every call: each role's is worked out once.
const permissionsByRole = new Map<Role, readonly Permission[]>();

export function permissionsOf(role: Role): Permission[] {
  let list = permissionsByRole.get(role);
  if (!list) permissionsByRole.set(role, (list = permissions.filter((p) => can(role, p))));
  return [...list];
}
