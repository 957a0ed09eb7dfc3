// POST /api/people/import: an enterprise adds its key staff from an .xlsx/.csv (the enterprise import's reader; header
// row with 姓名, 身份证号, 手机, 岗位, 岗位名称, 上岗日期, 离岗日期). Each row is checked by the same schema and rules as the
// form and reported with its spreadsheet row number; a bad row never blocks the good ones. A person already on the
// list (same identity number) is left unchanged, so importing the same file twice adds nothing. All rows go in one
// transaction: checked first, then looked up, inserted and audited (one entry a person, as the form records it) in
// batches of 1,000, with one summary rewrite at the end; a dry run computes the same report and rolls back.
import {
  createPersonBody,
  personPostLabels,
  personPosts,
  type CreatePersonBody,
  type ImportReport,
  type Lang,
  type PersonPost,
} from '@anjian/contracts';
import { and, eq, inArray } from 'drizzle-orm';
import { people } from '../../../db/schema';
import { recordAuditMany } from '../../../platform/audit';
import type { Db } from '../../../platform/db';
import { AppError, notFound, zodDetails } from '../../../platform/errors';
import { cstDate } from '../../../platform/time';
import type { Cell } from '../../enterprises/enterprises.sheet';
import { readSpreadsheet } from '../../enterprises/spreadsheet-reader';
import { findEnterpriseInScope } from '../../enterprises/enterprises.queries';
import { auditPerson } from '../people.presenter';
import { refreshSummary } from '../people.queries';
import { hashIdNumber } from '../people.vault';
import { checkPersonInput, identityColumns, type PeopleContext } from './save-person';

const MAX_ERRORS = 1000;
const MAX_ROWS = 20_000;
/** Rows per duplicate lookup, multi-row insert and audit append. */
const BATCH = 1000;

const COLUMNS: { key: string; headers: string[]; required?: boolean }[] = [
  { key: 'name', headers: ['姓名', 'name'], required: true },
  { key: 'idNumber', headers: ['身份证号', '身份证号码', 'idnumber'], required: true },
  { key: 'phone', headers: ['手机', '手机号', '电话', 'phone'] },
  { key: 'post', headers: ['岗位', '岗位类别', 'post'], required: true },
  { key: 'postTitle', headers: ['岗位名称', 'posttitle'] },
  { key: 'employedFrom', headers: ['上岗日期', 'employedfrom'], required: true },
  { key: 'employedTo', headers: ['离岗日期', 'employedto'] },
];

const postByText = new Map<string, PersonPost>(
  personPosts.flatMap((p) => [
    [p, p],
    [personPostLabels[p].zh, p],
    [personPostLabels[p].en.toLowerCase(), p],
  ]),
);

function cellText(key: string, cell: Cell): { value?: string; error?: { zh: string; en: string } } {
  if (cell === null) return {};
  if (typeof cell === 'object' && !(cell instanceof Date)) {
    return { error: { zh: '单元格含公式或错误值：请粘贴为数值', en: 'The cell holds a formula or an error value: paste it as values' } };
  }
  if (cell instanceof Date) return { value: cell.toISOString().slice(0, 10) };
  if (typeof cell === 'number' && key === 'idNumber') {
    return {
      error: { zh: '身份证号须为文本格式（数字格式会丢失末几位）', en: 'Identity numbers must be Text cells (a number loses digits)' },
    };
  }
  const s = String(cell).trim();
  if (key === 'post') {
    const post = postByText.get(s) ?? postByText.get(s.toLowerCase());
    return post
      ? { value: post }
      : {
          error: {
            zh: '岗位应为：主要负责人、安全管理人员、特种作业人员、特种设备作业人员或其他关键岗位',
            en: 'Post: principal, safety_manager, special_operator, equipment_operator or other',
          },
        };
  }
  return { value: s };
}

class DryRun extends Error {}

export async function importPeople(
  db: Db,
  ctx: PeopleContext,
  input: { buffer: Buffer; filename: string; dryRun: boolean; lang: Lang },
): Promise<ImportReport> {
  const { actor } = ctx;
  if (!actor.enterpriseId) throw new AppError('FORBIDDEN');
  const today = ctx.today ?? cstDate();
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
  const reject = (row: number, errors: { field: string; message: string }[]) => {
    report.rejected++;
    for (const e of errors) {
      if (report.errors.length < MAX_ERRORS) report.errors.push({ row, ...e });
      else report.errorsTruncated = true;
    }
  };
  let columns: (string | undefined)[] | null = null;
  const rows: { number: number; cells: Cell[] }[] = [];
  for await (const r of readSpreadsheet(input.buffer, input.filename)) {
    if (!columns) {
      columns = r.cells.map((c) =>
        typeof c === 'string'
          ? COLUMNS.find((x) => x.headers.includes(c.trim().toLowerCase()) || x.headers.includes(c.trim()))?.key
          : undefined,
      );
      const missing = COLUMNS.filter((c) => c.required && !columns!.includes(c.key));
      if (missing.length) {
        throw new AppError(
          'VALIDATION',
          missing.map((c) => ({
            field: c.key,
            zh: `第 1 行缺少必填列“${c.headers[0]}”`,
            en: `Row 1 lacks the required column "${c.headers[0]}" (${c.key})`,
          })),
        );
      }
      continue;
    }
    if (r.cells.every((c) => c === null || c === '')) continue;
    if (rows.length >= MAX_ROWS)
      throw new AppError('VALIDATION', [{ field: 'file', zh: `一次最多导入 ${MAX_ROWS} 行`, en: `At most ${MAX_ROWS} rows per file` }]);
    rows.push(r);
  }
  if (!columns) throw new AppError('VALIDATION', [{ field: 'file', zh: '文件是空的', en: 'The file is empty' }]);
  try {
    await db.transaction(async (tx) => {
      const ent = await findEnterpriseInScope(tx, actor, actor.enterpriseId!);
      if (!ent) throw notFound();
      // Every row checked first (schema, then the form's rules), in file order.
      const good: { data: CreatePersonBody; hash: string }[] = [];
      for (const r of rows) {
        report.total++;
        const values: Record<string, string> = {};
        const errors: { field: string; message: string }[] = [];
        columns!.forEach((key, i) => {
          if (!key) return;
          const { value, error } = cellText(key, r.cells[i] ?? null);
          if (error) errors.push({ field: key, message: error[input.lang] });
          else if (value !== undefined && value !== '') values[key] = value;
        });
        const checked = createPersonBody.safeParse(values);
        if (!checked.success) {
          for (const d of zodDetails(checked.error.issues, input.lang)) if (!errors.some((e) => e.field === d.field)) errors.push(d);
        }
        if (errors.length || !checked.success) {
          reject(r.number, errors);
          continue;
        }
        try {
          checkPersonInput(checked.data);
        } catch (e) {
          if (!(e instanceof AppError) || e.code !== 'VALIDATION') throw e;
          reject(
            r.number,
            e.details.map((d) => ({ field: d.field, message: d[input.lang] })),
          );
          continue;
        }
        good.push({ data: checked.data, hash: hashIdNumber(ctx.vaultKey, checked.data.idNumber) });
      }
      // People already on the list (or earlier in the file) are left unchanged; one lookup per batch of hashes.
      const existing = new Set<string>();
      for (let i = 0; i < good.length; i += BATCH) {
        const hashes = good.slice(i, i + BATCH).map((g) => g.hash);
        const found = await tx
          .select({ hash: people.idNumberHash })
          .from(people)
          .where(and(eq(people.enterpriseId, ent.id), inArray(people.idNumberHash, hashes)));
        for (const f of found) existing.add(f.hash);
      }
      const fresh: (typeof people.$inferInsert)[] = [];
      for (const g of good) {
        if (existing.has(g.hash)) {
          report.unchanged++;
          continue;
        }
        existing.add(g.hash);
        fresh.push({
          enterpriseId: ent.id,
          areaCode: ent.areaCode,
          sector: ent.sector,
          parkId: ent.parkId,
          createdBy: actor.id,
          ...identityColumns(ctx, g.data, g.hash),
        });
      }
      // Multi-row inserts and one audit chain append per batch, each entry as createPerson records it.
      for (let i = 0; i < fresh.length; i += BATCH) {
        const inserted = await tx
          .insert(people)
          .values(fresh.slice(i, i + BATCH))
          .returning();
        await recordAuditMany(
          tx,
          ctx,
          inserted.map((row) => ({ action: 'person.create', entityType: 'person', entityId: row.id, after: auditPerson(row) })),
        );
        report.created += inserted.length;
      }
      await refreshSummary(tx, actor.enterpriseId!, today);
      if (input.dryRun) throw new DryRun();
    });
  } catch (e) {
    if (!(e instanceof DryRun)) throw e;
  }
  return report;
}
