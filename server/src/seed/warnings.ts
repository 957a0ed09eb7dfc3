// Demo 警兆知识库, replayed through the real commands after the demo activity: the bureau's rules — overdue hidden
// dangers (active, with a stricter red draft version 2 to backtest side by side), major hidden dangers past their deadline
// (active), repeated 举报 (active), no self-check for 30 days (a draft), 三项岗位 certificates falling due or lapsed
// (active) and accident deaths pacing above the year's target (active, areas with a target) — evaluated as of today, so the inbox holds the
// warnings they fire on the demo data.
import { eq } from 'drizzle-orm';
import type { CreateWarningRuleBody } from '@anjian/contracts';
import { warningRuleVersions } from '../db/schema';
import type { Tx } from '../platform/db';
import { cstDate } from '../platform/time';
import { actOnVersionIn, createRuleIn, draftVersionIn } from '../modules/warnings/commands/rules';
import { evaluateVersion } from '../modules/warnings/warnings.evaluate';
import { demoActor } from './hazards';

const rules: (CreateWarningRuleBody & { activate: boolean })[] = [
  {
    name: '企业逾期未整改隐患过多',
    condition: { kind: 'overdue_hazards', params: { minCount: 2 } },
    level: 'orange',
    recipients: ['street', 'district', 'enterprise'],
    action: '街道约谈企业主要负责人，督促限期整改；逾期仍未整改的纳入执法检查计划',
    activate: true,
  },
  {
    name: '重大隐患超期未销号',
    condition: { kind: 'major_hazard_overdue', params: { graceDays: 0 } },
    level: 'red',
    recipients: ['district', 'leader', 'street'],
    action: '区局挂牌督办，必要时责令停产停业整改',
    activate: true,
  },
  {
    name: '同一企业/地址被反复举报',
    condition: { kind: 'repeated_reports', params: { minCount: 2, days: 90 } },
    level: 'yellow',
    recipients: ['street', 'district'],
    action: '街道组织现场核查，核实后依法处理',
    activate: true,
  },
  {
    name: '企业长期未开展隐患自查',
    condition: { kind: 'no_self_check', params: { days: 30 } },
    level: 'blue',
    recipients: ['street', 'enterprise'],
    action: '提醒企业按自查清单开展自查，网格员上门督促',
    activate: false,
  },
  {
    name: '三项岗位证书即将到期或已过期',
    condition: { kind: 'certificates_expiring', params: { minCount: 2, days: 60 } },
    level: 'yellow',
    recipients: ['enterprise', 'street'],
    action: '督促企业60天内组织复审或换证；证书已过期的人员暂停相应岗位作业',
    activate: true,
  },
  {
    name: '事故死亡人数超过控制目标进度',
    condition: { kind: 'deaths_pace', params: { tolerancePct: 0 } },
    level: 'red',
    recipients: ['district', 'leader', 'street'],
    action: '区安委办约谈属地街道主要负责人，分析事故原因并部署专项整治',
    activate: true,
  },
];

export async function seedDemoWarnings(tx: Tx): Promise<void> {
  const today = cstDate();
  const officer = await demoActor(tx, 'officer');
  for (const { activate, ...body } of rules) {
    const rule = await createRuleIn(tx, officer, null, body);
    if (!activate) continue;
    const [v] = await tx.select().from(warningRuleVersions).where(eq(warningRuleVersions.ruleId, rule.id));
    const active = await actOnVersionIn(tx, officer, null, v!.id, { action: 'activate', version: v!.version });
    await evaluateVersion(tx, active, rule.name, today);
    if (body.condition.kind === 'overdue_hazards') {
      const { name: _name, activate: _a, ...def } = { ...body, activate };
      await draftVersionIn(tx, officer, null, rule.id, {
        ...def,
        condition: { kind: 'overdue_hazards', params: { minCount: 10 } },
        level: 'red',
        note: '提高门槛：逾期10项以上升为红色预警',
        version: rule.version,
      });
    }
  }
}
