// Streams what the caller may see as .xlsx: keyset pages from the database into ExcelJS's streaming
// writer, pausing while the client is slow, so memory stays bounded at any row count. Text cells that a
// spreadsheet could run as a formula are written as Text cells (enterprises.sheet.ts formulaLike). The export is audited before the first byte.
import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import type { EnterpriseExportQuery } from '@anjian/contracts';
import type { Db } from '../../../platform/db';
import type { Actor } from '../../../platform/actor';
import { recordAudit } from '../../../platform/audit';
import { cstDate } from '../../../platform/time';
import { eachYielding } from '../../../platform/yielding';
import { countEnterprises, iterateEnterprises } from '../enterprises.queries';
import { formulaLike, headerText, SHEET_COLUMNS } from '../enterprises.sheet';
import { contactsFor } from '../enterprises.presenter';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** RFC 6266 / 5987: an ASCII fallback plus the UTF-8 (Chinese) file name. */
export function attachment(asciiName: string, name: string): string {
  return `attachment; filename="${asciiName}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

export async function exportEnterprises(db: Db, actor: Actor, ip: string | null, filters: EnterpriseExportQuery) {
  const rows = await countEnterprises(db, actor, filters);
  await db.transaction((tx) =>
    recordAudit(tx, { actor, ip }, { action: 'enterprise.export', entityType: 'enterprise', after: { filters, rows } }),
  );
  const stream = new PassThrough();
  writeWorkbook(db, actor, filters, stream).catch((err: unknown) => stream.destroy(err as Error));
  const day = cstDate().replace(/-/g, '');
  return { stream, disposition: attachment(`enterprises-${day}.xlsx`, `企业名录-${day}.xlsx`) };
}

async function writeWorkbook(db: Db, actor: Actor, filters: EnterpriseExportQuery, out: PassThrough) {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  const ws = wb.addWorksheet('企业名录', { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = SHEET_COLUMNS.map((c) => ({ key: c.key, width: c.width }));
  const header = ws.addRow(SHEET_COLUMNS.map(headerText));
  header.font = { bold: true };
  header.commit();
  for await (const page of iterateEnterprises(db, actor, filters)) {
    // The same personal-data policy as the screen: a street officer's file carries masked phones.
    // A page is ~1,000 rows of synchronous work: other users' requests get a turn every 100 rows (mixed-workload bench).
    await eachYielding(
      page.map((row) => contactsFor(actor, row)),
      (r) => {
        const values = SHEET_COLUMNS.map((c) => c.format(r));
        const row = ws.addRow(values);
        values.forEach((v, i) => {
          if (formulaLike(v)) row.getCell(i + 1).numFmt = '@';
        });
        row.commit();
      },
    );
    await drained(out);
    if (out.destroyed) return; // the client went away: stop reading the database
  }
  ws.commit();
  await wb.commit();
}

/** Waits while the client reads slowly; also returns when the response is torn down. */
function drained(out: PassThrough): Promise<void> {
  if (!out.writableNeedDrain) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      out.off('drain', done);
      out.off('close', done);
      resolve();
    };
    out.on('drain', done);
    out.on('close', done);
  });
}
