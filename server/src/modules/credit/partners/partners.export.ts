// The partner export as .xlsx: sheet 名单 (the list in force, one column per measure kind marked 限制) and sheet 变更
// (the changes since the day asked). Text a spreadsheet could run as a formula is written as text.
import ExcelJS from 'exceljs';
import { listingStatusLabels, punishmentMeasureLabels, type PartnerFeedPayload } from '@anjian/contracts';

export const LIST_COLUMNS = [
  '失信主体',
  '统一社会信用代码',
  '主要负责人',
  '决定书文号',
  '列入日期',
  '公开日期',
  '管理期起',
  '管理期至',
] as const;
export const CHANGE_COLUMNS = ['日期', '失信主体', '统一社会信用代码', '变更'] as const;
export const changeLabels: Record<PartnerFeedPayload['changes'][number]['change'], string> = {
  listed: '列入（公开）',
  removed_on_expiry: '期满移出',
  removed_early: '提前移出（信用修复）',
  relisted: '撤销移出，恢复列入',
  expired: '管理期届满',
};

const safe = (v: string | null) => (v === null ? '' : /^[=+\-@\t\r]/.test(v) ? `'${v}` : v);

export async function partnerWorkbook(p: PartnerFeedPayload, kinds: (keyof typeof punishmentMeasureLabels)[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('名单');
  ws.addRow([`${p.issuer} 安全生产严重失信主体名单（${listingStatusLabels.published.zh}，截至${p.asOf}）`]);
  ws.addRow([...LIST_COLUMNS, ...kinds.map((k) => punishmentMeasureLabels[k].zh)]).font = { bold: true };
  for (const l of p.listings)
    ws.addRow([
      safe(l.partyName),
      safe(l.creditCode),
      safe(l.principalName),
      safe(l.documentNumber),
      l.decidedOn ?? '',
      l.publishedOn,
      l.periodStart,
      l.periodEnd,
      ...kinds.map((k) => (l.measures.includes(k) ? '限制' : '')),
    ]);
  ws.columns.forEach((c) => (c.width = 18));
  const ch = wb.addWorksheet('变更');
  ch.addRow([p.since ? `${p.since}以来的变更` : '全部变更']);
  ch.addRow([...CHANGE_COLUMNS]).font = { bold: true };
  for (const c of p.changes) ch.addRow([c.on, safe(c.partyName), safe(c.creditCode), changeLabels[c.change]]);
  ch.columns.forEach((c) => (c.width = 22));
  return Buffer.from(await wb.xlsx.writeBuffer());
}
