// POST /api/people/import: an enterprise adds its key staff from an .xlsx/.csv (the enterprise import's reader; header
// row with 姓名, 身份证号, 手机, 岗位, 岗位名称, 上岗日期, 离岗日期). Each row is checked by the same schema and rules as the
// form and reported with its spreadsheet row number; a bad row never blocks the good ones. A person already on the
// list (same identity number) is left unchanged, so importing the same file twice adds nothing. All rows go in one
// transaction, in batches of 1,000: each batch is read, checked and sealed (people-import.rows.ts; in the spreadsheet
// reading thread for a large file) while the database writes the batch before it — the people (skipping those on the
// list) and their audit entries (one a person, as the form records it) as one statement —, and the people inserted are
// added to the enterprise's summary at the end; a dry run computes the same report and rolls back.
import type { ImportReport, Lang } from '@anjian/contracts';
import { randomUUID } from 'node:crypto';
import { sql, type SQL } from 'drizzle-orm';
import { auditInsertSelect } from '../../../platform/audit';
import { rowsOf, type Db } from '../../../platform/db';
import { AppError, notFound } from '../../../platform/errors';
import { cstDate } from '../../../platform/time';
import { readPreparedRows } from '../../enterprises/spreadsheet-thread';
import { findEnterpriseInScope } from '../../enterprises/enterprises.queries';
import type { PersonColumns, PreparedPersonRow } from '../people-import.rows';
import { addToSummary } from '../people.queries';
import { addSummaries, noSummary, summaryPart } from '../people.rules';
import type { PeopleContext } from './save-person';

const MAX_ERRORS = 1000;
/** Rows per statement (people and their audit entries). */
const BATCH = 1000;

class DryRun extends Error {}

type PersonInsert = PersonColumns & { id: string };
type Owner = { enterpriseId: string; areaCode: string; sector: string; parkId: string | null; createdBy: string };

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
  // The entries are built from the same rows in the statement, as auditPerson builds the form's (version 1).
  const audit = auditInsertSelect(ctx, {
    action: 'person.create',
    entityType: 'person',
    entityId: sql`x.id::text`,
    after: sql`jsonb_build_object('name', x.name, 'idNumberMasked', x.masked, 'post', x.post, 'postTitle', x.title,
                                  'employedFrom', x.from_, 'employedTo', x.to_, 'version', 1)`,
    rows: sql`src x`,
    where: sql`x.id in (select id from inserted)`,
  });
  return sql`
    with src as (
      select * from json_to_recordset(${JSON.stringify(rows)}::json)
          as x(id uuid, name text, sealed text, key_id text, masked text, hash text, phone text, post text, title text, from_ date,
               to_ date)),
    inserted as (
      insert into people (id, enterprise_id, area_code, sector, park_id, created_by, name, id_number_sealed, id_number_key_id,
                          id_number_masked, id_number_hash, phone, post, post_title, employed_from, employed_to)
      select x.id, ${owner.enterpriseId}::uuid, ${owner.areaCode}, ${owner.sector}, ${owner.parkId}::uuid, ${owner.createdBy}::uuid,
             x.name, x.sealed, x.key_id, x.masked, x.hash, x.phone, x.post, x.title, x.from_, x.to_
        from src x
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
      let sawHeader = false;
      // A person earlier in the file is skipped here, one already on the list by the insert itself.
      const seen = new Set<string>();
      // A batch's rows, read, checked and sealed in file order (in the reading thread for a large file), then its statement.
      const statementOf = (chunk: PreparedPersonRow[]) => {
        const fresh: PersonInsert[] = [];
        for (const r of chunk) {
          if ('header' in r) {
            sawHeader = true;
            continue;
          }
          report.total++;
          if ('errors' in r) {
            reject(r.number, r.errors);
            continue;
          }
          if (seen.has(r.person.idNumberHash)) {
            report.unchanged++;
            continue;
          }
          seen.add(r.person.idNumberHash);
          fresh.push({ id: randomUUID(), ...r.person });
        }
        return { statement: peopleBatch(ctx, owner, fresh), batch: fresh };
      };
      // The database writes one batch while the next is prepared. One statement in flight at a time (one connection).
      let writing: Promise<void> = Promise.resolve();
      // The inserted people's part of the enterprise's summary: new people, so no certificates yet.
      let gained = noSummary;
      const send = async (chunk: PreparedPersonRow[]) => {
        const { statement, batch } = statementOf(chunk);
        await writing;
        writing = tx.execute(statement).then((recorded) => {
          const inserted = new Set(rowsOf<{ entity_id: string }>(recorded).map((r) => r.entity_id));
          for (const p of batch)
            if (inserted.has(p.id))
              gained = addSummaries(
                gained,
                summaryPart(p, today, () => []),
              );
          report.created += inserted.size;
          report.unchanged += batch.length - inserted.size;
        });
      };
      try {
        const prepare = { name: 'people' as const, options: { vaultKey: ctx.vaultKey, lang: input.lang }, chunkRows: BATCH };
        for await (const chunk of readPreparedRows(input.buffer, input.filename, prepare)) await send(chunk);
        if (!sawHeader) throw new AppError('VALIDATION', [{ field: 'file', zh: '文件是空的', en: 'The file is empty' }]);
      } catch (e) {
        await writing.catch(() => undefined); // the statement in flight ends before the rollback
        throw e;
      }
      await writing;
      await addToSummary(tx, actor.enterpriseId!, today, gained);
      if (input.dryRun) throw new DryRun();
    });
  } catch (e) {
    if (!(e instanceof DryRun)) throw e;
  }
  return report;
}
