// The principal's duties as data, and the small pure functions over their periods.
//
// Seed 001 (/work/shared/seeds/001_*.txt) line 34, 二.4: 企业主要负责人 sign a 安全生产承诺书 open to the workers' scrutiny
// ("制定安全生产承诺书，自觉接受职工群众监督") and keep the "八个一次": "每月至少带队检查一次安全生产工作；每季度至少组织专题研究一次
// 安全生产工作；每年至少组织召开一次安全生产总结会、主持召开一次安全生产工作分析会、组织签订一次全员岗位安全生产责任书、给员工上一次
// 安全生产辅导课、参加一次安全生产应急救援演练、参加一次安全生产知识技能培训". Line 13 sets the target: 落实率100%.
//
// Periods are calendar months, quarters and years in China Standard Time: a period has ended once the China date is
// after its last day. A duty is kept for a period by an accepted record of it (the street checks the evidence).
// Each enterprise-year fits one 22-bit mask: months 1–12 → bits 0–11, quarters 1–4 → bits 12–15, the six yearly
// duties → bits 16–21, so "which ended obligations are missing" is one AND.
import type { DutyCadence, DutyKind } from '@anjian/contracts';
import { cstDate } from '../../platform/time';

export interface DutyRule {
  kind: DutyKind;
  cadence: DutyCadence;
  label: { zh: string; en: string };
  /** The seed's own words for it (001 line 34). */
  seed: string;
}

export const dutyRules: readonly DutyRule[] = [
  {
    kind: 'monthly_inspection',
    cadence: 'month',
    label: { zh: '带队检查', en: 'Inspection led by the principal' },
    seed: '每月至少带队检查一次安全生产工作',
  },
  {
    kind: 'quarterly_study',
    cadence: 'quarter',
    label: { zh: '专题研究', en: 'Dedicated study' },
    seed: '每季度至少组织专题研究一次安全生产工作',
  },
  {
    kind: 'summary_meeting',
    cadence: 'year',
    label: { zh: '安全生产总结会', en: 'Summary meeting' },
    seed: '每年至少组织召开一次安全生产总结会',
  },
  {
    kind: 'analysis_meeting',
    cadence: 'year',
    label: { zh: '安全生产工作分析会', en: 'Analysis meeting' },
    seed: '主持召开一次安全生产工作分析会',
  },
  {
    kind: 'responsibility_letters',
    cadence: 'year',
    label: { zh: '全员岗位责任书', en: 'Whole-staff post responsibility letters' },
    seed: '组织签订一次全员岗位安全生产责任书',
  },
  {
    kind: 'safety_lecture',
    cadence: 'year',
    label: { zh: '安全生产辅导课', en: 'Safety lecture to the staff' },
    seed: '给员工上一次安全生产辅导课',
  },
  { kind: 'emergency_drill', cadence: 'year', label: { zh: '应急救援演练', en: 'Emergency drill' }, seed: '参加一次安全生产应急救援演练' },
  {
    kind: 'skills_training',
    cadence: 'year',
    label: { zh: '知识技能培训', en: 'Knowledge and skills training' },
    seed: '参加一次安全生产知识技能培训',
  },
];

export const dutyRule = (kind: DutyKind): DutyRule => dutyRules.find((d) => d.kind === kind)!;
const yearlyKinds = dutyRules.filter((d) => d.cadence === 'year').map((d) => d.kind);

const pad = (n: number) => String(n).padStart(2, '0');

/** The period keys of a cadence in a year, in order. */
export function periodsOf(cadence: DutyCadence, year: number): string[] {
  if (cadence === 'month') return Array.from({ length: 12 }, (_, i) => `${year}-${pad(i + 1)}`);
  if (cadence === 'quarter') return [1, 2, 3, 4].map((q) => `${year}-Q${q}`);
  return [String(year)];
}

/** The cadence a period key is written in, or null when malformed. */
export function cadenceOfPeriod(period: string): DutyCadence | null {
  if (/^\d{4}-(0[1-9]|1[0-2])$/.test(period)) return 'month';
  if (/^\d{4}-Q[1-4]$/.test(period)) return 'quarter';
  if (/^\d{4}$/.test(period)) return 'year';
  return null;
}

const lastDay = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** First and last China date of a period. */
export function periodRange(period: string): { start: string; end: string } {
  const year = Number(period.slice(0, 4));
  const cadence = cadenceOfPeriod(period);
  if (cadence === 'month') {
    const m = Number(period.slice(5, 7));
    return { start: `${period}-01`, end: `${period}-${pad(lastDay(year, m))}` };
  }
  if (cadence === 'quarter') {
    const q = Number(period.slice(6));
    const first = (q - 1) * 3 + 1;
    return { start: `${year}-${pad(first)}-01`, end: `${year}-${pad(first + 2)}-${pad(lastDay(year, first + 2))}` };
  }
  return { start: `${year}-01-01`, end: `${year}-12-31` };
}

/** The period of a cadence that a China date falls in. */
export function periodOf(cadence: DutyCadence, date: string): string {
  const year = date.slice(0, 4);
  const month = Number(date.slice(5, 7));
  if (cadence === 'month') return date.slice(0, 7);
  if (cadence === 'quarter') return `${year}-Q${Math.ceil(month / 3)}`;
  return year;
}

/** The period an instant falls in, on the China calendar (23:30 UTC on 31 March is already April in Beijing). */
export const periodAt = (cadence: DutyCadence, at: Date) => periodOf(cadence, cstDate(at));

export type PeriodState = 'future' | 'open' | 'ended';
export function periodState(period: string, today: string): PeriodState {
  const { start, end } = periodRange(period);
  if (today < start) return 'future';
  return today > end ? 'ended' : 'open';
}

/** The bit of a duty's period in the enterprise-year mask. */
export function dutyBit(kind: DutyKind, period: string): number {
  const rule = dutyRule(kind);
  if (rule.cadence === 'month') return 1 << (Number(period.slice(5, 7)) - 1);
  if (rule.cadence === 'quarter') return 1 << (11 + Number(period.slice(6)));
  return 1 << (16 + yearlyKinds.indexOf(kind));
}

export interface Obligation {
  duty: DutyKind;
  period: string;
  bit: number;
}

/** Every obligation of a year, 22 of them. */
export function obligationsOf(year: number): Obligation[] {
  return dutyRules.flatMap((d) => periodsOf(d.cadence, year).map((period) => ({ duty: d.kind, period, bit: dutyBit(d.kind, period) })));
}

/** The obligations of `year` whose periods have ended by `today`, and their mask. */
export function dueOf(year: number, today: string): { obligations: Obligation[]; mask: number } {
  const obligations = obligationsOf(year).filter((o) => periodState(o.period, today) === 'ended');
  return { obligations, mask: obligations.reduce((m, o) => m | o.bit, 0) };
}

/** The ended obligations an accepted mask misses, as 'duty:period'. */
export function missingOf(year: number, today: string, acceptedMask: number): string[] {
  return dueOf(year, today)
    .obligations.filter((o) => (acceptedMask & o.bit) === 0)
    .map((o) => `${o.duty}:${o.period}`);
}

/**
 * The stage of a year on `today`: how many of its months have ended (0 before February, 12 once the year is over).
 * Quarters and the year end with a month, so the obligations due are exactly those of dueMaskAt(stage).
 */
export function stageOn(year: number, today: string): number {
  const y = Number(today.slice(0, 4));
  if (y < year) return 0;
  if (y > year) return 12;
  return Number(today.slice(5, 7)) - 1;
}

/** The mask of the obligations due once `stage` months have ended (equals dueOf(year, today).mask at that stage). */
export function dueMaskAt(stage: number): number {
  let m = 0;
  for (let i = 1; i <= stage; i++) m |= 1 << (i - 1);
  for (let q = 1; q <= Math.floor(stage / 3); q++) m |= 1 << (11 + q);
  if (stage >= 12) for (let k = 0; k < yearlyKinds.length; k++) m |= 1 << (16 + k);
  return m;
}

/**
 * How far an enterprise-year is kept: the largest stage s whose due obligations are all accepted. An enterprise lags
 * on a day of stage s exactly when keptThrough(acceptedMask) < s, so counting enterprise-years per kept stage (the
 * duty_kept_counts aggregate) answers "how many lag" for any day without reading the masks.
 */
export function keptThrough(acceptedMask: number): number {
  let s = 0;
  while (s < 12 && (acceptedMask & dueMaskAt(s + 1)) === dueMaskAt(s + 1)) s++;
  return s;
}

/**
 * Whether a record of `duty` for `period` may be filed on `today`: the period is the duty's cadence, it has begun,
 * and the day it was held lies within the period and not in the future. Returns the refused field or null.
 */
export function recordRefusal(
  duty: DutyKind,
  period: string,
  heldOn: string,
  today: string,
): { field: string; zh: string; en: string } | null {
  if (cadenceOfPeriod(period) !== dutyRule(duty).cadence)
    return { field: 'period', zh: '期间与该项职责的周期不符', en: 'The period does not match this duty’s cadence' };
  if (periodState(period, today) === 'future') return { field: 'period', zh: '该期间尚未开始', en: 'This period has not begun' };
  const { start, end } = periodRange(period);
  if (heldOn < start || heldOn > end) return { field: 'heldOn', zh: '开展日期不在该期间内', en: 'The date held is outside the period' };
  if (heldOn > today) return { field: 'heldOn', zh: '开展日期不能晚于今天', en: 'The date held cannot be in the future' };
  return null;
}

/**
 * The commitment text (L: configuration with this documented default; a sector may have its own). Its `version` is
 * stored with each signature, so a later edit never changes what someone signed.
 */
export interface CommitmentText {
  version: string;
  title: string;
  body: string;
}

const defaultBody = [
  '本人作为本单位安全生产第一责任人，郑重承诺：',
  '一、严格遵守《中华人民共和国安全生产法》等法律法规，依法履行主要负责人七项法定职责；',
  '二、建立健全并落实全员安全生产责任制，保证安全生产投入，依法为从业人员缴纳工伤保险；',
  '三、落实“八个一次”：每月至少带队检查一次安全生产工作；每季度至少组织专题研究一次安全生产工作；每年至少组织召开一次安全生产总结会、主持召开一次安全生产工作分析会、组织签订一次全员岗位安全生产责任书、给员工上一次安全生产辅导课、参加一次安全生产应急救援演练、参加一次安全生产知识技能培训；',
  '四、建立安全风险分级管控和隐患排查治理双重预防机制，及时消除事故隐患；',
  '五、组织制定并实施应急救援预案，发生事故立即组织抢救，如实报告，不迟报、漏报、谎报、瞒报。',
  '本承诺向全体职工公开，自觉接受职工群众和社会监督。',
].join('\n');

export const commitmentTexts: { default: CommitmentText; bySector: Partial<Record<string, CommitmentText>> } = {
  default: { version: 'default-1', title: '企业主要负责人安全生产承诺书', body: defaultBody },
  bySector: {
    hazardous_chemicals: {
      version: 'hazardous_chemicals-1',
      title: '危险化学品企业主要负责人安全生产承诺书',
      body: `${defaultBody}\n六、严格落实危险化学品重大危险源包保责任，特殊作业严格执行审批和现场监护。`,
    },
  },
};

export const commitmentTextFor = (sector: string): CommitmentText => commitmentTexts.bySector[sector] ?? commitmentTexts.default;
