// POST /api/people/import: an enterprise adds its key staff from an .xlsx/.csv (the enterprise import's reader; header
// row with 姓名, 身份证号, 手机, 岗位, 岗位名称, 上岗日期, 离岗日期). Each row is checked by the same schema and rules as the
// form and reported with its spreadsheet row number; a bad row never blocks the good ones. A person already on the
// list (same identity number) is left unchanged, so importing the same file twice adds nothing. All rows go in one
// transaction, in batches of 1,000: each batch is read, checked and sealed here while the database writes the batch before
// it — the people (skipping those on the list) and their audit entries (one a person, as the form records it) as one
// statement —, with one summary rewrite at the end; a dry run computes the same report and rolls back.
import {
  createPersonBody,
  personPostLabels,
  personPosts,
  type CreatePersonBody,
  type ImportReport,
  type Lang,
  type PersonPost,
} from '@anjian/contracts';
import { randomUUID } from 'node:crypto';
import { sql, type SQL } from 'drizzle-orm';
import { auditInsert } from '../../../platform/audit';
import { rowsOf, type Db } from '../../../platform/db';
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
/** Rows per statement (people and their audit entries). */
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

type PersonInsert = ReturnType<typeof identityColumns> & { id: string };
type Owner = { enterpriseId: string; areaCode: string; sector: string; parkId: string | null; createdBy: string };
type Row = { number: number; cells: Cell[] };

/** The header row's columns by key; a missing required column refuses the file. */
function headerColumns(cells: Cell[]): (string | undefined)[] {
  const columns = cells.map((c) =>
    typeof c === 'string'
      ? COLUMNS.find((x) => x.headers.includes(c.trim().toLowerCase()) || x.headers.includes(c.trim()))?.key
      : undefined,
  );
  const missing = COLUMNS.filter((c) => c.required && !columns.includes(c.key));
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
  return columns;
}

/** One row checked by the form's schema, then its rules: the person, or the row's errors. */
function checkRow(r: Row, columns: (string | undefined)[], lang: Lang): CreatePersonBody | { field: string; message: string }[] {
  const values: Record<string, string> = {};
  const errors: { field: string; message: string }[] = [];
  columns.forEach((key, i) => {
    if (!key) return;
    const { value, error } = cellText(key, r.cells[i] ?? null);
    if (error) errors.push({ field: key, message: error[lang] });
    else if (value !== undefined && value !== '') values[key] = value;
  });
  const checked = createPersonBody.safeParse(values);
  if (!checked.success) {
    for (const d of zodDetails(checked.error.issues, lang)) if (!errors.some((e) => e.field === d.field)) errors.push(d);
  }
  if (errors.length || !checked.success) return errors;
  try {
    checkPersonInput(checked.data);
  } catch (e) {
    if (!(e instanceof AppError) || e.code !== 'VALIDATION') throw e;
    return e.details.map((d) => ({ field: d.field, message: d[lang] }));
  }
  return checked.data;
}

/**
 * One statement for a batch of one enterprise's people: inserts them, skipping those already on its list (the unique
 * (enterprise, hash) index, so a concurrent import of the same person cannot add it twice either), and audits those
 * inserted, each entry as createPerson records it, in file order. Its rows are the ids audited, one a person inserted.
 */
function peopleBatch(ctx: PeopleContext, owner: Owner, batch: PersonInsert[]): SQL {
  const rows = batch.map((p) => ({
    id: p.id,
    name: p.name,
    sealed: p.idNumberSealed,
    key_id: p.idNumberKeyId,
    masked: p.idNumberMasked,
    hash: p.idNumberHash,
    phone: p.phone,
    post: p.post,
    title: p.postTitle,
    from_: p.employedFrom,
    to_: p.employedTo,
  }));
  const audit = auditInsert(
    ctx,
    batch.map((p) => ({ action: 'person.create', entityType: 'person', entityId: p.id, after: auditPerson({ ...p, version: 1 }) })),
    { where: sql`x.entity_id in (select id::text from inserted)` },
  );
  return sql`
    with inserted as (
      insert into people (id, enterprise_id, area_code, sector, park_id, created_by, name, id_number_sealed, id_number_key_id,
                          id_number_masked, id_number_hash, phone, post, post_title, employed_from, employed_to)
      select x.id, ${owner.enterpriseId}::uuid, ${owner.areaCode}, ${owner.sector}, ${owner.parkId}::uuid, ${owner.createdBy}::uuid,
             x.name, x.sealed, x.key_id, x.masked, x.hash, x.phone, x.post, x.title, x.from_, x.to_
        from json_to_recordset(${JSON.stringify(rows)}::json)
          as x(id uuid, name text, sealed text, key_id text, masked text, hash text, phone text, post text, title text, from_ date,
               to_ date)
      on conflict (enterprise_id, id_number_hash) do nothing
      returning id)
    ${audit}`;
}

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
  try {
    await db.transaction(async (tx) => {
      const ent = await findEnterpriseInScope(tx, actor, actor.enterpriseId!);
      if (!ent) throw notFound();
      const owner = { enterpriseId: ent.id, areaCode: ent.areaCode, sector: ent.sector, parkId: ent.parkId, createdBy: actor.id };
      let columns: (string | undefined)[] | null = null;
      // A person earlier in the file is skipped here, one already on the list by the insert itself.
      const seen = new Set<string>();
      // A batch's rows checked in file order and sealed, then its statement.
      const statementOf = (chunk: Row[]) => {
        const fresh: PersonInsert[] = [];
        for (const r of chunk) {
          report.total++;
          const person = checkRow(r, columns!, input.lang);
          if (Array.isArray(person)) {
            reject(r.number, person);
            continue;
          }
          const hash = hashIdNumber(ctx.vaultKey, person.idNumber);
          if (seen.has(hash)) {
            report.unchanged++;
            continue;
          }
          seen.add(hash);
          fresh.push({ id: randomUUID(), ...identityColumns(ctx, person, hash) });
        }
        return { statement: peopleBatch(ctx, owner, fresh), size: fresh.length };
      };
      // The file is read, checked and sealed batch by batch while the database writes the batch before: the two cores
      // work at once. One statement in flight at a time (one connection).
      let writing: Promise<void> = Promise.resolve();
      const send = async (chunk: Row[]) => {
        const { statement, size } = statementOf(chunk);
        await writing;
        writing = tx.execute(statement).then((recorded) => {
          const created = rowsOf(recorded).length;
          report.created += created;
          report.unchanged += size - created;
        });
      };
      try {
        let chunk: Row[] = [];
        let rowsRead = 0;
        for await (const r of readSpreadsheet(input.buffer, input.filename)) {
          if (!columns) {
            columns = headerColumns(r.cells);
            continue;
          }
          if (r.cells.every((c) => c === null || c === '')) continue;
          if (++rowsRead > MAX_ROWS)
            throw new AppError('VALIDATION', [
              { field: 'file', zh: `一次最多导入 ${MAX_ROWS} 行`, en: `At most ${MAX_ROWS} rows per file` },
            ]);
          chunk.push(r);
          if (chunk.length === BATCH) {
            await send(chunk);
            chunk = [];
          }
        }
        if (!columns) throw new AppError('VALIDATION', [{ field: 'file', zh: '文件是空的', en: 'The file is empty' }]);
        if (chunk.length) await send(chunk);
      } catch (e) {
        await writing.catch(() => undefined); // the statement in flight ends before the rollback
        throw e;
      }
      await writing;
      await refreshSummary(tx, actor.enterpriseId!, today);
      if (input.dryRun) throw new DryRun();
    });
  } catch (e) {
    if (!(e instanceof DryRun)) throw e;
  }
  return report;
}
