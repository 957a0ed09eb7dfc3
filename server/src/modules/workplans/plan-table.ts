// A plan's task table as rows of text, whatever file it came from: the readers (plan-table.docx.ts,
// plan-table.xlsx.ts) turn merged cells into the text of their first cell, so here a row is plain text per column.
// A header row (工作项目 / 工作内容 / 责任单位 …, found by its words, not its position) sets the columns; Word repeats
// it on every page (000 lines 133, 175, 205 …) and those repeats are skipped. An empty 工作项目 cell continues the item
// above (a vertically merged cell as plain text shows). Consecutive rows with the same item, content and 责任单位 are
// one content row: an exported sheet writes one line per lead unit of a 各街道办 row.
import { TABLE_COLUMNS, IMPORT_LIMITS, type TableColumn } from './plan-table.rules';

export interface TableRow {
  /** 1-based among the table's content rows, as the preview numbers them. */
  row: number;
  item: string;
  content: string;
  responsibility: string;
  progress: string;
  problems: string;
}
export interface TableProblem {
  row: number;
  field: TableColumn | 'file';
  zh: string;
  en: string;
}
export interface ParsedTable {
  rows: TableRow[];
  problems: TableProblem[];
}

// Control characters other than tab and newline are not text a plan means (XML 1.0 forbids most of them anyway).
const printable = (s: string) => [...s].filter((ch) => ch === '\t' || ch === '\n' || (ch >= ' ' && ch !== '\u007f')).join('');
const clean = (s: string | undefined) =>
  printable(s ?? '')
    .replace(/[\u00a0\u3000]/g, ' ')
    .replace(/[ \t]+/g, ' ')
    .trim();
const squeeze = (s: string) => s.replace(/\s+/g, '');

function headerOf(cells: string[]): Map<TableColumn, number> | null {
  const at = new Map<TableColumn, number>();
  cells.forEach((c, i) => {
    const s = squeeze(c);
    for (const [key, label] of Object.entries(TABLE_COLUMNS) as [TableColumn, string][]) if (s === label && !at.has(key)) at.set(key, i);
  });
  return at.has('content') && at.has('responsibility') ? at : null;
}

export class TableTooLarge extends Error {}

export const hasHeader = (grid: string[][]) => grid.some((cells) => headerOf(cells) !== null);

export function rowsFromGrid(grid: string[][]): ParsedTable {
  const rows: TableRow[] = [];
  const problems: TableProblem[] = [];
  let columns: Map<TableColumn, number> | null = null;
  let item = '';
  for (const cells of grid) {
    const header = headerOf(cells);
    if (header) {
      columns = header;
      continue;
    }
    if (!columns || cells.every((c) => clean(c) === '')) continue;
    const get = (k: TableColumn) => (columns!.has(k) ? clean(cells[columns!.get(k)!]) : '');
    const own = get('item');
    if (own) item = own;
    const next = {
      row: rows.length + 1,
      item,
      content: get('content'),
      responsibility: get('responsibility'),
      progress: get('progress'),
      problems: get('problems'),
    };
    const prev = rows[rows.length - 1];
    if (prev && prev.item === next.item && prev.content === next.content && prev.responsibility === next.responsibility) continue;
    if (rows.length >= IMPORT_LIMITS.rows) throw new TableTooLarge();
    rows.push(next);
    if (!next.item) problems.push({ row: next.row, field: 'item', zh: '工作项目为空', en: 'The work item (工作项目) is empty' });
    if (!next.content) problems.push({ row: next.row, field: 'content', zh: '工作内容为空', en: 'The work content (工作内容) is empty' });
    if (!next.responsibility)
      problems.push({ row: next.row, field: 'responsibility', zh: '责任单位为空', en: 'The responsible units (责任单位) are empty' });
    for (const [field, max] of [
      ['item', 200],
      ['content', 4000],
      ['responsibility', 500],
      ['progress', 4000],
      ['problems', 4000],
    ] as const)
      if (next[field].length > max) problems.push({ row: next.row, field, zh: `超过 ${max} 字`, en: `Longer than ${max} characters` });
  }
  if (!columns)
    problems.push({
      row: 0,
      field: 'file',
      zh: '未找到含“工作内容”“责任单位”表头的表格',
      en: 'No table with the headers 工作内容 and 责任单位 was found',
    });
  return { rows, problems };
}

/** The table's 工作项目 in order, each with its content rows. */
export function itemsOf(rows: TableRow[]) {
  const items: { item: string; rows: TableRow[] }[] = [];
  for (const r of rows) {
    const last = items[items.length - 1];
    if (last && last.item === r.item) last.rows.push(r);
    else items.push({ item: r.item, rows: [r] });
  }
  return items;
}
