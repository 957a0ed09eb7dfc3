// The enterprise spreadsheet: one column list shared by the import template, the import and the export,
// so a file exported by the platform imports back unchanged. Coded fields travel as Chinese labels.
import {
  enterpriseScaleLabels,
  hazardTagLabels,
  operatingStatusLabels,
  premisesLabels,
  sectorLabels,
  standardizationGradeLabels,
  threeSimultaneousLabels,
  unitTypeLabels,
  type Bilingual,
} from '@anjian/contracts';
import type { EnterpriseRow } from './enterprises.queries';
import { isMaskedPhone } from '../../platform/masking';
import type { AreaMatch } from './area-names';

/** A cell as read from .xlsx or .csv; formulas and error values are refused rather than guessed at. */
export type Cell = string | number | boolean | Date | null | { problem: 'formula' | 'error' };

export type Parsed = { ok: true; value: unknown } | { ok: false; message: Bilingual };

export interface SheetContext {
  /** Park name → id, for the parks the caller may file under. */
  parkIds: Map<string, string>;
  /** A street or community name → its code among the caller's areas (area-names.ts). */
  areaByName: (name: string) => AreaMatch;
}

export interface SheetColumn {
  /** The API field (or export-only name). */
  key: string;
  header: string;
  required?: boolean;
  width: number;
  /** What to write, for the instructions sheet. */
  note: string;
  /** Dropdown in the template: fixed labels, or a list built per caller. */
  options?: string[];
  dynamicOptions?: 'areas' | 'parks';
  /** Several values in one cell, separated by ；or ; */
  multi?: boolean;
  /** Absent for export-only columns, which the import ignores. */
  parse?: (cell: Exclude<Cell, null>, ctx: SheetContext) => Parsed;
  format: (row: EnterpriseRow) => string | number | null;
}

const ok = (value: unknown): Parsed => ({ ok: true, value });
const bad = (zh: string, en: string): Parsed => ({ ok: false, message: { zh, en } });
const notText = bad('应为文本', 'Expected text');

function text(cell: Exclude<Cell, null>): Parsed {
  if (typeof cell === 'string') return ok(cell);
  if (typeof cell === 'number') return ok(String(cell));
  return notText;
}

/** Codes that must keep every digit: a numeric cell has already lost them (Excel keeps 15 significant digits). */
function codeText(cell: Exclude<Cell, null>): Parsed {
  if (typeof cell === 'string') return ok(cell);
  if (typeof cell === 'number') {
    return bad(
      '应设置为“文本”格式填写：数字格式会丢失 15 位以后的数字',
      'Format the cell as text: a number cell loses every digit after the 15th',
    );
  }
  return notText;
}

/** Whole numbers typed as numbers are fine for phones and area codes (well under 15 digits). */
function digitsText(cell: Exclude<Cell, null>): Parsed {
  if (typeof cell === 'number' && Number.isSafeInteger(cell)) return ok(String(cell));
  return text(cell);
}

/**
 * A phone column. A masked number (138****5678, as a street officer's export carries it) reads as a blank cell, so
 * re-importing an exported file leaves the stored number alone instead of refusing the row or storing the mask.
 * Phones as typed in Chinese spreadsheets — full-width digits and hyphens (１３９…, ０７５５－…) — are folded to ASCII
 * and spaces dropped, as credit codes are normalised, before the format check.
 */
function phoneText(cell: Exclude<Cell, null>): Parsed {
  if (typeof cell === 'string' && isMaskedPhone(cell.normalize('NFKC'))) return ok(undefined);
  const r = digitsText(cell);
  return r.ok ? ok((r.value as string).normalize('NFKC').replace(/\s+/g, '')) : r;
}

function number(cell: Exclude<Cell, null>, integer = false): Parsed {
  const n = typeof cell === 'number' ? cell : typeof cell === 'string' && cell.trim() !== '' ? Number(cell.trim()) : NaN;
  if (!Number.isFinite(n)) return bad('应为数字', 'Expected a number');
  if (integer && !Number.isInteger(n)) return bad('应为整数', 'Expected a whole number');
  return ok(n);
}

const YES = new Set(['是', 'y', 'yes', 'true', '1']);
const NO = new Set(['否', 'n', 'no', 'false', '0']);
function bool(cell: Exclude<Cell, null>): Parsed {
  if (typeof cell === 'boolean') return ok(cell);
  const s = String(cell).trim().toLowerCase();
  if (YES.has(s)) return ok(true);
  if (NO.has(s)) return ok(false);
  return bad('应填“是”或“否”', 'Expected 是 (yes) or 否 (no)');
}

/** Chinese label or code key (either works), e.g. 机械 or machinery. */
function choice(labels: Record<string, Bilingual>) {
  const byText = new Map<string, string>();
  for (const [key, l] of Object.entries(labels)) {
    byText.set(key.toLowerCase(), key);
    byText.set(l.zh, key);
    byText.set(l.en.toLowerCase(), key);
  }
  const allowed = Object.values(labels)
    .map((l) => l.zh)
    .join('、');
  return (cell: Exclude<Cell, null>): Parsed => {
    const key = byText.get(String(cell).trim().toLowerCase());
    return key ? ok(key) : bad(`不是可选值（可选：${allowed}）`, `Not an allowed value (allowed: ${allowed})`);
  };
}

/** Tags may be separated by any list punctuation; names only by semicolons or line breaks (they hold commas). */
const LIST_SEPARATORS = /[;；、,，\n]+/;
const NAME_SEPARATORS = /[;；\n]+/;

function many(one: (cell: Exclude<Cell, null>) => Parsed, separators = LIST_SEPARATORS) {
  return (cell: Exclude<Cell, null>): Parsed => {
    if (typeof cell !== 'string') return one(cell);
    const out: unknown[] = [];
    for (const part of cell.split(separators)) {
      if (part.trim() === '') continue;
      const r = one(part.trim());
      if (!r.ok) return r;
      out.push(r.value);
    }
    return ok(out);
  };
}

/** 2024-05-06, 2024/5/6, 2024年5月6日, a date cell, or an Excel serial day number. */
function date(cell: Exclude<Cell, null>): Parsed {
  let y: number, m: number, d: number;
  if (cell instanceof Date) [y, m, d] = [cell.getUTCFullYear(), cell.getUTCMonth() + 1, cell.getUTCDate()];
  else if (typeof cell === 'number' && Number.isInteger(cell) && cell > 0 && cell < 100_000) {
    const at = new Date(Date.UTC(1899, 11, 30) + cell * 86_400_000);
    [y, m, d] = [at.getUTCFullYear(), at.getUTCMonth() + 1, at.getUTCDate()];
  } else {
    const hit = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(String(cell).trim());
    if (!hit) return bad('日期格式应为 YYYY-MM-DD', 'Dates are written YYYY-MM-DD');
    [y, m, d] = [Number(hit[1]), Number(hit[2]), Number(hit[3])];
  }
  const at = new Date(Date.UTC(y, m - 1, d));
  if (at.getUTCMonth() !== m - 1 || at.getUTCDate() !== d) return bad('不是有效日期', 'Not a real date');
  return ok(at.toISOString().slice(0, 10));
}

/** "440307003001", "440307003001 龙城社区" (as offered in the template's dropdown), or a name: 坂田 / 坂田街道. */
function area(cell: Exclude<Cell, null>, ctx: SheetContext): Parsed {
  const r = digitsText(cell);
  if (!r.ok) return r;
  const value = (r.value as string).normalize('NFKC').trim();
  const hit = /^(\d+)/.exec(value);
  if (hit) return ok(hit[1]);
  if (value === '') return bad('应填区划代码或街道、社区名称', 'Give the area code or a street or community name');
  const found = ctx.areaByName(value);
  return found.ok ? ok(found.code) : { ok: false, message: found.message };
}

function park(cell: Exclude<Cell, null>, ctx: SheetContext): Parsed {
  const name = String(cell).trim();
  const id = ctx.parkIds.get(name);
  return id ? ok(id) : bad(`园区“${name}”不存在或不在管辖范围内`, `Park "${name}" is unknown or outside your jurisdiction`);
}

const labelOf = (labels: Record<string, Bilingual>) => (key: string | null) => (key ? (labels[key]?.zh ?? key) : null);
const yesNo = (v: boolean) => (v ? '是' : '否');
const joined = (v: string[]) => (v.length > 0 ? v.join('；') : null);
const zhList = (labels: Record<string, Bilingual>) => Object.values(labels).map((l) => l.zh);

const choiceColumn = (key: keyof EnterpriseRow, header: string, labels: Record<string, Bilingual>, note: string, width = 12) => ({
  key,
  header,
  width,
  note,
  options: zhList(labels),
  parse: choice(labels),
  format: (r: EnterpriseRow) => labelOf(labels)(r[key] as string | null),
});

export const SHEET_COLUMNS: SheetColumn[] = [
  { key: 'name', header: '企业名称', required: true, width: 36, note: '营业执照上的名称', parse: text, format: (r) => r.name },
  {
    key: 'creditCode',
    header: '统一社会信用代码',
    required: true,
    width: 22,
    note: '18 位，单元格请设为文本格式；按 GB 32100-2015 校验',
    parse: codeText,
    format: (r) => r.creditCode,
  },
  {
    key: 'creditCodeOverrideReason',
    header: '信用代码例外说明',
    width: 20,
    note: '仅当代码确为登记机关核发但未通过校验时，由区局人员填写原因',
    parse: text,
    format: (r) => r.creditCodeOverride,
  },
  {
    key: 'formerNames',
    header: '曾用名',
    width: 24,
    multi: true,
    note: '多个用“；”分隔',
    parse: many(text, NAME_SEPARATORS),
    format: (r) => joined(r.formerNames),
  },
  choiceColumn('unitType', '单位类型', unitTypeLabels, '留空时按信用代码判断（91 企业、92 个体工商户）'),
  { key: 'legalRepresentative', header: '法定代表人', width: 12, note: '', parse: text, format: (r) => r.legalRepresentative },
  { key: 'principalName', header: '主要负责人', width: 12, note: '', parse: text, format: (r) => r.principalName },
  {
    key: 'principalPhone',
    header: '主要负责人电话',
    width: 16,
    note: '手机号或带区号的座机',
    parse: phoneText,
    format: (r) => r.principalPhone,
  },
  { key: 'safetyManagerName', header: '安全管理人员', width: 12, note: '', parse: text, format: (r) => r.safetyManagerName },
  { key: 'safetyManagerPhone', header: '安全管理人员电话', width: 16, note: '', parse: phoneText, format: (r) => r.safetyManagerPhone },
  { key: 'address', header: '经营地址', required: true, width: 40, note: '', parse: text, format: (r) => r.address },
  {
    key: 'areaCode',
    header: '所属区划代码',
    required: true,
    width: 28,
    note: '街道、社区或网格的代码，可从下拉列表选择（见“区划代码”表）；也可填街道或社区名称，如“坂田”“坂田街道”',
    dynamicOptions: 'areas',
    parse: area,
    format: (r) => r.areaCode,
  },
  { key: 'areaName', header: '所属区划名称', width: 16, note: '导出时附带，导入时忽略', format: (r) => r.areaName },
  { key: 'parkId', header: '所属园区', width: 20, note: '园区名称', dynamicOptions: 'parks', parse: park, format: (r) => r.parkName },
  { key: 'longitude', header: '经度', width: 12, note: 'WGS-84，如 114.2468', parse: (c) => number(c), format: (r) => r.longitude },
  { key: 'latitude', header: '纬度', width: 12, note: 'WGS-84，如 22.7209', parse: (c) => number(c), format: (r) => r.latitude },
  {
    key: 'industryCode',
    header: '国民经济行业代码',
    width: 14,
    note: 'GB/T 4754-2017，门类字母加代码，如 C33、C331',
    parse: text,
    format: (r) => r.industryCode,
  },
  { ...choiceColumn('sector', '监管行业', sectorLabels, '', 14), required: true },
  {
    key: 'hazardTags',
    header: '专项风险标签',
    width: 24,
    multi: true,
    note: '可多选，用“；”分隔',
    options: zhList(hazardTagLabels),
    parse: many(choice(hazardTagLabels)),
    format: (r) => joined(r.hazardTags.map((t) => labelOf(hazardTagLabels)(t)!)),
  },
  choiceColumn('scale', '规模', enterpriseScaleLabels, '规上 / 规下（规模以上工业企业）', 8),
  {
    key: 'smallMicro',
    header: '小微企业',
    width: 10,
    note: '是 / 否',
    options: ['是', '否'],
    parse: bool,
    format: (r) => yesNo(r.smallMicro),
  },
  { key: 'employees', header: '从业人数', width: 10, note: '', parse: (c) => number(c, true), format: (r) => r.employees },
  { key: 'isKey', header: '重点企业', width: 10, note: '是 / 否', options: ['是', '否'], parse: bool, format: (r) => yesNo(r.isKey) },
  choiceColumn('operatingStatus', '经营状态', operatingStatusLabels, ''),
  choiceColumn('premises', '场所性质', premisesLabels, '自有 / 租赁', 10),
  { key: 'landlord', header: '出租方', width: 20, note: '租赁场所时填写', parse: text, format: (r) => r.landlord },
  choiceColumn('standardizationGrade', '安全生产标准化等级', standardizationGradeLabels, '一级最高', 10),
  {
    key: 'standardizationDate',
    header: '标准化达标日期',
    width: 14,
    note: 'YYYY-MM-DD',
    parse: date,
    format: (r) => r.standardizationDate,
  },
  {
    key: 'standardizationExpiry',
    header: '标准化有效期至',
    width: 14,
    note: 'YYYY-MM-DD；留空时按达标日期加 3 年',
    parse: date,
    format: (r) => r.standardizationExpiry,
  },
  choiceColumn('threeSimultaneous', '三同时', threeSimultaneousLabels, '建设项目安全设施“三同时”'),
];

/** Header text → column: "企业名称*", "企业名称（必填）" and the API name "name" all match. */
export function columnForHeader(header: string): SheetColumn | undefined {
  const h = header
    .replace(/[*＊]/g, '')
    .replace(/[（(].*?[)）]/g, '')
    .replace(/\s+/g, '')
    .toLowerCase();
  return SHEET_COLUMNS.find((c) => c.header === h || c.key.toLowerCase() === h);
}

export const headerText = (c: SheetColumn) => (c.required ? `${c.header}*` : c.header);

/**
 * Text a spreadsheet could take for a formula when it is typed or edited (= + - @, tab, CR). The export writes it as
 * a plain text cell (never a formula element) formatted as Text ('@'), so Excel and WPS show it as it is and keep it
 * text even when the cell is edited, and the file reads back exactly; no leading apostrophe is added to the data.
 */
export function formulaLike(v: unknown): v is string {
  return typeof v === 'string' && /^[=+\-@\t\r]/.test(v);
}
