// What a reading thread may do with the rows it reads besides handing them over, by name (a function cannot cross to
// the thread): each preparer turns a file's rows, chunk by chunk in file order, into what its import writes, so that
// work runs beside the request thread too. The same preparer runs on the request thread when the file is read there.
import { preparePeopleRows } from '../people/people-import.rows';
import { readSpreadsheet, type SheetRow } from './spreadsheet-reader';

export const sheetPreparers = { people: preparePeopleRows } satisfies Record<string, (options: never) => (rows: SheetRow[]) => unknown[]>;

export type SheetPreparerName = keyof typeof sheetPreparers;
export type PreparerOptions<N extends SheetPreparerName> = Parameters<(typeof sheetPreparers)[N]>[0];
export type PreparedRow<N extends SheetPreparerName> = ReturnType<ReturnType<(typeof sheetPreparers)[N]>>[number];
export interface SheetPreparing {
  name: SheetPreparerName;
  options: unknown;
}

export function startPreparer(p: SheetPreparing): (rows: SheetRow[]) => unknown[] {
  return (sheetPreparers[p.name] as (options: unknown) => (rows: SheetRow[]) => unknown[])(p.options);
}

/** A file's rows in chunks of `chunkRows`, each through the preparer if one is named: the reading thread's loop, and
 * the request thread's when it reads the file itself. */
export async function* readChunksHere(
  buffer: Buffer,
  filename: string,
  chunkRows: number,
  prepare?: SheetPreparing,
): AsyncGenerator<unknown[]> {
  const prepared = prepare ? startPreparer(prepare) : (rows: SheetRow[]) => rows;
  let rows: SheetRow[] = [];
  for await (const row of readSpreadsheet(buffer, filename)) {
    rows.push(row);
    if (rows.length === chunkRows) {
      yield prepared(rows);
      rows = [];
    }
  }
  if (rows.length) yield prepared(rows);
}
