// Bulk import from .xlsx/.csv: every row is checked by the same rules as the form, rows are upserted by
// credit code in one transaction per batch of 500, and a bad row never blocks the good ones. Re-importing
// the same file changes nothing; a dry run computes the same report and writes nothing.
// Audit: one entry per created or updated record (so its history shows the import) plus one summary.
import { eq, inArray, sql } from 'drizzle-orm';
import { validationMessages, type AuditAction, type ImportReport, type Lang } from '@anjian/contracts';
import { enterprises } from '../../../db/schema';
import { insertRowsSql } from '../../../platform/bulk-insert';
import { rowsOf, type Db, type DbOrTx } from '../../../platform/db';
import type { Actor } from '../../../platform/actor';
import { recordAudit, recordAuditMany, type AuditInput } from '../../../platform/audit';
import { settle } from '../../../platform/maintenance';
import { syncRiskScope } from '../../risks/risks.summary';
import { AppError } from '../../../platform/errors';
import { inScope } from '../../../platform/scope';
import { normaliseCreditCode } from '../../../reference/credit-code';
import { findByCreditCodes, findScopeNamedAreas, findScopeParks, type EnterpriseRecord } from '../enterprises.queries';
import { areaByName } from '../area-names';
import { auditEnterprise, changedFields, type EnterpriseValues } from '../enterprises.presenter';
import { Lookups, checkEnterprise } from '../enterprises.policy';
import { SHEET_COLUMNS } from '../enterprises.sheet';
import { headerColumns, parseRow, patchOf, type ParsedRow, type RowError } from '../import-rows';
import { readSpreadsheetRows } from '../spreadsheet-thread';
import { draftFromInput, isUniqueViolation } from './create-enterprise';
import { mergePatch } from './update-enterprise';

const BATCH_SIZE = 500;
const MAX_ERRORS = 1000;
// A problem is reported under the column the user sees in the file, not only the field's key.
const HEADERS = new Map(SHEET_COLUMNS.map((c) => [c.key as string, c.header]));

export interface ImportInput {
  buffer: Buffer;
  filename: string;
  dryRun: boolean;
  lang: Lang;
}

type Outcome = { row: number; kind: 'created' | 'updated' | 'unchanged' } | { row: number; kind: 'rejected'; errors: RowError[] };
type GoodRow = Extract<ParsedRow, { body: object }>;

export async function importEnterprises(db: Db, actor: Actor, ip: string | null, input: ImportInput): Promise<ImportReport> {
  const report: ImportReport = {
    dryRun: input.dryRun,
    total: 0,
    created: 0,
    updated: 0,
    unchanged: 0,
    rejected: 0,
    errors: [],
    errorsTruncated: false,
  };
  const tally = (o: Outcome) => {
    report[o.kind]++;
    if (o.kind !== 'rejected') return;
    for (const e of o.errors) {
      if (report.errors.length < MAX_ERRORS) report.errors.push({ row: o.row, ...e, column: HEADERS.get(e.field) });
      else report.errorsTruncated = true;
    }
  };
  const [parks, namedAreas] = await Promise.all([findScopeParks(db, actor), findScopeNamedAreas(db, actor)]);
  const ctx = { parkIds: new Map(parks.map((p) => [p.name, p.id])), areaByName: areaByName(namedAreas) };
  // Duplicates are counted against accepted rows only: a first row rejected (say, for an area outside the caller's
  // scope) must not block a valid later row with the same code. A row whose code is still pending in the current
  // batch waits for that batch's outcome, then is either a duplicate of the accepted row or the next candidate.
  const acceptedRowOf = new Map<string, number>();
  const pending = new Map<number, string>();
  const pendingCodes = new Set<string>();
  let waiting: GoodRow[] = [];
  let columns: ReturnType<typeof headerColumns> | null = null;
  let batch: GoodRow[] = [];
  const admit = (row: GoodRow) => {
    const code = normaliseCreditCode(row.body.creditCode);
    const first = acceptedRowOf.get(code);
    if (first !== undefined) {
      const message =
        input.lang === 'zh' ? `与第 ${first} 行的信用代码重复，以第 ${first} 行为准` : `Same credit code as row ${first}, which was used`;
      tally({ row: row.row, kind: 'rejected', errors: [{ field: 'creditCode', message }] });
    } else if (pendingCodes.has(code)) {
      waiting.push(row);
    } else {
      pendingCodes.add(code);
      pending.set(row.row, code);
      batch.push(row);
    }
  };
  const flush = async () => {
    while (batch.length > 0) {
      for (const o of await writeBatch(db, actor, ip, batch, input)) {
        if (o.kind !== 'rejected') acceptedRowOf.set(pending.get(o.row)!, o.row);
        tally(o);
      }
      batch = [];
      pending.clear();
      pendingCodes.clear();
      const retry = waiting;
      waiting = [];
      retry.forEach(admit);
    }
  };

  for await (const r of readSpreadsheetRows(input.buffer, input.filename)) {
    if (!columns) {
      columns = headerColumns(r);
      continue;
    }
    if (r.cells.every((c) => c === null)) continue;
    report.total++;
    const parsed = parseRow(r, columns, ctx, input.lang);
    if (parsed.errors) {
      tally({ row: r.number, kind: 'rejected', errors: parsed.errors });
      continue;
    }
    admit(parsed);
    if (batch.length >= BATCH_SIZE) await flush();
  }
  if (!columns) throw new AppError('VALIDATION', [{ field: 'file', zh: '文件是空的', en: 'The file is empty' }]);
  await flush();
  report.errors.sort((a, b) => a.row - b.row);

  if (!input.dryRun) {
    // A bulk path leaves its table settled (platform/maintenance.ts): without fresh statistics after a big load
    // the planner skips the search index, and PGlite has no autovacuum to catch up later.
    if (report.created + report.updated >= 1000) await settle(db, ['enterprises']);
    await db.transaction((tx) =>
      recordAudit(
        tx,
        { actor, ip },
        { action: 'enterprise.import', entityType: 'enterprise_import', after: { filename: input.filename, ...report, errors: undefined } },
      ),
    );
  }
  return report;
}

/** One transaction per batch; if it fails as a whole (a concurrent edit), each row is retried on its own. */
async function writeBatch(db: Db, actor: Actor, ip: string | null, rows: GoodRow[], input: ImportInput): Promise<Outcome[]> {
  try {
    return await db.transaction((tx) => planAndWrite(tx, actor, ip, rows, input));
  } catch (err) {
    if (rows.length === 1) {
      const kind = isUniqueViolation(err) ? 'creditCode.duplicate' : null;
      const message = kind ? validationMessages[kind][input.lang] : input.lang === 'zh' ? '保存失败，请重试' : 'Could not be saved: retry';
      return [{ row: rows[0]!.row, kind: 'rejected', errors: [{ field: kind ? 'creditCode' : '', message }] }];
    }
    const out: Outcome[] = [];
    for (const r of rows) out.push(...(await writeBatch(db, actor, ip, [r], input)));
    return out;
  }
}

async function planAndWrite(tx: DbOrTx, actor: Actor, ip: string | null, rows: GoodRow[], input: ImportInput): Promise<Outcome[]> {
  const t = (key: keyof typeof validationMessages) => validationMessages[key][input.lang];
  const drafts = rows.map((r) => draftFromInput(actor, r.body));
  const existing = new Map(
    (await findByCreditCodes(tx, [...new Set(drafts.map((d) => d.creditCode))], !input.dryRun)).map((e) => [e.creditCode, e]),
  );
  const planned = drafts.map((d, i) => {
    const before = existing.get(d.creditCode);
    return { row: rows[i]!, before, draft: before ? mergePatch(before, patchOf(rows[i]!.body)) : d };
  });
  const lookups = new Lookups(tx);
  await lookups.preload(planned.map((p) => p.draft));

  const outcomes: Outcome[] = [];
  const inserts: { row: number; values: EnterpriseValues }[] = [];
  const updates: { row: number; before: EnterpriseRecord; values: EnterpriseValues }[] = [];
  for (const { row, before, draft } of planned) {
    const reject = (errors: RowError[]) => outcomes.push({ row: row.row, kind: 'rejected', errors });
    if (before?.deletedAt) {
      reject([{ field: 'creditCode', message: t('creditCode.deleted') }]);
      continue;
    }
    if (before && !inScope(actor, { ...before, enterpriseId: before.id })) {
      const message =
        input.lang === 'zh' ? '该信用代码已由其他辖区登记，不能在此更新' : 'This credit code is filed by another jurisdiction';
      reject([{ field: 'creditCode', message }]);
      continue;
    }
    if (before && changedFields(before, draft).length === 0) {
      outcomes.push({ row: row.row, kind: 'unchanged' });
      continue;
    }
    const checked = checkEnterprise(lookups, actor, draft, {
      codeChanged: !before,
      overrideReason: row.body.creditCodeOverrideReason,
      id: before?.id,
    });
    if (checked.details.length > 0) {
      reject(checked.details.map((d) => ({ field: d.field, message: d[input.lang] })));
      continue;
    }
    const values = { ...draft, creditCodeOverride: checked.creditCodeOverride };
    if (before) updates.push({ row: row.row, before, values });
    else inserts.push({ row: row.row, values });
  }
  for (const i of inserts) outcomes.push({ row: i.row, kind: 'created' });
  for (const u of updates) outcomes.push({ row: u.row, kind: 'updated' });
  if (input.dryRun) return outcomes;

  const entries: AuditInput[] = [];
  const audit = (action: AuditAction, before: EnterpriseRecord | null, after: EnterpriseRecord) =>
    entries.push({
      action,
      entityType: 'enterprise',
      entityId: after.id,
      before: before && auditEnterprise(before),
      after: auditEnterprise(after),
    });
  if (inserts.length > 0) {
    // One JSON parameter (platform/bulk-insert.ts): drizzle's builder took 60–150 ms of CPU for a batch of 500 rows of
    // 43 columns. The rows written are then read back as records for their audit entries, in file order.
    const ids = rowsOf<{ id: string }>(
      await tx.execute(
        insertRowsSql(
          enterprises,
          inserts.map((i) => i.values),
          sql`returning id`,
        ),
      ),
    ).map((r) => r.id);
    const created = new Map((await tx.select().from(enterprises).where(inArray(enterprises.id, ids))).map((r) => [r.id, r]));
    for (const id of ids) audit('enterprise.import.create', null, created.get(id)!);
  }
  for (const u of updates) {
    const [after] = await tx
      .update(enterprises)
      .set({ ...u.values, updatedAt: new Date(), version: u.before.version + 1 })
      .where(eq(enterprises.id, u.before.id))
      .returning();
    audit('enterprise.import.update', u.before, after!);
    const moved = after!.areaCode !== u.before.areaCode || after!.sector !== u.before.sector || after!.parkId !== u.before.parkId;
    if (moved) await syncRiskScope(tx, after!.id); // as in update-enterprise: risk rows follow the enterprise
  }
  await recordAuditMany(tx, { actor, ip }, entries);
  return outcomes;
}
