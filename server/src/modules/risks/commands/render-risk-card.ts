// The risk notification card (岗位风险告知卡) of one unit as a Word document: the unit's open risks with their
// level printed on the level's colour, possible consequences, control measures, emergency measures and the
// phones to call. Posted at the post, so it is printed in Chinese; English appears only in the title line.
import { AlignmentType, Document, Packer, Paragraph, ShadingType, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import type { Actor } from '../../../platform/actor';
import { phoneFor, type Subject } from '../../../platform/masking';
import type { Db } from '../../../platform/db';
import { notFound } from '../../../platform/errors';
import { cstDate } from '../../../platform/time';
import { isRiskLevel, riskLevelInfo, type RiskColour } from '../../../reference/risk/levels';
import { accidentTypeLabel } from '../risks.assessment';
import { findEventsOfUnits, findMeasuresOfEvents, findUnit } from '../risks.queries';
import { findEnterpriseInScope } from '../../enterprises/enterprises.queries';

// Print shades for the four colours. The web theme owns screen shades; paper needs strong, photocopy-safe ones
// (the customary 红/橙/黄/蓝 of posted 四色 cards), and black text stays readable on all but red and blue.
const printShade: Record<RiskColour, { fill: string; text: string }> = {
  red: { fill: 'FF0000', text: 'FFFFFF' },
  orange: { fill: 'FF9900', text: '000000' },
  yellow: { fill: 'FFFF00', text: '000000' },
  blue: { fill: '0070C0', text: 'FFFFFF' },
};

const EMERGENCY_NUMBERS = '火警 119　急救 120　报警 110';

function cell(text: string, o: { bold?: boolean; fill?: string; colour?: string; width?: number } = {}): TableCell {
  const lines = text.split('\n');
  return new TableCell({
    width: o.width ? { size: o.width, type: WidthType.PERCENTAGE } : undefined,
    shading: o.fill ? { type: ShadingType.CLEAR, color: 'auto', fill: o.fill } : undefined,
    children: lines.map((line) => new Paragraph({ children: [new TextRun({ text: line, bold: o.bold, color: o.colour, size: 21 })] })),
  });
}

export interface RiskCard {
  filename: string;
  buffer: Buffer;
}

export async function renderRiskCard(db: Db, actor: Actor, unitId: string): Promise<RiskCard> {
  const unit = await findUnit(db, actor, unitId);
  if (!unit) throw notFound();
  const enterprise = await findEnterpriseInScope(db, actor, unit.enterpriseId);
  if (!enterprise) throw notFound();
  const contact: Subject = { kind: 'enterpriseContact', enterpriseId: enterprise.id };
  const events = (await findEventsOfUnits(db, [unit.id])).filter((e) => e.status === 'open');
  const measures = await findMeasuresOfEvents(
    db,
    events.map((e) => e.id),
  );

  const header = new TableRow({
    tableHeader: true,
    children: ['风险事件', '风险等级', '可能导致的后果', '管控措施', '应急处置措施'].map((h) => cell(h, { bold: true, fill: 'D9D9D9' })),
  });
  const rows = events.map((e) => {
    const level = isRiskLevel(e.level) ? e.level : null;
    const shade = level ? printShade[riskLevelInfo[level].colour] : null;
    const mine = measures.filter((m) => m.eventId === e.id);
    const control = mine.filter((m) => m.type !== 'emergency');
    const emergency = mine.filter((m) => m.type === 'emergency');
    const type = accidentTypeLabel(e.accidentTypeScheme, e.accidentTypeCode);
    const consequences = [e.consequences, type ? `事故类别：${type.zh}` : null].filter(Boolean).join('\n');
    const numbered = (list: typeof mine) =>
      list.length
        ? list.map((m, i) => `${i + 1}. ${m.description}${m.responsiblePerson ? `（${m.responsiblePerson}）` : ''}`).join('\n')
        : '—';
    return new TableRow({
      children: [
        cell(e.name, { width: 20 }),
        level
          ? cell(`${riskLevelInfo[level].label.zh}（${riskLevelInfo[level].colourLabel.zh}）`, {
              bold: true,
              fill: shade!.fill,
              colour: shade!.text,
              width: 12,
            })
          : cell('未评价', { width: 12 }),
        cell(consequences || '—', { width: 20 }),
        cell(numbered(control), { width: 28 }),
        cell(numbered(emergency), { width: 20 }),
      ],
    });
  });

  const phones = [
    // The card follows the personal-data policy too: the enterprise prints the full numbers, a street officer's copy is masked.
    unit.emergencyPhone ? `岗位应急电话：${phoneFor(actor, contact, unit.emergencyPhone)}` : null,
    enterprise.safetyManagerPhone ? `企业安全管理人员：${phoneFor(actor, contact, enterprise.safetyManagerPhone)}` : null,
    enterprise.principalPhone ? `企业主要负责人：${phoneFor(actor, contact, enterprise.principalPhone)}` : null,
    EMERGENCY_NUMBERS,
  ].filter((p): p is string => !!p);

  const doc = new Document({
    creator: 'Anjian 安监',
    title: `${unit.name} 风险告知卡`,
    sections: [
      {
        children: [
          new Paragraph({
            alignment: AlignmentType.CENTER,
            children: [new TextRun({ text: '岗位安全风险告知卡', bold: true, size: 36 })],
          }),
          new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: 'Risk notification card', size: 20 })] }),
          new Paragraph({ children: [new TextRun({ text: `企业名称：${enterprise.name}`, size: 22 })] }),
          new Paragraph({ children: [new TextRun({ text: `岗位/风险点：${unit.name}`, bold: true, size: 22 })] }),
          ...(unit.location ? [new Paragraph({ children: [new TextRun({ text: `位置：${unit.location}`, size: 22 })] })] : []),
          new Table({
            width: { size: 100, type: WidthType.PERCENTAGE },
            rows: rows.length
              ? [header, ...rows]
              : [header, new TableRow({ children: [cell('暂无风险事件'), cell(''), cell(''), cell(''), cell('')] })],
          }),
          new Paragraph({ children: [new TextRun({ text: '应急电话', bold: true, size: 24 })] }),
          ...phones.map((p) => new Paragraph({ children: [new TextRun({ text: p, size: 22 })] })),
          new Paragraph({ children: [new TextRun({ text: `生成日期：${cstDate()}`, size: 18, color: '808080' })] }),
        ],
      },
    ],
  });
  const buffer = await Packer.toBuffer(doc);
  return { filename: `${unit.name}-风险告知卡.docx`, buffer };
}
