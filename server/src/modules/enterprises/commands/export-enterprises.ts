// Streams what the caller may see as .xlsx: pages from the database (iterateEnterprises: ids in keyset pages, rows
// by id) into the streamed sheet (platform/xlsx-stream.ts), waiting for the zip and the client after each page, so
// memory stays flat at any row count. Text cells that a spreadsheet could run as a formula are written as Text cells
// (enterprises.sheet.ts formulaLike). The export is audited before the first byte.
import type { EnterpriseExportQuery } from '@anjian/contracts';
import type { Db } from '../../../platform/db';
import type { Actor } from '../../../platform/actor';
import { recordAudit } from '../../../platform/audit';
import { cstDate } from '../../../platform/time';
import { attachment, streamSheet } from '../../../platform/xlsx-stream';
import { countEnterprises, iterateEnterprises } from '../enterprises.queries';
import { formulaLike, headerText, SHEET_COLUMNS } from '../enterprises.sheet';
import { contactsFor } from '../enterprises.presenter';

/**
 * Rows per database page. ExcelJS allocates ~70 KB per written row, so a page of 1,000 rows lived through several
 * young-generation scavenges (16 MB each) and was promoted to the old generation, which only a full GC returns:
 * ~1.5 KB per exported row, RSS growing with the row count. 100 rows (~7 MB of allocation) are made, written and
 * dropped within one scavenge; the extra keyset queries cost little beside ExcelJS.
 */
export const EXPORT_PAGE_ROWS = 100;

export async function exportEnterprises(db: Db, actor: Actor, ip: string | null, filters: EnterpriseExportQuery) {
  const rows = await countEnterprises(db, actor, filters);
  await db.transaction((tx) =>
    recordAudit(tx, { actor, ip }, { action: 'enterprise.export', entityType: 'enterprise', after: { filters, rows } }),
  );
  const columns = SHEET_COLUMNS.map((c) => ({ key: c.key, width: c.width }));
  const stream = streamSheet({ name: '企业名录', columns, header: SHEET_COLUMNS.map(headerText) }, async (sheet) => {
    for await (const page of iterateEnterprises(db, actor, filters, EXPORT_PAGE_ROWS)) {
      for (const row of page) {
        // The same personal-data policy as the screen: a street officer's file carries masked phones.
        const r = contactsFor(actor, row);
        const values = SHEET_COLUMNS.map((c) => c.format(r));
        let text: number[] | undefined;
        for (let i = 0; i < values.length; i++) if (formulaLike(values[i])) (text ??= []).push(i + 1);
        sheet.add(values, text);
      }
      if (!(await sheet.flush())) return; // the client went away: stop reading the database
    }
  });
  const day = cstDate().replace(/-/g, '');
  return { stream, disposition: attachment(`enterprises-${day}.xlsx`, `企业名录-${day}.xlsx`) };
}
