// The national rules for special-operations certificates as data and small pure functions (rules.md §5):
// the 特种作业目录 (§5.1), the 6-year validity (§5.2 第十九条), the review every 3 years with its extension to 6 years
// for holders with ≥ 10 years' continuous work and a clean record (第二十一条), and the 60-day review window before
// 期满 (第二十二条); a review not done on time lapses the certificate. Safety-qualification and special-equipment
// certificates carry the expiry printed on them and have no mid-term review here.
import type { CertificateKind, CertificateStatus, PersonPost } from '@anjian/contracts';
import { addDays, addMonths } from '../../platform/time';

/** rules.md §5.1: categories 1–11 (H) and their operation items in catalogue order. */
export const specialOperationCatalogue: readonly { code: string; name: string; items: readonly { code: string; name: string }[] }[] = [
  ['1', '电工作业', ['高压电工作业', '低压电工作业', '防爆电气作业']],
  ['2', '焊接与热切割作业', ['熔化焊接与热切割作业', '压力焊作业', '钎焊作业']],
  ['3', '高处作业', ['登高架设作业', '高处安装、维护、拆除作业']],
  ['4', '制冷与空调作业', ['制冷与空调设备运行操作作业', '制冷与空调设备安装修理作业']],
  [
    '5',
    '煤矿安全作业',
    [
      '煤矿井下电气作业',
      '煤矿井下爆破作业',
      '煤矿安全监测监控作业',
      '煤矿瓦斯检查作业',
      '煤矿安全检查作业',
      '煤矿提升机操作作业',
      '煤矿采煤机（掘进机）操作作业',
      '煤矿瓦斯抽采作业',
      '煤矿防突作业',
      '煤矿探放水作业',
    ],
  ],
  [
    '6',
    '金属非金属矿山安全作业',
    [
      '金属非金属矿井通风作业',
      '尾矿作业',
      '金属非金属矿山安全检查作业',
      '金属非金属矿山提升机操作作业',
      '金属非金属矿山支柱作业',
      '金属非金属矿山井下电气作业',
      '金属非金属矿山排水作业',
      '金属非金属矿山爆破作业',
    ],
  ],
  ['7', '石油天然气安全作业', ['司钻作业']],
  ['8', '冶金（有色）生产安全作业', ['煤气作业']],
  [
    '9',
    '危险化学品安全作业',
    [
      '光气及光气化工艺作业',
      '氯碱电解工艺作业',
      '氯化工艺作业',
      '硝化工艺作业',
      '合成氨工艺作业',
      '裂解（裂化）工艺作业',
      '氟化工艺作业',
      '加氢工艺作业',
      '重氮化工艺作业',
      '氧化工艺作业',
      '过氧化工艺作业',
      '胺基化工艺作业',
      '磺化工艺作业',
      '聚合工艺作业',
      '烷基化工艺作业',
      '化工自动化控制仪表作业',
    ],
  ],
  ['10', '烟花爆竹安全作业', ['烟火药制造作业', '黑火药制造作业', '引火线制造作业', '烟花爆竹产品涉药作业', '烟花爆竹储存作业']],
  ['11', '应急管理部认定的其他作业', []],
].map(([code, name, items]) => ({
  code: code as string,
  name: name as string,
  items: (items as string[]).map((n, i) => ({ code: `${code as string}.${i + 1}`, name: n })),
}));

const itemNames = new Map(specialOperationCatalogue.flatMap((c) => c.items.map((i) => [i.code, `${c.name} / ${i.name}`] as const)));

/** "电工作业 / 低压电工作业" for '1.2'; null for a code not in the catalogue. */
export function operationItemName(code: string): string | null {
  return itemNames.get(code) ?? null;
}

/** rules.md §5.2. */
export const certificateRules = {
  /** 第十九条: 特种作业操作证 is valid for 6 years. */
  validityYears: 6,
  /** 第二十一条: reviewed once every 3 years … */
  reviewYears: 3,
  /** … or every 6 years for ≥ 10 years' continuous work with a clean record (with the authority's consent). */
  extendedReviewYears: 6,
  /** 第二十二条: the review is filed within the 60 days before 期满 (the same for 延期换证 at expiry). */
  reviewWindowDays: 60,
} as const;

/** The post a certificate kind qualifies for the 三项岗位 rate (rules.md §5.3). */
export const qualifyingKind: Partial<Record<PersonPost, CertificateKind>> = {
  principal: 'safety_qualification',
  safety_manager: 'safety_qualification',
  special_operator: 'special_operation',
};

export const addYears = (date: string, years: number) => addMonths(date, 12 * years);

export interface ScheduleInput {
  kind: CertificateKind;
  issuedOn: string;
  /** As printed; ignored for special_operation, whose expiry follows from the issue date. */
  expiresOn?: string | null;
  reviewedOn?: string | null;
  reviewExtended?: boolean;
}

export interface Schedule {
  expiresOn: string;
  /** The 复审 due date, null when none falls before expiry (reviewed, extended, or not a special-operations certificate). */
  nextReviewOn: string | null;
  /** The next date something is due: the review, else the expiry. */
  dueOn: string;
  windowOpensOn: string;
}

/** The mid-term review date of a special-operations certificate: 3 years after issue (rules.md §5.2 第二十一条). */
export function reviewDueOn(issuedOn: string): string {
  return addYears(issuedOn, certificateRules.reviewYears);
}

/** Whether a review done on `reviewedOn` counts: inside the window of the 60 days up to the review date (第二十二条). */
export function reviewInWindow(issuedOn: string, reviewedOn: string): boolean {
  const due = reviewDueOn(issuedOn);
  return reviewedOn >= addDays(due, -certificateRules.reviewWindowDays) && reviewedOn <= due;
}

export function certificateSchedule(c: ScheduleInput): Schedule {
  let expiresOn: string;
  let nextReviewOn: string | null = null;
  if (c.kind === 'special_operation') {
    expiresOn = addYears(c.issuedOn, certificateRules.validityYears);
    // Extended to every 6 years, the review falls on the expiry itself: no mid-term review.
    const reviewed = !!c.reviewedOn && reviewInWindow(c.issuedOn, c.reviewedOn);
    if (!c.reviewExtended && !reviewed) nextReviewOn = reviewDueOn(c.issuedOn);
  } else {
    expiresOn = c.expiresOn!;
  }
  const dueOn = nextReviewOn ?? expiresOn;
  return { expiresOn, nextReviewOn, dueOn, windowOpensOn: addDays(dueOn, -certificateRules.reviewWindowDays) };
}

/**
 * The status on `today`: revoked once revoked; expired the day after the due date (past expiry, or the review not done
 * on time — rules.md §5.2 "未按期复审 lapse"); due for review from the day the 60-day window opens through the due date;
 * valid before.
 */
export function certificateStatus(
  s: Pick<Schedule, 'dueOn' | 'windowOpensOn'>,
  revokedOn: string | null,
  today: string,
): CertificateStatus {
  if (revokedOn && revokedOn <= today) return 'revoked';
  if (today > s.dueOn) return 'expired';
  if (today >= s.windowOpensOn) return 'due_for_review';
  return 'valid';
}

/** A certificate that counts for the holding rate on `today`. */
export function countsAsValid(status: CertificateStatus): boolean {
  return status === 'valid' || status === 'due_for_review';
}

/** An enterprise's 三项岗位 figures on a day: people in a post, those of them holding, and the first later day they may change. */
export interface SummaryFigures {
  postPeople: number;
  postHolders: number;
  nextChangeOn: string | null;
}

export interface SummaryPerson {
  post: string;
  employedFrom: string;
  employedTo: string | null;
}

const earlier = (a: string | null, b: string | null) => (a === null ? b : b === null || a <= b ? a : b);

/**
 * One person's part of the figures on `today` (rules.md §5.3): counted when employed today in a 三项岗位 post, holding
 * when `validDues` (the due dates of their certificates of the post's kind that count as valid, asked only of a
 * counted person) is not empty; the part changes the day employment starts or ends, or the day after the last due date.
 */
export function summaryPart(p: SummaryPerson, today: string, validDues: () => string[]): SummaryFigures {
  const none = { postPeople: 0, postHolders: 0, nextChangeOn: null };
  if (!qualifyingKind[p.post as PersonPost]) return none;
  if (p.employedFrom > today) return { ...none, nextChangeOn: p.employedFrom };
  if (p.employedTo && p.employedTo < today) return none;
  const dues = validDues();
  const ends = p.employedTo ? addDays(p.employedTo, 1) : null;
  const lapses = dues.length
    ? addDays(
        dues.reduce((a, b) => (a > b ? a : b)),
        1,
      )
    : null;
  return { postPeople: 1, postHolders: dues.length ? 1 : 0, nextChangeOn: earlier(ends, lapses) };
}

/** The figures of people taken together (the parts of an enterprise's people, or a summary and the parts it gains). */
export function addSummaries(a: SummaryFigures, b: SummaryFigures): SummaryFigures {
  return {
    postPeople: a.postPeople + b.postPeople,
    postHolders: a.postHolders + b.postHolders,
    nextChangeOn: earlier(a.nextChangeOn, b.nextChangeOn),
  };
}

export const noSummary: SummaryFigures = { postPeople: 0, postHolders: 0, nextChangeOn: null };

/**
 * Retraining after a fatal accident (L: the district's practice in the seeds, "事故发生后三个月内完成主要负责人复训";
 * configuration with this documented default): the principal and the safety managers employed on the day of the
 * accident's registration retrain within 3 months.
 */
export const retrainingAfterFatalAccident = {
  months: 3,
  posts: ['principal', 'safety_manager'] as readonly PersonPost[],
} as const;
