// The streamed sheet read back by ExcelJS: values and cell formats survive the shared styles of data cells.
import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { streamSheet } from './xlsx-stream';

async function written(rows: unknown[][], textCells: number[]): Promise<ExcelJS.Worksheet> {
  const columns = rows[0]!.map((_, i) => ({ key: `c${i}`, width: 12 }));
  const stream: PassThrough = streamSheet({ name: '表', columns, header: columns.map((c) => c.key) }, async (sheet) => {
    for (const r of rows) sheet.add(r, textCells);
    await sheet.flush();
  });
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(c as Buffer);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.concat(chunks) as unknown as ArrayBuffer);
  return wb.getWorksheet('表')!;
}

describe('streamed sheet', () => {
  it('keeps each kind of value with its format: text, numbers, empty cells, dates and Text cells', async () => {
    const day = new Date(Date.UTC(2026, 11, 7));
    const ws = await written(
      [
        ['宏达五金', 12.5, null, day, '=1+1'],
        ['华达物流', 3, '备注', day, '=2+2'],
      ],
      [5],
    );
    expect(ws.getRow(1).getCell(1).font?.bold).toBe(true);
    for (const n of [2, 3]) {
      const row = ws.getRow(n);
      expect(typeof row.getCell(1).value).toBe('string');
      expect(typeof row.getCell(2).value).toBe('number');
      expect(row.getCell(4).value).toEqual(day);
      expect(row.getCell(4).numFmt).toMatch(/y/);
      expect(row.getCell(5).value).toMatch(/^=/);
      expect(row.getCell(5).numFmt).toBe('@');
      expect(row.getCell(1).numFmt).toBeUndefined();
    }
    expect(ws.getRow(2).getCell(3).value).toBeNull();
    expect(ws.getRow(3).getCell(3).value).toBe('备注');
  });
});
