// The people import's rows, from spreadsheet cells to what is written: the header row mapped to columns, each row
// checked by the form's schema and rules (its errors reported with the row's number), its identity number hashed,
// sealed and masked. Pure: it runs in the spreadsheet reading thread (modules/enterprises/spreadsheet-thread.ts) for a
// large file, beside the request thread that writes the batch before, and on the request thread for a small one.
import { createPersonBody, personPostLabels, personPosts, type CreatePersonBody, type Lang, type PersonPost } from '@anjian/contracts';
import { AppError } from '../../platform/app-error';
import { zodDetails } from '../../platform/errors';
import type { Cell } from '../enterprises/enterprises.sheet';
import type { SheetRow } from '../enterprises/spreadsheet-reader';
import { hashIdNumber } from './people.vault';
import { checkPersonInput, identityColumns } from './person-input';

export const MAX_PEOPLE_ROWS = 20_000;

const COLUMNS: { key: string; headers: string[]; required?: boolean }[] = [
  { key: 'name', headers: ['姓名', 'name'], required: true },
  { key: 'idNumber', headers: ['身份证号', '身份证号码', 'idnumber'], required: true },
  { key: 'phone', headers: ['手机', '手机号', '电话', 'phone'] },
  { key: 'post', headers: ['岗位', '岗位类别', 'post'], required: true },
  { key: 'postTitle', headers: ['岗位名称', 'posttitle'] },
  { key: 'employedFrom', headers: ['上岗日期', 'employedfrom'], required: true },
  { key: 'employedTo', headers: ['离岗日期', 'employedto'] },
];

const postByText = new Map<string, PersonPost>(
  personPosts.flatMap((p) => [
    [p, p],
    [personPostLabels[p].zh, p],
    [personPostLabels[p].en.toLowerCase(), p],
  ]),
);

function cellText(key: string, cell: Cell): { value?: string; error?: { zh: string; en: string } } {
  if (cell === null) return {};
  if (typeof cell === 'object' && !(cell instanceof Date)) {
    return { error: { zh: '单元格含公式或错误值：请粘贴为数值', en: 'The cell holds a formula or an error value: paste it as values' } };
  }
  if (cell instanceof Date) return { value: cell.toISOString().slice(0, 10) };
  if (typeof cell === 'number' && key === 'idNumber') {
    return {
      error: { zh: '身份证号须为文本格式（数字格式会丢失末几位）', en: 'Identity numbers must be Text cells (a number loses digits)' },
    };
  }
  const s = String(cell).trim();
  if (key === 'post') {
    const post = postByText.get(s) ?? postByText.get(s.toLowerCase());
    return post
      ? { value: post }
      : {
          error: {
            zh: '岗位应为：主要负责人、安全管理人员、特种作业人员、特种设备作业人员或其他关键岗位',
            en: 'Post: principal, safety_manager, special_operator, equipment_operator or other',
          },
        };
  }
  return { value: s };
}

/** The header row's columns by key; a missing required column refuses the file. */
function headerColumns(cells: Cell[]): (string | undefined)[] {
  const columns = cells.map((c) =>
    typeof c === 'string'
      ? COLUMNS.find((x) => x.headers.includes(c.trim().toLowerCase()) || x.headers.includes(c.trim()))?.key
      : undefined,
  );
  const missing = COLUMNS.filter((c) => c.required && !columns.includes(c.key));
  if (missing.length) {
    throw new AppError(
      'VALIDATION',
      missing.map((c) => ({
        field: c.key,
        zh: `第 1 行缺少必填列“${c.headers[0]}”`,
        en: `Row 1 lacks the required column "${c.headers[0]}" (${c.key})`,
      })),
    );
  }
  return columns;
}

/** One row checked by the form's schema, then its rules: the person, or the row's errors. */
function checkRow(r: SheetRow, columns: (string | undefined)[], lang: Lang): CreatePersonBody | { field: string; message: string }[] {
  const values: Record<string, string> = {};
  const errors: { field: string; message: string }[] = [];
  columns.forEach((key, i) => {
    if (!key) return;
    const { value, error } = cellText(key, r.cells[i] ?? null);
    if (error) errors.push({ field: key, message: error[lang] });
    else if (value !== undefined && value !== '') values[key] = value;
  });
  const checked = createPersonBody.safeParse(values);
  if (!checked.success) {
    for (const d of zodDetails(checked.error.issues, lang)) if (!errors.some((e) => e.field === d.field)) errors.push(d);
  }
  if (errors.length || !checked.success) return errors;
  try {
    checkPersonInput(checked.data);
  } catch (e) {
    if (!(e instanceof AppError) || e.code !== 'VALIDATION') throw e;
    return e.details.map((d) => ({ field: d.field, message: d[lang] }));
  }
  return checked.data;
}

export interface PeopleRowsOptions {
  vaultKey: string;
  lang: Lang;
}

export type PersonColumns = ReturnType<typeof identityColumns>;
/** A data row: the person to write, or its errors. The header row gives `{ header: true }`. */
export type PreparedPersonRow =
  { header: true } | { number: number; person: PersonColumns } | { number: number; errors: { field: string; message: string }[] };

/**
 * A reader's preparer: rows in file order, in chunks, to prepared rows. Blank rows are skipped; a file with more
 * than MAX_PEOPLE_ROWS data rows, or without a required column, is refused (AppError).
 */
export function preparePeopleRows(o: PeopleRowsOptions): (rows: SheetRow[]) => PreparedPersonRow[] {
  let columns: (string | undefined)[] | null = null;
  let rowsRead = 0;
  return (rows) => {
    const out: PreparedPersonRow[] = [];
    for (const r of rows) {
      if (!columns) {
        columns = headerColumns(r.cells);
        out.push({ header: true });
        continue;
      }
      if (r.cells.every((c) => c === null || c === '')) continue;
      if (++rowsRead > MAX_PEOPLE_ROWS)
        throw new AppError('VALIDATION', [
          { field: 'file', zh: `一次最多导入 ${MAX_PEOPLE_ROWS} 行`, en: `At most ${MAX_PEOPLE_ROWS} rows per file` },
        ]);
      const person = checkRow(r, columns, o.lang);
      if (Array.isArray(person)) out.push({ number: r.number, errors: person });
      else out.push({ number: r.number, person: identityColumns(o, person, hashIdNumber(o.vaultKey, person.idNumber)) });
    }
    return out;
  };
}
