// The worksheets of an .xlsx as text grids (ExcelJS). A merged range is stored once, in its top-left cell; every
// other cell of the range reads as that cell's text, as the sheet shows it.
import ExcelJS from 'exceljs';
import { IMPORT_LIMITS } from './plan-table.rules';
import { TableTooLarge } from './plan-table';

const MAX_COLUMNS = 30;

function cellText(cell: ExcelJS.Cell): string {
  const c = cell.isMerged ? cell.master : cell;
  const v = c.value as unknown;
  if (v && typeof v === 'object' && 'richText' in v) return (v as { richText: { text: string }[] }).richText.map((r) => r.text).join('');
  if (v && typeof v === 'object' && 'formula' in v) return ''; // a formula is not plan text
  return c.text ?? '';
}

export async function xlsxTables(buffer: Buffer): Promise<string[][][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buffer as unknown as ArrayBuffer);
  return wb.worksheets.map((ws) => {
    if (ws.rowCount > IMPORT_LIMITS.rows * 4) throw new TableTooLarge();
    const width = Math.min(ws.columnCount, MAX_COLUMNS);
    const grid: string[][] = [];
    for (let r = 1; r <= ws.rowCount; r++) {
      const row = ws.getRow(r);
      const line: string[] = [];
      for (let c = 1; c <= width; c++) line.push(cellText(row.getCell(c)));
      grid.push(line);
    }
    return grid;
  });
}
