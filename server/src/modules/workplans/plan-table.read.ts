// An uploaded task table → its content rows. The kind of file is decided by its bytes (a zip holding
// word/document.xml is Word, one holding xl/workbook.xml is Excel), not by the name the client sent. Anything else,
// a broken zip or XML, or a table beyond the limits is a bilingual 400 before anything is written.
import { unzipSync } from 'fflate';
import { AppError } from '../../platform/errors';
import { hasHeader, rowsFromGrid, TableTooLarge, type ParsedTable } from './plan-table';
import { documentXml, docxTables } from './plan-table.docx';
import { xlsxTables } from './plan-table.xlsx';
import { IMPORT_LIMITS } from './plan-table.rules';

const ZIP = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const MAX_UNPACKED = 100 * 1024 * 1024;
export type TableFormat = 'docx' | 'xlsx';

const bad = (zh: string, en: string) => new AppError('VALIDATION', [{ field: 'file', zh, en }]);
const unreadable = () =>
  bad(
    '无法读取该文件：请上传 Word（.docx）或 Excel（.xlsx）格式的工作分工表',
    'The file cannot be read: upload the task table as .docx or .xlsx',
  );

function formatOf(buffer: Buffer): TableFormat {
  if (!buffer.subarray(0, 4).equals(ZIP)) throw unreadable();
  const names: string[] = [];
  let unpacked = 0;
  try {
    unzipSync(new Uint8Array(buffer), {
      filter: (f) => {
        names.push(f.name);
        unpacked += f.originalSize;
        return false;
      },
    });
  } catch {
    throw unreadable();
  }
  // A few megabytes that unpack to more than this are a zip bomb, not a plan's table.
  if (unpacked > MAX_UNPACKED) throw bad('文件解压后过大', 'The file unpacks to too much data');
  if (names.includes('word/document.xml')) return 'docx';
  if (names.includes('xl/workbook.xml')) return 'xlsx';
  throw unreadable();
}

export async function readPlanTable(buffer: Buffer): Promise<ParsedTable & { format: TableFormat }> {
  if (buffer.length === 0) throw bad('文件为空', 'The file is empty');
  if (buffer.length > IMPORT_LIMITS.bytes) throw bad('文件超过 5 MB', 'The file is larger than 5 MB');
  const format = formatOf(buffer);
  let grids: string[][][];
  try {
    if (format === 'docx') {
      const xml = documentXml(new Uint8Array(buffer));
      if (xml === null) throw unreadable();
      grids = docxTables(xml);
    } else grids = await xlsxTables(buffer);
  } catch (e) {
    if (e instanceof AppError) throw e;
    if (e instanceof TableTooLarge) throw tooLarge();
    throw unreadable();
  }
  try {
    // Word: every table with the header takes part (a long table may be split into several); Excel: the first sheet
    // with it. Other tables (a letterhead, a signature block) are not the task table.
    const tables = grids.filter(hasHeader);
    const parsed = rowsFromGrid((format === 'docx' ? tables : tables.slice(0, 1)).flat());
    return { ...parsed, format };
  } catch (e) {
    if (e instanceof TableTooLarge) throw tooLarge();
    throw e;
  }
}

const tooLarge = () => bad(`表格超过 ${IMPORT_LIMITS.rows} 行工作内容`, `The table has more than ${IMPORT_LIMITS.rows} content rows`);
