// How a work-plan task is named wherever it stands alone (a to-do, a reminder, its own page): as its plan's table
// numbers it. Plans such as Longgang's number their 工作事项 themselves ("7.实施联合执法") and split one into rows
// "（1）…", "（2）…"; prefixing the platform's row number gave "6. 7.实施联合执法", a number found nowhere in the plan,
// and two rows of one item read alike. An item without a number of its own keeps the row number.

/** "7." / "七、" / "12．" at the start of an item: the plan's own number. */
const OWN_NUMBER = /^\s*(?:\d{1,3}|[一二三四五六七八九十百]{1,4})\s*[.．、]/;
/** "（1）" / "(2)" at the start of a row's content: the row's place within its item. */
const ROW_MARKER = /^\s*[（(]\s*(\d{1,3}|[一二三四五六七八九十]{1,3})\s*[）)]/;

export interface TitledTask {
  seq: number;
  item: string;
  /** The row's content; only its opening marker is read, so a prefix of it will do. */
  content?: string | null;
}

/** "7.实施联合执法（1）" for item "7.实施联合执法" and content "（1）联合…"; "3. 实施精准执法" for an unnumbered item. */
export function workTaskTitle(t: TitledTask): string {
  const item = t.item.trim();
  const head = OWN_NUMBER.test(item) ? item : `${t.seq}. ${item}`;
  const row = t.content ? ROW_MARKER.exec(t.content) : null;
  return row ? `${head}（${row[1]}）` : head;
}

/** How much of the content workTaskTitle reads: a query may select only this prefix. */
export const WORK_TASK_TITLE_CONTENT_PREFIX = 12;
