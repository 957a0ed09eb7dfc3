// The rules an administrator's entry of one year's official schedule must pass, and the small file format the CLI
// imports. Only what is certain is checked: real dates, inside the year, each date once and in one list only, make-up
// working days on a Saturday or Sunday (a weekday is a working day anyway), at least one day off. Whether the days
// are the right ones is the State Council notice's to say: the entry names it (title and 文号) as its source.
import type { BilingualDetail } from './errors';
import { packageCalendarYear } from './calendar';

export interface SupplementInput {
  year: number;
  noticeTitle: string;
  noticeNumber: string;
  holidays: readonly string[];
  workdays: readonly string[];
  /** Confirms that the entry replaces the data chinese-days carries for the same year. */
  replacesPackage?: boolean;
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A real calendar day written YYYY-MM-DD (2027-02-30 is not). */
export function isRealDate(s: string): boolean {
  const m = DATE.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === s;
}

const weekday = (date: string) => new Date(`${date}T00:00:00Z`).getUTCDay();

/** Bilingual refusals of one year's entry, with the API's field names (empty when it can be stored). */
export function supplementIssues(input: SupplementInput): BilingualDetail[] {
  const out: BilingualDetail[] = [];
  const { year } = input;
  if (!Number.isInteger(year) || year < 2000 || year > 2100) {
    out.push({ field: 'year', zh: '年份须在2000至2100之间', en: 'The year must be between 2000 and 2100' });
    return out;
  }
  if (!input.noticeTitle.trim())
    out.push({ field: 'noticeTitle', zh: '请填写节假日安排通知的标题', en: 'Give the title of the holiday notice' });
  if (!input.noticeNumber.trim()) out.push({ field: 'noticeNumber', zh: '请填写通知的文号', en: 'Give the notice number (文号)' });
  if (input.holidays.length === 0)
    out.push({
      field: 'holidays',
      zh: `至少须有一个放假日期（每年至少有元旦）`,
      en: 'At least one day off is needed (every year has New Year’s Day)',
    });
  const holidaySet = new Set<string>();
  const check = (list: readonly string[], kind: 'holidays' | 'workdays') => {
    const seen = new Set<string>();
    list.forEach((d, i) => {
      const field = `${kind}.${i}`;
      if (!isRealDate(d)) {
        out.push({ field, zh: `${d} 不是有效日期（格式 YYYY-MM-DD）`, en: `${d} is not a valid date (YYYY-MM-DD)` });
        return;
      }
      if (Number(d.slice(0, 4)) !== year) {
        out.push({ field, zh: `${d} 不在${year}年内`, en: `${d} is not in ${year}` });
        return;
      }
      if (seen.has(d)) {
        out.push({ field, zh: `${d} 重复填写`, en: `${d} is listed twice` });
        return;
      }
      seen.add(d);
      if (kind === 'holidays') {
        holidaySet.add(d);
        return;
      }
      if (holidaySet.has(d))
        out.push({ field, zh: `${d} 不能既是放假日又是调休上班日`, en: `${d} cannot be both a day off and a make-up working day` });
      else if (weekday(d) !== 0 && weekday(d) !== 6)
        out.push({
          field,
          zh: `${d} 不是周六或周日：调休上班日只能是周末（工作日本来就上班）`,
          en: `${d} is not a Saturday or Sunday: make-up working days are weekend days (weekdays are worked anyway)`,
        });
    });
  };
  check(input.holidays, 'holidays');
  check(input.workdays, 'workdays');
  if (packageCalendarYear(year) && !input.replacesPackage)
    out.push({
      field: 'replacesPackage',
      zh: `内置日历（chinese-days）已有${year}年的数据。如确需以通知为准替换，请明确确认（网页上勾选“以本通知为准替换”，命令行加 --replaces-package）`,
      en: `The built-in calendar (chinese-days) already has ${year}. To replace it with the notice's dates, confirm it (tick "Replace with this notice" on the page, or pass --replaces-package to the CLI)`,
    });
  return out;
}

export interface CalendarFile {
  year?: number;
  noticeTitle?: string;
  noticeNumber?: string;
  holidays: string[];
  workdays: string[];
}

const HOLIDAY_WORDS = new Set(['holiday', 'off', '休', '放假', '假']);
const WORKDAY_WORDS = new Set(['workday', 'work', '班', '上班', '调休上班']);

/**
 * Reads a year's schedule for `cli calendar-import`. JSON: the API's body plus `year`. CSV: one `date,kind` per line
 * (kind holiday|workday, or 休/放假 and 班/上班), an optional header line, and `# title: …` / `# number: …` comment
 * lines for the notice. Throws with the line at fault; the rules above are checked afterwards, as for the API.
 */
export function parseCalendarFile(text: string, fileName: string): CalendarFile {
  const body = text.replace(/^\uFEFF/, '');
  if (fileName.toLowerCase().endsWith('.json') || body.trimStart().startsWith('{')) {
    const j = JSON.parse(body) as Record<string, unknown>;
    const list = (k: string) => {
      const v = j[k] ?? [];
      if (!Array.isArray(v) || v.some((x) => typeof x !== 'string')) throw new Error(`"${k}" must be a list of YYYY-MM-DD dates`);
      return v as string[];
    };
    if (j.year !== undefined && typeof j.year !== 'number') throw new Error('"year" must be a number');
    return {
      year: j.year as number | undefined,
      noticeTitle: typeof j.noticeTitle === 'string' ? j.noticeTitle : undefined,
      noticeNumber: typeof j.noticeNumber === 'string' ? j.noticeNumber : undefined,
      holidays: list('holidays'),
      workdays: list('workdays'),
    };
  }
  const out: CalendarFile = { holidays: [], workdays: [] };
  let first = true;
  body.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.trim();
    if (!line) return;
    const meta = /^#\s*(title|number|标题|文号)\s*[:：]\s*(.+)$/i.exec(line);
    if (meta) {
      if (/title|标题/i.test(meta[1]!)) out.noticeTitle = meta[2]!.trim();
      else out.noticeNumber = meta[2]!.trim();
      return;
    }
    if (line.startsWith('#')) return;
    const [date = '', kind = ''] = line.split(/[,，\t]/).map((c) => c.trim());
    const header = first && !DATE.test(date);
    first = false;
    if (header) return;
    const k = kind.toLowerCase();
    if (HOLIDAY_WORDS.has(k)) out.holidays.push(date);
    else if (WORKDAY_WORDS.has(k)) out.workdays.push(date);
    else throw new Error(`line ${i + 1}: "${line}" — expected date,holiday or date,workday`);
  });
  return out;
}
