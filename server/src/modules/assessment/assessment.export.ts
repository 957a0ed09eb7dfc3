// The ranking and the calculation of a scheme as .xlsx: sheet 排名 (名次 / 单位 / 总分 / 一票否决 / 状态, the rule in
// the first row) and sheet 计分明细 (one row per unit and indicator: the value, how it was obtained, the target, the
// rule, the points; then the vetoes and the adjustment). Text a spreadsheet could run as a formula is written as text.
import ExcelJS from 'exceljs';
import { sheetStatusLabels, vetoLabels, type RankingView, type SheetView } from '@anjian/contracts';

export const RANKING_COLUMNS = ['名次', '单位', '总分', '一票否决', '状态'] as const;
export const DETAIL_COLUMNS = ['单位', '指标', '权重', '取值', '依据', '目标', '计分规则', '得分'] as const;

const safe = (v: string) => (/^[=+\-@\t\r]/.test(v) ? `'${v}` : v);

export async function rankingWorkbook(ranking: RankingView, sheets: SheetView[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('排名');
  ws.columns = [{ width: 8 }, { width: 30 }, { width: 10 }, { width: 12 }, { width: 12 }];
  ws.addRow([`${ranking.title}（${ranking.year}年）排名`]);
  ws.addRow([ranking.rule]);
  ws.addRow([...RANKING_COLUMNS]).font = { bold: true };
  for (const r of ranking.rows)
    ws.addRow([r.rank ?? '—', safe(r.orgName), r.total, r.vetoed ? '是' : '否', sheetStatusLabels[r.status].zh]);
  const detail = wb.addWorksheet('计分明细');
  detail.columns = [{ width: 24 }, { width: 30 }, { width: 8 }, { width: 10 }, { width: 40 }, { width: 20 }, { width: 36 }, { width: 8 }];
  detail.addRow([...DETAIL_COLUMNS]).font = { bold: true };
  for (const s of sheets) {
    for (const l of s.lines)
      detail.addRow([safe(s.orgName), safe(l.name), l.weight, l.value ?? '—', safe(l.basis), l.target, l.rule, l.points]);
    for (const v of s.vetoes)
      if (v.hit) detail.addRow([safe(s.orgName), `一票否决：${vetoLabels[v.kind].zh}`, '', '', safe(v.basis), '', '', '']);
    if (s.adjustment !== 0) detail.addRow([safe(s.orgName), '调整', '', '', safe(s.adjustReason ?? ''), '', '', s.adjustment]);
    detail.addRow([safe(s.orgName), '合计', '', '', '', '', '', s.total]);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
