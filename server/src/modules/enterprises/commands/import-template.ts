// The import template (.xlsx): the data sheet with Chinese headers and dropdowns for coded fields, an
// instructions sheet, and hidden code lists the dropdowns refer to (areas and parks are the caller's own).
import ExcelJS from 'exceljs';
import type { Db } from '../../../platform/db';
import type { Actor } from '../../../platform/actor';
import { findScopeAreas, findScopeParks } from '../enterprises.queries';
import { headerText, SHEET_COLUMNS, type SheetColumn } from '../enterprises.sheet';

/** Rows of the data sheet that carry dropdowns (the import itself takes any number of rows). */
const VALIDATED_ROWS = 5000;
const LEVEL_NAMES: Record<string, string> = { street: '街道', community: '社区', grid: '网格' };

const colLetter = (n: number) => {
  let s = '';
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
};

export async function buildImportTemplate(db: Db, actor: Actor): Promise<Buffer> {
  const [areas, parks] = await Promise.all([findScopeAreas(db, actor), findScopeParks(db, actor)]);
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Anjian 安监';
  const data = wb.addWorksheet('企业名录', { views: [{ state: 'frozen', ySplit: 1 }] });
  const guide = wb.addWorksheet('填写说明');
  const codes = wb.addWorksheet('代码表', { state: 'hidden' });
  const areaSheet = wb.addWorksheet('区划代码');

  // Hidden code lists, one column per dropdown.
  const lists = new Map<SheetColumn, string>();
  let listCol = 0;
  const addList = (c: SheetColumn, values: string[]) => {
    if (values.length === 0) return;
    const letter = colLetter(++listCol);
    codes.getCell(`${letter}1`).value = c.header;
    values.forEach((v, i) => (codes.getCell(`${letter}${i + 2}`).value = v));
    lists.set(c, `'代码表'!$${letter}$2:$${letter}$${values.length + 1}`);
  };
  for (const c of SHEET_COLUMNS) {
    if (c.options) addList(c, c.options);
    else if (c.dynamicOptions === 'areas')
      addList(
        c,
        areas.map((a) => `${a.code} ${a.name}`),
      );
    else if (c.dynamicOptions === 'parks')
      addList(
        c,
        parks.map((p) => p.name),
      );
  }

  const importable = SHEET_COLUMNS.filter((c) => c.parse);
  data.columns = importable.map((c) => ({ key: c.key, width: c.width, style: { numFmt: '@' } }));
  const header = data.addRow(importable.map(headerText));
  header.font = { bold: true };
  header.eachCell((cell, i) => {
    const c = importable[i - 1]!;
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: c.required ? 'FFFCE4D6' : 'FFDDEBF7' } };
    if (c.note) cell.note = c.note;
  });
  // Range validations exist in ExcelJS 4 but not in its typings.
  const validations = (data as unknown as { dataValidations: { add(range: string, v: ExcelJS.DataValidation): void } }).dataValidations;
  importable.forEach((c, i) => {
    const formula = lists.get(c);
    if (!formula) return;
    const letter = colLetter(i + 1);
    validations.add(`${letter}2:${letter}${VALIDATED_ROWS + 1}`, {
      type: 'list',
      allowBlank: true,
      formulae: [formula],
      // Multi-value cells ("粉尘涉爆；有限空间") cannot pass a list check: offer the list, warn only.
      showErrorMessage: !c.multi,
      errorStyle: 'stop',
      errorTitle: '不是可选值',
      error: '请从下拉列表中选择',
    });
  });

  guide.columns = [
    { header: '列名', key: 'header', width: 22 },
    { header: '必填', key: 'required', width: 8 },
    { header: '填写要求', key: 'note', width: 60 },
    { header: '可选值', key: 'options', width: 60 },
  ];
  guide.getRow(1).font = { bold: true };
  for (const c of importable) {
    guide.addRow({ header: c.header, required: c.required ? '是' : '', note: c.note, options: c.options?.join('、') ?? '' });
  }
  guide.addRow([]);
  for (const line of [
    '1. 第一行是列名，请勿修改；从第二行起每行一家企业。列的顺序可以调整，不认识的列会被忽略。',
    '2. 按“统一社会信用代码”匹配：已登记的企业会被更新，未登记的会被新增。再次导入同一文件不会产生变化。',
    '3. 更新已有企业时，空白单元格表示“不修改”；要清空某项，请在系统中编辑。',
    '4. 信用代码、电话等请设为“文本”格式，以免 Excel 丢失位数或开头的 0。',
    '5. 多个值（曾用名、专项风险标签）用“；”分隔。日期写作 2024-05-06。',
    '6. 有错误的行不会导入，其余行照常导入；导入结果会列出每个错误所在的行和列。',
    '7. 支持 .xlsx 和 .csv（UTF-8 或 GBK 编码），文件不超过 20 MB。可先“试导入”检查而不保存。',
  ]) {
    guide.addRow([line]);
  }

  areaSheet.columns = [
    { header: '区划代码', key: 'code', width: 16, style: { numFmt: '@' } },
    { header: '名称', key: 'name', width: 24 },
    { header: '层级', key: 'level', width: 8 },
  ];
  areaSheet.getRow(1).font = { bold: true };
  for (const a of areas) areaSheet.addRow({ code: a.code, name: a.name, level: LEVEL_NAMES[a.level] ?? a.level });

  return Buffer.from(await wb.xlsx.writeBuffer());
}
