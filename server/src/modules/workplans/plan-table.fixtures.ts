// Test files of a plan's task table, written as the programs write them. wordTable: WordprocessingML as Word saves a
// table with merged cells — the first cell of a merged 工作项目 carries <w:vMerge w:val="restart"/>, each cell below
// it a bare <w:vMerge/> and an empty paragraph; a title row spanning the five columns (<w:gridSpan w:val="5"/>); the
// header row marked to repeat (<w:tblHeader/>) and, as in the printed seed, written again after each page break.
// excelTable: an ExcelJS sheet with the 工作项目 cells merged down and the title merged across.
import ExcelJS from 'exceljs';
import { strToU8, zipSync } from 'fflate';
import { TABLE_COLUMNS } from './plan-table.rules';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const para = (text: string) =>
  text ? `<w:p><w:r><w:rPr><w:rFonts w:hint="eastAsia"/></w:rPr><w:t xml:space="preserve">${esc(text)}</w:t></w:r></w:p>` : '<w:p/>';
const tc = (text: string, extra = '') => `<w:tc><w:tcPr><w:tcW w:w="1800" w:type="dxa"/>${extra}</w:tcPr>${para(text)}</w:tc>`;
const HEADER = Object.values(TABLE_COLUMNS);

/** A table row: [工作项目 (empty = continues the merged cell above), 工作内容, 责任单位, 进展情况?, 存在的困难或问题?]. */
export type FixtureRow = [string, string, string] | [string, string, string, string, string];

/** rows: [工作项目 (empty = continues the merged cell above), 工作内容, 责任单位, and optionally 进展情况, 存在的困难或问题]. */
export function wordTable(rows: FixtureRow[], opts: { title?: string; pageBreaksBefore?: string[] } = {}): Buffer {
  const header = (repeat: boolean) => `<w:tr><w:trPr>${repeat ? '<w:tblHeader/>' : ''}</w:trPr>${HEADER.map((h) => tc(h)).join('')}</w:tr>`;
  const body: string[] = [];
  if (opts.title) body.push(`<w:tr>${tc(opts.title, '<w:gridSpan w:val="5"/>')}</w:tr>`);
  body.push(header(true));
  rows.forEach(([item, content, resp, progress = '', problems = ''], i) => {
    if (item && opts.pageBreaksBefore?.some((p) => item.startsWith(p))) body.push(header(false));
    const continues = !item;
    const mergesDown = !continues && rows[i + 1] !== undefined && !rows[i + 1]![0];
    const first = continues ? tc('', '<w:vMerge/>') : tc(item, mergesDown ? '<w:vMerge w:val="restart"/>' : '');
    body.push(`<w:tr><w:trPr><w:cantSplit/></w:trPr>${first}${tc(content)}${tc(resp)}${tc(progress)}${tc(problems)}</w:tr>`);
  });
  const document = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><w:body>
${opts.title ? para('附件：') : ''}<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/><w:tblBorders><w:top w:val="single" w:sz="4"/></w:tblBorders></w:tblPr><w:tblGrid>${'<w:gridCol w:w="1800"/>'.repeat(5)}</w:tblGrid>
${body.join('\n')}
</w:tbl><w:sectPr/></w:body></w:document>`;
  return Buffer.from(
    zipSync({
      '[Content_Types].xml': strToU8(
        '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
      ),
      '_rels/.rels': strToU8(
        '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
      ),
      'word/document.xml': strToU8(document),
    }),
  );
}

export async function excelTable(rows: FixtureRow[], title?: string): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('工作分工表');
  if (title) {
    ws.addRow([title]);
    ws.mergeCells(1, 1, 1, 5);
  }
  ws.addRow(HEADER);
  let start = 0;
  rows.forEach(([item, content, resp, progress = '', problems = ''], i) => {
    const r = ws.addRow([item, content, resp, progress, problems]);
    if (item) start = r.number;
    const next = rows[i + 1];
    if (!item && (!next || next[0])) ws.mergeCells(start, 1, r.number, 1);
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}
