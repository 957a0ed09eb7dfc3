// The worker-thread reader gives exactly the rows the request-thread reader gives, refuses a file with the same
// bilingual error, and survives a reader that stops early or a second file arriving while it is busy.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { AppError } from '../../platform/app-error';
import { readSpreadsheet, type SheetRow } from './spreadsheet-reader';
import { endSheetThread, keepSheetThreadReady, readSpreadsheetRows, sheetThreadId, sheetThreadLimits } from './spreadsheet-thread';

async function readAll(rows: AsyncGenerator<SheetRow>): Promise<SheetRow[]> {
  const out: SheetRow[] = [];
  for await (const r of rows) out.push(r);
  return out;
}

async function workbook(n: number): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('人员名单');
  ws.addRow(['姓名', '身份证号', '上岗日期', '人数', '备注']);
  for (let i = 0; i < n; i++) {
    ws.addRow([
      `员工${i}（龙城街道）`,
      `44030719900101${String(i).padStart(4, '0')}`,
      new Date(Date.UTC(2020, 0, 1 + i)),
      i,
      i % 7 ? null : { formula: '1+1', result: 2 },
    ]);
    ws.getCell(`C${i + 2}`).numFmt = 'yyyy-mm-dd';
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const limits = { ...sheetThreadLimits };
beforeAll(() => {
  sheetThreadLimits.minBytes = 0; // every file goes to the thread
  sheetThreadLimits.chunkRows = 7;
});
afterAll(() => Object.assign(sheetThreadLimits, limits));

// A thread's first start transpiles the reader under vitest: seconds on a busy machine.
describe('spreadsheet rows read in a worker thread', { timeout: 60_000 }, () => {
  it('are the rows the request thread reads, in order, with dates, numbers and formula cells as such', async () => {
    const file = await workbook(120);
    const inline = await readAll(readSpreadsheet(file, 'x.xlsx'));
    expect(inline).toHaveLength(121);
    expect(await readAll(readSpreadsheetRows(file, 'x.xlsx'))).toEqual(inline);
    // The same thread reads the next file.
    expect(await readAll(readSpreadsheetRows(file, 'x.xlsx'))).toEqual(inline);
  });

  it('refuses a file that is not a workbook with the same bilingual error', async () => {
    const notAWorkbook = (await workbook(50)).subarray(0, 1500); // a zip's opening, cut short
    const expected = await readAll(readSpreadsheet(notAWorkbook, 'x.xlsx')).catch((e: unknown) => e);
    const got = await readAll(readSpreadsheetRows(notAWorkbook, 'x.xlsx')).catch((e: unknown) => e);
    expect(expected).toBeInstanceOf(AppError);
    expect(got).toBeInstanceOf(AppError);
    expect({ code: (got as AppError).code, details: (got as AppError).details }).toEqual({
      code: (expected as AppError).code,
      details: (expected as AppError).details,
    });
  });

  it('reads again after a reader stopped early, and reads a second file at once on the request thread', async () => {
    const file = await workbook(60);
    const inline = await readAll(readSpreadsheet(file, 'x.xlsx'));
    for await (const r of readSpreadsheetRows(file, 'x.xlsx')) if (r.number === 10) break;
    const [a, b] = await Promise.all([readAll(readSpreadsheetRows(file, 'x.xlsx')), readAll(readSpreadsheetRows(file, 'x.xlsx'))]);
    expect(a).toEqual(inline);
    expect(b).toEqual(inline);
  });

  it('refuses a file whose reading runs the thread out of memory as too large, and reads the next file afresh', async () => {
    const file = await workbook(40);
    const inline = await readAll(readSpreadsheet(file, 'x.xlsx'));
    endSheetThread();
    sheetThreadLimits.heapMb = 4; // too small to even load the reader
    const refused = await readAll(readSpreadsheetRows(file, 'x.xlsx')).catch((e: unknown) => e);
    sheetThreadLimits.heapMb = limits.heapMb;
    expect(refused).toBeInstanceOf(AppError);
    expect((refused as AppError).code).toBe('TOO_LARGE');
    expect(await readAll(readSpreadsheetRows(file, 'x.xlsx'))).toEqual(inline);
  });

  it('kept ready: a thread waits before the first file, and a fresh one replaces a thread that read', async () => {
    const file = await workbook(30);
    const inline = await readAll(readSpreadsheet(file, 'x.xlsx'));
    endSheetThread();
    expect(sheetThreadId()).toBeNull();
    sheetThreadLimits.idleMs = 100;
    try {
      keepSheetThreadReady();
      const ready = sheetThreadId();
      expect(ready).not.toBeNull();
      expect(await readAll(readSpreadsheetRows(file, 'x.xlsx'))).toEqual(inline);
      expect(sheetThreadId()).toBe(ready); // the read used the thread that was waiting
      await new Promise((r) => setTimeout(r, 300));
      const fresh = sheetThreadId();
      expect(fresh).not.toBeNull();
      expect(fresh).not.toBe(ready); // idle after its read: replaced, not ended
      for await (const r of readSpreadsheetRows(file, 'x.xlsx')) if (r.number === 5) break;
      const afterEarlyStop = sheetThreadId();
      expect(afterEarlyStop).not.toBeNull(); // a reader that stopped early leaves a fresh thread, not none
      expect(afterEarlyStop).not.toBe(fresh);
      await new Promise((r) => setTimeout(r, 300));
      expect(await readAll(readSpreadsheetRows(file, 'x.xlsx'))).toEqual(inline);
    } finally {
      sheetThreadLimits.idleMs = limits.idleMs;
      endSheetThread();
    }
    expect(sheetThreadId()).toBeNull();
  });
});
