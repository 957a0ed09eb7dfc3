// Reads an uploaded table: .xlsx (streamed, first worksheet) or .csv (UTF-8, or GB18030 as saved by
// Excel on Chinese Windows). The type is decided by the bytes, not by the name the client gave.
import { Readable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import ExcelJS from 'exceljs';
import { AppError } from '../../platform/app-error';
import type { Cell } from './enterprises.sheet';

export interface SheetRow {
  /** 1-based, as the spreadsheet numbers it. */
  number: number;
  cells: Cell[];
}

const ZIP = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

const unsupported = () =>
  new AppError('UNSUPPORTED_MEDIA', [
    {
      field: 'file',
      zh: '请上传 .xlsx 或 .csv 文件（旧版 .xls 请另存为 .xlsx）',
      en: 'Upload an .xlsx or .csv file (save old .xls files as .xlsx)',
    },
  ]);

export function readSpreadsheet(buffer: Buffer, filename: string): AsyncGenerator<SheetRow> {
  if (buffer.subarray(0, 4).equals(ZIP)) return readXlsx(buffer);
  if (/\.csv$/i.test(filename) && !buffer.includes(0)) return readCsv(decode(buffer));
  throw unsupported();
}

function normaliseCell(v: unknown): Cell {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string') {
    const t = v.trim();
    // Taken as it is: the export adds no apostrophe to formula-like text (it formats the cell as Text instead).
    return t === '' ? null : t;
  }
  if (typeof v === 'number' || typeof v === 'boolean' || v instanceof Date) return v;
  if (typeof v === 'object') {
    const o = v as { richText?: { text: string }[]; text?: unknown; formula?: unknown; sharedFormula?: unknown; error?: unknown };
    if (o.formula !== undefined || o.sharedFormula !== undefined) return { problem: 'formula' };
    if (o.error !== undefined) return { problem: 'error' };
    if (o.richText) return normaliseCell(o.richText.map((r) => r.text).join(''));
    if (o.text !== undefined) return normaliseCell(String(o.text));
  }
  return null;
}

type Chunks = AsyncIterable<Buffer | string>;
interface ReaderInternals {
  _parseWorksheet(iterator: Chunks, sheetNo: string): unknown;
  _parseSharedStrings(entry: Readable): unknown;
  _parseWorkbook(entry: Readable): unknown;
  _parseStyles(entry: Readable): unknown;
  _parseRels(entry: Readable): unknown;
}

async function* decodeUtf8(chunks: Chunks): AsyncGenerator<string> {
  const decoder = new StringDecoder('utf8');
  for await (const c of chunks) {
    const s = typeof c === 'string' ? c : decoder.write(c);
    if (s) yield s;
  }
  const rest = decoder.end();
  if (rest) yield rest;
}

/**
 * ExcelJS 4.4's streaming reader decodes each zip chunk on its own, so a Chinese character split across
 * two chunks turns into U+FFFD (seen on 1 row in ~1,000). Its parts are fed decoded text instead: the
 * worksheet through a streaming UTF-8 decoder, the other parts with setEncoding. These are ExcelJS
 * internals (exceljs is pinned to 4.4); spreadsheet-reader.test.ts fails if the fix stops working.
 */
function utf8WorkbookReader(input: Readable, options: Partial<ExcelJS.stream.xlsx.WorkbookStreamReaderOptions>) {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, options);
  const r = reader as unknown as ReaderInternals;
  const parseWorksheet = r._parseWorksheet.bind(r);
  r._parseWorksheet = (iterator, sheetNo) => parseWorksheet(decodeUtf8(iterator), sheetNo);
  for (const m of ['_parseSharedStrings', '_parseWorkbook', '_parseStyles', '_parseRels'] as const) {
    const parse = r[m].bind(r);
    r[m] = (entry: Readable) => parse(entry.setEncoding('utf8'));
  }
  return reader;
}

async function* readXlsx(buffer: Buffer): AsyncGenerator<SheetRow> {
  const reader = utf8WorkbookReader(Readable.from(buffer), {
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'cache', // needed to tell date cells from numbers
    worksheets: 'emit',
    entries: 'ignore',
  });
  let sawSheet = false;
  let yielded = 0;
  try {
    for await (const sheet of reader) {
      sawSheet = true;
      for await (const row of sheet as AsyncIterable<ExcelJS.Row>) {
        const values = row.values as unknown[];
        yielded++;
        yield { number: row.number, cells: values.slice(1).map(normaliseCell) };
      }
      break; // the data is on the first worksheet; the template's others are instructions
    }
  } catch (err) {
    if (err instanceof AppError) throw err;
    // The streaming reader has refused, now and then, a workbook ExcelJS itself wrote (seen once in CI); before any
    // row was read, the whole-file reader gets a second look (uploads are capped at 20 MB) before refusing.
    if (yielded === 0) {
      const rows = await readWholeWorkbook(buffer);
      if (rows) {
        yield* rows;
        return;
      }
    }
    throw notAWorkbook();
  }
  if (!sawSheet) throw unsupported();
}

const notAWorkbook = () =>
  new AppError('UNSUPPORTED_MEDIA', [{ field: 'file', zh: '文件不是有效的 Excel 工作簿', en: 'The file is not a valid Excel workbook' }]);

async function readWholeWorkbook(buffer: Buffer): Promise<SheetRow[] | null> {
  try {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buffer as never);
    const sheet = wb.worksheets[0];
    if (!sheet) return null;
    const rows: SheetRow[] = [];
    sheet.eachRow((row) => rows.push({ number: row.number, cells: (row.values as unknown[]).slice(1).map(normaliseCell) }));
    return rows;
  } catch {
    return null;
  }
}

function decode(buffer: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(buffer).replace(/^\uFEFF/, '');
  } catch {
    return new TextDecoder('gb18030').decode(buffer);
  }
}

/** RFC 4180: quoted fields may hold separators, doubled quotes and line breaks. Rows are numbered as Excel shows them. */
async function* readCsv(text: string): AsyncGenerator<SheetRow> {
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let number = 0;
  const emit = (): SheetRow => {
    row.push(field);
    const out = { number: ++number, cells: row.map(normaliseCell) };
    row = [];
    field = '';
    return out;
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') field += text[i++];
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"' && field === '') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      yield emit();
    } else field += c;
  }
  if (field !== '' || row.length > 0) yield emit();
}
