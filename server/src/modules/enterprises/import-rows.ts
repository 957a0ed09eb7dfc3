// Turns spreadsheet rows into create bodies: the header row picks the columns, each cell is parsed by
// its column, then the same zod schema as the API checks formats. Problems come back per field.
import { createEnterpriseBody, type CreateEnterpriseBody, type Lang } from '@anjian/contracts';
import { AppError, zodDetails } from '../../platform/errors';
import { columnForHeader, headerText, SHEET_COLUMNS, type SheetColumn, type SheetContext } from './enterprises.sheet';
import type { SheetRow } from './spreadsheet-reader';

export interface RowError {
  field: string;
  message: string;
}

export type ParsedRow = { row: number; body: CreateEnterpriseBody; errors?: never } | { row: number; body?: never; errors: RowError[] };

/** The columns in file order (undefined for unknown or export-only ones); 400 when a required one is missing. */
export function headerColumns(header: SheetRow): (SheetColumn | undefined)[] {
  const taken = new Set<string>();
  const columns = header.cells.map((cell) => {
    const col = typeof cell === 'string' ? columnForHeader(cell) : undefined;
    if (!col?.parse || taken.has(col.key)) return undefined;
    taken.add(col.key);
    return col;
  });
  const missing = SHEET_COLUMNS.filter((c) => c.required && !taken.has(c.key));
  if (missing.length > 0) {
    throw new AppError(
      'VALIDATION',
      missing.map((c) => ({
        field: c.key,
        zh: `第 1 行缺少必填列“${headerText(c)}”：请使用导入模板`,
        en: `Row 1 lacks the required column "${headerText(c)}" (${c.key}): use the import template`,
      })),
    );
  }
  return columns;
}

export function parseRow(r: SheetRow, columns: (SheetColumn | undefined)[], ctx: SheetContext, lang: Lang): ParsedRow {
  const errors: RowError[] = [];
  const values: Record<string, unknown> = {};
  columns.forEach((col, i) => {
    const cell = r.cells[i] ?? null;
    if (!col?.parse || cell === null) return;
    if (typeof cell === 'object' && !(cell instanceof Date)) {
      const zh = cell.problem === 'formula' ? '单元格含公式：请复制后“粘贴为数值”' : '单元格含错误值（如 #N/A）';
      const en = cell.problem === 'formula' ? 'The cell holds a formula: paste it as values' : 'The cell holds an error value (e.g. #N/A)';
      errors.push({ field: col.key, message: lang === 'zh' ? zh : en });
      return;
    }
    const parsed = col.parse(cell, ctx);
    if (parsed.ok) values[col.key] = parsed.value;
    else errors.push({ field: col.key, message: parsed.message[lang] });
  });
  for (const c of SHEET_COLUMNS) {
    if (c.required && values[c.key] === undefined && !errors.some((e) => e.field === c.key)) {
      errors.push({ field: c.key, message: lang === 'zh' ? `“${c.header}”必须填写` : `"${c.header}" (${c.key}) is required` });
    }
  }
  // Every bad field of the row is reported at once: the format checks run on the cells that parsed even when
  // others did not, and add what they find about fields not already reported.
  const checked = createEnterpriseBody.safeParse(values);
  if (!checked.success) {
    for (const d of zodDetails(checked.error.issues, lang)) {
      if (!errors.some((e) => e.field === d.field)) errors.push(d);
    }
  }
  if (errors.length > 0 || !checked.success) return { row: r.number, errors };
  return { row: r.number, body: checked.data };
}

/** Only the cells the row filled: on an existing record, blank cells leave stored values alone. */
export function patchOf(body: CreateEnterpriseBody) {
  const { creditCodeOverrideReason: _reason, creditCode: _code, ...rest } = body;
  return Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined));
}
