// The loop every deadline reminder shares. For each rule, today's window of due days (null on a rest day: the
// reminder comes on the next working day, whose window covers the days in between); the records due in that window
// read in id-ordered pages, so a province's due day is read in slices through the deadline index; one notice per
// record and rule, idempotent by the notice's dedupe key (a job run twice sends nothing new).
export const DUE_PAGE = 500;

export interface DueWindow {
  after: string;
  upTo: string;
}

/** Sorts before every uuid: the first page starts after it. */
const FIRST_ID = '00000000-0000-0000-0000-000000000000';

export async function remindDue<Rule, Row>(
  rules: readonly Rule[],
  windowOf: (rule: Rule) => DueWindow | null,
  /** At most DUE_PAGE rows due in the window with an id after `afterId`, ordered by that id. */
  page: (rule: Rule, window: DueWindow, afterId: string) => Promise<Row[]>,
  idOf: (row: Row) => string,
  /** Sends the rule's notice for one record; returns how many notices it created. */
  send: (rule: Rule, row: Row) => Promise<number>,
): Promise<{ notices: number }> {
  let notices = 0;
  for (const rule of rules) {
    const window = windowOf(rule);
    if (!window) continue;
    for (let afterId = FIRST_ID; ;) {
      const rows = await page(rule, window, afterId);
      for (const row of rows) notices += await send(rule, row);
      if (rows.length < DUE_PAGE) break;
      afterId = idOf(rows[rows.length - 1]!);
    }
  }
  return { notices };
}
