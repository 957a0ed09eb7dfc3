// How a plan's task table names its 责任单位, as Longgang 000's 《工作分工及进展情况表》 writes it (seed lines 139–335):
// "区编办牵头，区法制办、安监局、各街道办配合落实", "区编办、区法制办牵头，安监局、各街道办配合落实",
// "此项工作由区安监局牵头，区经济促进局、各街道办配合落实", "区安监局牵头组织，…配合落实", "各街道办组织落实",
// "此项工作由区安监局牵头落实". The lead unit is the first unit named before 牵头 (or before 组织落实/落实 when no
// unit leads); every other named unit co-operates. 各街道(办)/各街道安监办 and 各(相关)部门 name every unit of a kind.

export type Collective = 'streets' | 'departments';
export type UnitRef = { name: string } | { collective: Collective; name: string };
export interface Responsibility {
  lead: UnitRef | null;
  co: UnitRef[];
}

const COLLECTIVES: [RegExp, Collective][] = [
  [/^各街道(办事处|办|安监办|安监科)?$/, 'streets'],
  [/^各(相关|有关)?(部门|单位)$/, 'departments'],
];

export function unitRef(raw: string): UnitRef | null {
  const name = raw
    .replace(/^(此项工作)?由/, '')
    .replace(/[。；;\s]+$/g, '')
    .trim();
  if (!name) return null;
  for (const [re, collective] of COLLECTIVES) if (re.test(name)) return { collective, name };
  return { name };
}

const names = (text: string) =>
  text
    .split(/[、，,；;]/)
    .map(unitRef)
    .filter((u): u is UnitRef => u !== null);

export function parseResponsibility(text: string): Responsibility {
  const t = text.replace(/\s+/g, '').replace(/^(此项工作)?由/, '');
  const at = t.indexOf('牵头');
  if (at >= 0) {
    const leads = names(t.slice(0, at));
    const rest = t
      .slice(at + 2)
      .replace(/^(组织)?(落实)?[，,；;]?/, '')
      .replace(/(配合|协助|参与)(落实|实施)?[。]?$/, '');
    return { lead: leads[0] ?? null, co: [...leads.slice(1), ...names(rest)] };
  }
  const own = t.replace(/(组织|负责)?(落实|实施)[。]?$/, '');
  const units = names(own);
  return { lead: units[0] ?? null, co: units.slice(1) };
}

/** The header cells of the table (000 line 133–137); 序号 may precede them in an exported sheet. */
export const TABLE_COLUMNS = {
  item: '工作项目',
  content: '工作内容',
  responsibility: '责任单位',
  progress: '进展情况',
  problems: '存在的困难或问题',
} as const;
export type TableColumn = keyof typeof TABLE_COLUMNS;

/** Limits of one import: a plan's table is tens of rows; 2,000 content rows or 5 MB is not a plan. */
export const IMPORT_LIMITS = { bytes: 5 * 1024 * 1024, rows: 2000, tasks: 5000 } as const;
