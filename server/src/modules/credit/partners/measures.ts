// 联合惩戒 as configuration (rules.md marks it L: the partner list and wording are each deployment's own memorandum):
// the partner agencies and the measures each applies to a unit on the 严重失信主体名单. Defaults follow the seeds:
// 003 七 (line 84) "对列入'黑名单'管理的企业，在投融资、保险税收、政府采购、招标投标、土地出让等方面一律给予限制 …
// 对被追究刑事责任的生产经营者一律实施职业禁入", 004 §14 (line 54) the same five fields, and 001 §6 (line 48) the
// agencies of 发改财金〔2016〕1001号 named for Shanwei (发展改革、人民银行、银保监、自然资源、市场监管 …).
import type { PunishmentMeasureKind, PunishmentMeasureView } from '@anjian/contracts';

export interface PartnerAgency {
  id: string;
  name: { zh: string; en: string };
  measures: { kind: PunishmentMeasureKind; measure: { zh: string; en: string }; appliesTo: 'unit' | 'principal' }[];
}

export interface JointPunishmentConfig {
  version: string;
  basis: string;
  partners: PartnerAgency[];
}

export const defaultJointPunishment: JointPunishmentConfig = {
  version: '2026.1',
  // Shown to users as the list's basis: the published memorandum, not the project's own seed-file numbering.
  basis: '发改财金〔2016〕1001号',
  partners: [
    {
      id: 'ndrc',
      name: { zh: '发展和改革局', en: 'Development and Reform Bureau' },
      measures: [
        {
          kind: 'investment_financing',
          measure: { zh: '限制政府投资项目安排和企业债券发行', en: 'No government-funded projects or corporate bond issues' },
          appliesTo: 'unit',
        },
      ],
    },
    {
      id: 'pboc',
      name: { zh: '人民银行、银保监部门', en: 'Central bank branch and banking/insurance regulator' },
      measures: [
        {
          kind: 'investment_financing',
          measure: {
            zh: '作为融资授信审慎参考，限制新增授信',
            en: 'Credit decisions take the listing into account; new credit restricted',
          },
          appliesTo: 'unit',
        },
        {
          kind: 'insurance',
          measure: { zh: '上浮安全生产责任保险等险种费率', en: 'Higher premium rates for work-safety liability insurance' },
          appliesTo: 'unit',
        },
      ],
    },
    {
      id: 'tax',
      name: { zh: '税务局', en: 'Tax Bureau' },
      measures: [
        {
          kind: 'tax',
          measure: { zh: '列为重点监控对象，从严审核税收优惠', en: 'Close monitoring; tax incentives reviewed strictly' },
          appliesTo: 'unit',
        },
      ],
    },
    {
      id: 'finance',
      name: { zh: '财政局', en: 'Finance Bureau' },
      measures: [
        {
          kind: 'government_procurement',
          measure: { zh: '依法限制参加政府采购活动', en: 'Barred from government procurement as the law allows' },
          appliesTo: 'unit',
        },
      ],
    },
    {
      id: 'bidding',
      name: { zh: '住房城乡建设局、公共资源交易中心', en: 'Housing and Construction Bureau, public resources trading centre' },
      measures: [
        { kind: 'bidding', measure: { zh: '限制参与工程招标投标', en: 'Restricted from bidding for works contracts' }, appliesTo: 'unit' },
      ],
    },
    {
      id: 'land',
      name: { zh: '自然资源局', en: 'Natural Resources Bureau' },
      measures: [
        {
          kind: 'land_transfer',
          measure: { zh: '限制参与国有土地使用权出让', en: 'Restricted from state land-use right transfers' },
          appliesTo: 'unit',
        },
      ],
    },
    {
      id: 'samr',
      name: { zh: '市场监督管理局', en: 'Market Regulation Bureau' },
      measures: [
        {
          kind: 'market_access',
          measure: {
            zh: '限制新设企业、行政许可从严审查，信息公示系统标注',
            en: 'New registrations and licences reviewed strictly; marked in the public registry',
          },
          appliesTo: 'unit',
        },
        {
          kind: 'principal_professional_ban',
          measure: {
            zh: '被追究刑事责任的主要负责人依法实施职业禁入，限制担任企业法定代表人、负责人',
            en: 'A principal held criminally liable is banned from serving as legal representative or principal',
          },
          appliesTo: 'principal',
        },
      ],
    },
  ],
};

/** Every measure of the configuration, each with its agency (what a listed unit is restricted in). */
export function measuresOf(config: JointPunishmentConfig = defaultJointPunishment): PunishmentMeasureView[] {
  return config.partners.flatMap((p) => p.measures.map((m) => ({ partnerId: p.id, partner: p.name, ...m })));
}

/** The measures that apply to a unit on a given day: all of them while its listing is in force, none otherwise. */
export function measuresFor(listed: boolean, config: JointPunishmentConfig = defaultJointPunishment): PunishmentMeasureView[] {
  return listed ? measuresOf(config) : [];
}

/** The distinct kinds, in the order of the configuration (the .xlsx and feed columns). */
export function measureKindsOf(config: JointPunishmentConfig = defaultJointPunishment): PunishmentMeasureKind[] {
  return [...new Set(measuresOf(config).map((m) => m.kind))];
}
