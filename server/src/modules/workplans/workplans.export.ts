// 《工作分工及进展情况表》 for a plan and month as .xlsx (or .docx, workplans.docx.ts), in the layout of Longgang 000's annex: a title row, then
// 序号 / 工作项目 / 工作内容 / 责任单位 / 进展情况 / 存在的困难或问题, one row per task. Consecutive tasks of the same
// 工作项目 share a merged 工作项目 cell, as the plan's own table does. 责任单位 is the plan's wording where it was
// entered, else the lead unit's name. Text a spreadsheet could run as a formula is written as text (numFmt '@').
import ExcelJS from 'exceljs';
import type { ProgressBoard } from '@anjian/contracts';
import type { Actor } from '../../platform/actor';
import { recordAudit } from '../../platform/audit';
import type { Db } from '../../platform/db';
import { buildBoard } from './workplans.board';
import { progressDocument } from './workplans.docx';

export const PROGRESS_COLUMNS = ['序号', '工作项目', '工作内容', '责任单位', '进展情况', '存在的困难或问题'] as const;

const formulaLike = (v: string) => /^[=+\-@\t\r]/.test(v);

export async function progressWorkbook(board: ProgressBoard): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('工作分工及进展情况表');
  ws.columns = [{ width: 6 }, { width: 24 }, { width: 60 }, { width: 30 }, { width: 40 }, { width: 30 }];
  ws.mergeCells(1, 1, 1, PROGRESS_COLUMNS.length);
  const title = ws.getCell(1, 1);
  title.value = `${board.planTitle}工作分工及进展情况表（${board.month}，报送截止 ${board.dueOn}）`;
  title.font = { bold: true, size: 14 };
  title.alignment = { horizontal: 'center' };
  const header = ws.addRow([...PROGRESS_COLUMNS]);
  header.font = { bold: true };
  const border = { style: 'thin' as const };
  const groups: [number, number][] = [];
  board.rows.forEach((r, i) => {
    const values = [String(i + 1), r.item, r.content, r.responsibility ?? r.leadOrgName ?? '', r.progress ?? '', r.problems ?? ''];
    const row = ws.addRow(values);
    row.alignment = { wrapText: true, vertical: 'top' };
    values.forEach((v, c) => {
      const cell = row.getCell(c + 1);
      cell.border = { top: border, left: border, bottom: border, right: border };
      if (formulaLike(v)) cell.numFmt = '@';
    });
    if (r.reportState === 'missing') row.getCell(5).value = '（未报送）';
    const prev = board.rows[i - 1];
    if (prev && prev.item === r.item) groups[groups.length - 1]![1] = row.number;
    else groups.push([row.number, row.number]);
  });
  for (const [from, to] of groups) if (to > from) ws.mergeCells(from, 2, to, 2);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export async function exportProgress(
  db: Db,
  actor: Actor,
  ip: string | null,
  planId: string,
  month: string,
  today: string,
  format: 'xlsx' | 'docx' = 'xlsx',
) {
  const board = await buildBoard(db, actor, planId, month, today);
  await db.transaction((tx) =>
    recordAudit(
      tx,
      { actor, ip },
      { action: 'workplan.export', entityType: 'work_plan', entityId: planId, after: { month, format, rows: board.rows.length } },
    ),
  );
  return { buffer: format === 'docx' ? await progressDocument(board) : await progressWorkbook(board), month };
}
