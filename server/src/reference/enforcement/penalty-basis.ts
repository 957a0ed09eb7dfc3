// Legal basis and discretion ranges for common safety violations: 安全生产法 (2021修正, effective 2021-09-01),
// docs/rules.md §10.1 — only the rows rated H or M, with their fine ranges in yuan. §95 (a share of the principal's
// previous-year income) and §112/§113 (daily fines, closure) are not fixed ranges and are left to the officer.
export interface PenaltyBasis {
  id: string;
  article: string;
  violation: { zh: string; en: string };
  /** Fine range for the unit when first penalised (min 0 = "up to"). */
  first: { min: number; max: number };
  /** Range when not corrected in time, or aggravated. */
  aggravated: { min: number; max: number } | null;
  /** Range for the directly responsible persons, where the article names one. */
  persons: { min: number; max: number } | null;
  confidence: 'H' | 'M';
}

const wan = (n: number) => n * 10_000;

export const penaltyBases: readonly PenaltyBasis[] = [
  {
    id: 'AQSCF2021-94',
    article: '《安全生产法》第九十四条',
    violation: { zh: '生产经营单位的主要负责人未履行安全生产管理职责', en: 'Principal did not perform safety management duties' },
    first: { min: wan(2), max: wan(5) },
    aggravated: { min: wan(5), max: wan(10) },
    persons: null,
    confidence: 'M',
  },
  {
    id: 'AQSCF2021-97',
    article: '《安全生产法》第九十七条',
    violation: {
      zh: '未按规定设置安全生产管理机构或配备人员、未按规定教育培训、特种作业人员无证上岗等',
      en: 'No safety organisation or staff, missing training, uncertified special-operations workers, etc.',
    },
    first: { min: 0, max: wan(10) },
    aggravated: { min: wan(10), max: wan(20) },
    persons: { min: wan(2), max: wan(5) },
    confidence: 'M',
  },
  {
    id: 'AQSCF2021-99',
    article: '《安全生产法》第九十九条',
    violation: {
      zh: '安全设备不符合标准或未经常性维护，关闭、破坏监控报警设备或篡改数据等',
      en: 'Non-compliant or unmaintained safety equipment; monitoring disabled or data tampered with, etc.',
    },
    first: { min: 0, max: wan(5) },
    aggravated: { min: wan(5), max: wan(20) },
    persons: { min: wan(1), max: wan(2) },
    confidence: 'M',
  },
  {
    id: 'AQSCF2021-101',
    article: '《安全生产法》第一百零一条',
    violation: {
      zh: '未建立安全风险分级管控制度、隐患排查治理制度，重大危险源未登记监控，危险作业无专人现场管理等',
      en: 'No risk-grading or hazard-management system, unregistered major hazard installations, unmanaged dangerous work, etc.',
    },
    first: { min: 0, max: wan(10) },
    aggravated: { min: wan(10), max: wan(20) },
    persons: { min: wan(2), max: wan(5) },
    confidence: 'M',
  },
  {
    id: 'AQSCF2021-102',
    article: '《安全生产法》第一百零二条',
    violation: { zh: '未采取措施消除事故隐患', en: 'Did not take measures to eliminate a hidden danger' },
    first: { min: 0, max: wan(5) },
    aggravated: null,
    persons: { min: wan(5), max: wan(10) },
    confidence: 'M',
  },
  {
    id: 'AQSCF2021-114-general',
    article: '《安全生产法》第一百一十四条（一般事故）',
    violation: { zh: '发生一般生产安全事故', en: 'Responsible for an ordinary accident' },
    first: { min: wan(30), max: wan(100) },
    aggravated: { min: wan(60), max: wan(500) },
    persons: null,
    confidence: 'H',
  },
  {
    id: 'AQSCF2021-114-larger',
    article: '《安全生产法》第一百一十四条（较大事故）',
    violation: { zh: '发生较大生产安全事故', en: 'Responsible for a larger accident' },
    first: { min: wan(100), max: wan(200) },
    aggravated: { min: wan(200), max: wan(1000) },
    persons: null,
    confidence: 'H',
  },
  {
    id: 'AQSCF2021-114-major',
    article: '《安全生产法》第一百一十四条（重大事故）',
    violation: { zh: '发生重大生产安全事故', en: 'Responsible for a major accident' },
    first: { min: wan(200), max: wan(1000) },
    aggravated: { min: wan(400), max: wan(5000) },
    persons: null,
    confidence: 'H',
  },
  {
    id: 'AQSCF2021-114-extraordinary',
    article: '《安全生产法》第一百一十四条（特别重大事故）',
    violation: { zh: '发生特别重大生产安全事故', en: 'Responsible for an extraordinarily serious accident' },
    first: { min: wan(1000), max: wan(2000) },
    aggravated: { min: wan(2000), max: wan(10000) },
    persons: null,
    confidence: 'H',
  },
];

export const penaltyBasisById = new Map(penaltyBases.map((b) => [b.id, b]));

export type FineBand = 'first' | 'aggravated' | 'persons';

/** Refusal text when the fine is outside the article's range for the chosen band, else null. */
export function checkFine(basisId: string, band: FineBand, fine: number): { zh: string; en: string } | null {
  const basis = penaltyBasisById.get(basisId);
  if (!basis) return { zh: '未知的处罚依据', en: 'Unknown legal basis' };
  const range = basis[band];
  if (!range) return { zh: `${basis.article}没有该情形的罚款幅度`, en: `${basis.article} has no fine range for this case` };
  if (fine < range.min || fine > range.max) {
    return {
      zh: `罚款须在${range.min}元至${range.max}元之间（${basis.article}）`,
      en: `The fine must be between ${range.min} and ${range.max} yuan (${basis.article})`,
    };
  }
  return null;
}
