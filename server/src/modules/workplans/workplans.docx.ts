// 《工作分工及进展情况表》 as Word writes it in the plan (Longgang 000, lines 132–335): the title above a table of
// 工作项目 / 工作内容 / 责任单位 / 进展情况 / 存在的困难或问题 whose header row repeats on every page, one row per
// content row, and each 工作项目 cell merged down over its content rows (vMerge restart/continue). Tasks made from one
// content row for several lead units (各街道办组织落实) are one row again here, each unit's report on its own line, so
// that the file imports back to the same items and content rows (plan-table.docx.ts).
import {
  AlignmentType,
  Document,
  Packer,
  PageOrientation,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  VerticalMergeType,
  WidthType,
} from 'docx';
import type { ProgressBoard } from '@anjian/contracts';
import { TABLE_COLUMNS } from './plan-table.rules';

type BoardRow = ProgressBoard['rows'][number];
const WIDTHS = [14, 34, 18, 20, 14];

const paragraphs = (text: string, bold = false) =>
  (text === '' ? [''] : text.split('\n')).map((line) => new Paragraph({ children: [new TextRun({ text: line, bold })] }));

const cell = (text: string, i: number, opts: { bold?: boolean; merge?: 'restart' | 'continue' } = {}) =>
  new TableCell({
    width: { size: WIDTHS[i]!, type: WidthType.PERCENTAGE },
    verticalMerge:
      opts.merge === 'restart' ? VerticalMergeType.RESTART : opts.merge === 'continue' ? VerticalMergeType.CONTINUE : undefined,
    children: paragraphs(opts.merge === 'continue' ? '' : text, opts.bold),
  });

const reportText = (r: BoardRow, field: 'progress' | 'problems') =>
  r[field] ?? (field === 'progress' && r.reportState === 'missing' ? '（未报送）' : '');

/** Board rows (one per task) → content rows: consecutive tasks of one seq, item and content are one row. */
export function contentRows(rows: BoardRow[]) {
  const out: { item: string; content: string; responsibility: string; tasks: BoardRow[] }[] = [];
  for (const r of rows) {
    const last = out[out.length - 1];
    if (last && last.tasks[0]!.seq === r.seq && last.item === r.item && last.content === r.content) last.tasks.push(r);
    else out.push({ item: r.item, content: r.content, responsibility: r.responsibility ?? r.leadOrgName ?? '', tasks: [r] });
  }
  return out.map((c) => {
    const joined = (field: 'progress' | 'problems') =>
      c.tasks.length === 1
        ? reportText(c.tasks[0]!, field)
        : c.tasks
            .map((t) => [t.leadOrgName ?? '', reportText(t, field)] as const)
            .filter(([, v]) => v !== '')
            .map(([n, v]) => `${n}：${v}`)
            .join('\n');
    return {
      item: c.item,
      content: c.content,
      responsibility: c.responsibility,
      progress: joined('progress'),
      problems: joined('problems'),
    };
  });
}

export async function progressDocument(board: ProgressBoard): Promise<Buffer> {
  const header = new TableRow({
    tableHeader: true,
    children: Object.values(TABLE_COLUMNS).map((label, i) => cell(label, i, { bold: true })),
  });
  const rows = contentRows(board.rows).map((r, i, all) => {
    const merge = all[i - 1]?.item === r.item ? 'continue' : all[i + 1]?.item === r.item ? 'restart' : undefined;
    return new TableRow({
      cantSplit: true,
      children: [cell(r.item, 0, { merge }), cell(r.content, 1), cell(r.responsibility, 2), cell(r.progress, 3), cell(r.problems, 4)],
    });
  });
  const doc = new Document({
    sections: [
      {
        properties: { page: { size: { orientation: PageOrientation.LANDSCAPE } } },
        children: [
          new Paragraph({
            alignment: AlignmentType.CENTER,
            children: [new TextRun({ text: `${board.planTitle}工作分工及进展情况表`, bold: true, size: 32 })],
          }),
          new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun(`（${board.month}，报送截止 ${board.dueOn}）`)] }),
          new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, rows: [header, ...rows] }),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}
