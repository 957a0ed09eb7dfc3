import { describe, expect, it } from 'vitest';
import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { readSpreadsheet, type SheetRow } from './spreadsheet-reader';

async function readAll(buffer: Buffer, name: string): Promise<SheetRow[]> {
  const out: SheetRow[] = [];
  for await (const r of readSpreadsheet(buffer, name)) out.push(r);
  return out;
}

describe('spreadsheet reader', () => {
  it('keeps every Chinese character intact across zip chunk boundaries, with shared and inline strings', async () => {
    const text = (i: number) => `深圳市龙岗区${i}号宏达五金制品有限公司（龙城街道）`;
    for (const useSharedStrings of [true, false]) {
      const stream = new PassThrough();
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useSharedStrings });
      const ws = wb.addWorksheet('企业名录');
      ws.addRow(['企业名称', '从业人数']).commit();
      for (let i = 0; i < 4000; i++) ws.addRow([text(i), i]).commit();
      ws.commit();
      await wb.commit();
      const rows = await readAll(Buffer.concat(chunks), 'x.xlsx');
      expect(rows).toHaveLength(4001);
      const broken = rows.slice(1).filter((r, i) => r.cells[0] !== text(i));
      expect(broken.map((r) => r.cells[0])).toEqual([]);
    }
  });

  it('reports dates, numbers, formulas and error cells as such, and text exactly as written', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('s');
    ws.addRow(['a', 'b', 'c', 'd', 'e']);
    ws.addRow([new Date(Date.UTC(2024, 4, 6)), 12.5, { formula: '1+1', result: 2 }, { error: '#N/A' }, "'=SUM(A1)"]);
    ws.getCell('A2').numFmt = 'yyyy-mm-dd';
    const [, row] = await readAll(Buffer.from(await wb.xlsx.writeBuffer()), 'x.xlsx');
    expect(row!.cells).toEqual([new Date(Date.UTC(2024, 4, 6)), 12.5, { problem: 'formula' }, { problem: 'error' }, "'=SUM(A1)"]);
  });

  it('parses CSV quoting (separators, doubled quotes, line breaks) and numbers rows as Excel shows them', async () => {
    const rows = await readAll(Buffer.from('名称,地址\r\n"甲,乙","说""好""\n的"\n丙,\n'), 'x.csv');
    expect(rows.map((r) => [r.number, r.cells])).toEqual([
      [1, ['名称', '地址']],
      [2, ['甲,乙', '说"好"\n的']],
      [3, ['丙', null]],
    ]);
  });
});
