// 应急处置卡 (disposal cards, Liangping's 三化一卡): one printable card per post of a plan, each on its own page —
// the post, its risks, the disposal steps in order, and whom to report to. Posted at the post, so printed in Chinese
// (the risk card's convention, modules/risks/commands/render-risk-card.ts).
import { Document, Packer, PageBreak, Paragraph, Table, TableCell, TableRow, TextRun, WidthType, AlignmentType } from 'docx';
import type { Actor } from '../../platform/actor';
import type { Db } from '../../platform/db';
import { fieldError, notFound } from '../../platform/errors';
import { enterpriseNames, findPlan, findPlanParts } from './plans.queries';

const EMERGENCY_NUMBERS = '火警 119　急救 120　报警 110';

function cell(text: string, o: { bold?: boolean; width?: number } = {}) {
  return new TableCell({
    width: o.width ? { size: o.width, type: WidthType.PERCENTAGE } : undefined,
    children: text.split('\n').map((line) => new Paragraph({ children: [new TextRun({ text: line, bold: o.bold, size: 22 })] })),
  });
}

export async function renderDisposalCards(db: Db, actor: Actor, planId: string) {
  const plan = await findPlan(db, actor, planId);
  if (!plan) throw notFound();
  const [{ cards }, names] = await Promise.all([findPlanParts(db, planId), enterpriseNames(db, [plan.enterpriseId])]);
  if (cards.length === 0) throw fieldError('id', '该预案尚未编制应急处置卡', 'The plan has no disposal cards yet');
  const owner = plan.enterpriseId ? (names.get(plan.enterpriseId) ?? '') : '';
  const children = cards.flatMap((c, i) => [
    ...(i > 0 ? [new Paragraph({ children: [new PageBreak()] })] : []),
    new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: '岗位应急处置卡', bold: true, size: 36 })] }),
    new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: 'Emergency disposal card', size: 20 })] }),
    new Table({
      width: { size: 100, type: WidthType.PERCENTAGE },
      rows: [
        new TableRow({ children: [cell('岗位', { bold: true, width: 20 }), cell(c.post, { width: 80 })] }),
        new TableRow({ children: [cell('单位', { bold: true }), cell(owner)] }),
        new TableRow({ children: [cell('所属预案', { bold: true }), cell(`${plan.title}（第${plan.versionNo}版）`)] }),
        new TableRow({ children: [cell('主要风险', { bold: true }), cell(c.risks)] }),
        new TableRow({ children: [cell('处置步骤', { bold: true }), cell(c.steps)] }),
        new TableRow({ children: [cell('报告对象', { bold: true }), cell(c.reportTo ?? '')] }),
        new TableRow({ children: [cell('应急电话', { bold: true }), cell(EMERGENCY_NUMBERS)] }),
      ],
    }),
  ]);
  const doc = new Document({ sections: [{ children }] });
  return { filename: `${plan.title}-应急处置卡.docx`, buffer: await Packer.toBuffer(doc) };
}
