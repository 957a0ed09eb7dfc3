// Renders a stored 执法文书 as .docx in the usual layout: issuing authority and title centred, the number on the
// right, the addressee, the body, a findings table where there are findings, signatures and the date. The text
// is the document's frozen fields, so a re-download is the same document. Printed in Chinese only.
// Layout 2 (documents issued since it exists, `layout: 2` in their fields) prints what the official templates carry:
// the party block from the registry (名称、统一社会信用代码、法定代表人、地址) or the person's identity, the officers
// with their 执法证号, dates in the text as 2026年12月3日 and the signing date as 二〇二六年十二月三日. Earlier
// documents keep the layout they were issued in.
import { AlignmentType, Document, ImageRun, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import type { DocumentKind } from '@anjian/contracts';
import { chineseNumeral } from '../../../reference/hazards/citation';
import { chineseDate, textDate } from '../../../reference/documents/chinese-date';
import { documentTitles, type DocumentRow } from './documents';
import type { DocumentOfficer, DocumentParty } from './documents.party';

interface Finding {
  description: string;
  location?: string | null;
  grade: string;
  deadline?: string | null;
}

export interface DocumentFields {
  layout?: 2;
  party?: DocumentParty;
  officers?: DocumentOfficer[];
  orgName?: string | null;
  number: string;
  issuedOn: string;
  enterpriseName: string;
  enterpriseAddress?: string | null;
  principalName?: string | null;
  inspectors?: string[];
  departments?: string[];
  inspectedOn?: string | null;
  summary?: string | null;
  findings?: Finding[];
  rectificationDeadline?: string | null;
  reinspectionOpinion?: string | null;
  reinspectionPassed?: boolean;
  violation?: string;
  basisArticle?: string;
  fine?: number | null;
  caseNumber?: string;
  /** 告知书: whether the hearing is offered (较大数额) and the days to ask; absent on notices issued before, which offered it in 5. */
  hearingOffered?: boolean;
  hearingRequestDays?: number;
  /**
   * 'workday' on notices issued since the periods count working days (行政处罚法 §85), printed "五个工作日内"; absent on
   * earlier notices, which keep their printed "五日内" (the same period in law, §85 applying either way).
   */
  hearingRequestDayUnit?: 'workday';
  hearingOn?: string | null;
  hearingPlace?: string | null;
  hearingPresider?: string | null;
  body?: string[];
  principalSignature?: string | null;
  inspectorSignatures?: { name: string; signature: string }[];
}

const p = (text: string, o: { bold?: boolean; size?: number; align?: (typeof AlignmentType)[keyof typeof AlignmentType] } = {}) =>
  new Paragraph({ alignment: o.align, spacing: { after: 120 }, children: [new TextRun({ text, bold: o.bold, size: o.size ?? 24 })] });

const cell = (text: string, width: number, bold = false) =>
  new TableCell({ width: { size: width, type: WidthType.PERCENTAGE }, children: [p(text, { bold, size: 21 })] });

function signatureImage(dataUrl: string | null | undefined): ImageRun | null {
  if (!dataUrl?.startsWith('data:image/png;base64,')) return null;
  return new ImageRun({ type: 'png', data: Buffer.from(dataUrl.slice(22), 'base64'), transformation: { width: 160, height: 60 } });
}

/** "五个工作日" on current notices ("两个", not "二个", before a measure word), "五日" as earlier ones printed it. */
function requestPeriod(f: DocumentFields): string {
  const n = f.hearingRequestDays ?? 5;
  if (f.hearingRequestDayUnit !== 'workday') return `${chineseNumeral(n)}日`;
  return `${n === 2 ? '两' : chineseNumeral(n)}个工作日`;
}

/** A date inside the text: 2026年12月3日 in layout 2, as stored before. */
function dateIn(f: DocumentFields, iso: string | null | undefined): string {
  return f.layout === 2 ? textDate(iso) : (iso ?? '');
}

function bodyOf(kind: DocumentKind, f: DocumentFields): string[] {
  const who = f.officers?.length ? f.officers.map(officerLabel).join('、') : f.inspectors?.length ? f.inspectors.join('、') : '';
  switch (kind) {
    case 'site_record':
      return [
        `检查时间：${dateIn(f, f.inspectedOn)}`,
        `检查人员：${who}${f.departments?.length ? `（联合检查部门：${f.departments.join('、')}）` : ''}`,
        `被检查单位现场负责人：${f.principalName ?? ''}`,
        `检查情况：${f.summary || (f.findings?.length ? `发现问题${f.findings.length}项，详见下表。` : '未发现问题。')}`,
      ];
    case 'rectification_order':
      return [
        `经查，你单位存在下列问题，依据《中华人民共和国安全生产法》第六十五条的规定，现责令你单位于${dateIn(f, f.rectificationDeadline)}前整改完毕，达到有关法律法规规章和标准规定的要求。`,
        '整改期间，你单位应当采取措施，确保安全生产。对安全生产违法行为，将依法予以行政处罚。',
        '如果不服本指令，可以依法在六十日内申请行政复议，或者在六个月内依法向人民法院提起行政诉讼，但本指令不停止执行，法律另有规定的除外。',
      ];
    case 'reinspection_opinion':
      return [
        `本机关于${dateIn(f, f.inspectedOn)}对你单位作出的责令限期整改指令书所列问题进行了复查。`,
        `复查意见：${f.reinspectionOpinion ?? ''}`,
        f.reinspectionPassed ? '经复查，所列问题已整改完毕。' : '经复查，所列问题未按期整改完毕，将依法处理。',
      ];
    case 'penalty_notice':
      return [
        `经查，你单位${f.violation ?? ''}。`,
        `依据${f.basisArticle ?? ''}的规定，本机关拟对你单位作出罚款人民币${f.fine ?? ''}元的行政处罚。`,
        f.hearingOffered === false
          ? `根据《中华人民共和国行政处罚法》第四十四条、第四十五条的规定，你单位有权进行陈述和申辩，请于收到本告知书之日起${requestPeriod(f)}内提出。逾期视为放弃上述权利。`
          : `根据《中华人民共和国行政处罚法》第四十四条、第四十五条的规定，你单位有权进行陈述和申辩；依据第六十三条、第六十四条的规定，你单位有权在收到本告知书之日起${requestPeriod(f)}内要求听证。逾期视为放弃上述权利。`,
      ];
    case 'hearing_notice':
      return [
        `根据你单位（你）的申请，本机关定于${dateIn(f, f.hearingOn)}在${f.hearingPlace ?? ''}对${f.caseNumber ?? ''}案（${f.violation ?? ''}，拟依据${f.basisArticle ?? ''}给予罚款人民币${f.fine ?? ''}元）举行听证。`,
        `听证主持人：${f.hearingPresider ?? ''}。根据《中华人民共和国行政处罚法》第六十四条的规定，你单位（你）认为主持人与本案有直接利害关系的，有权申请回避。`,
        '请准时出席，可以亲自参加听证，也可以委托一至二人代理；无正当理由拒不出席听证或者未经许可中途退出听证的，视为放弃听证权利。',
      ];
    case 'penalty_decision':
      return [
        `经查，你单位${f.violation ?? ''}。`,
        `依据${f.basisArticle ?? ''}的规定，决定给予罚款人民币${f.fine ?? ''}元的行政处罚。`,
        '罚款自收到本决定书之日起十五日内缴至指定银行，逾期不缴纳的，每日按罚款数额的百分之三加处罚款。',
        '如果不服本决定，可以依法在六十日内申请行政复议，或者在六个月内依法向人民法院提起行政诉讼，但本决定不停止执行，法律另有规定的除外。',
      ];
  }
}

const INSPECTION_KINDS = new Set<DocumentKind>(['site_record', 'rectification_order', 'reinspection_opinion']);

/** The addressee block of the templates: 被检查单位 on inspection documents, 当事人 on a case's. */
function partyBlock(kind: DocumentKind, party: DocumentParty): string[] {
  if (party.kind === 'natural_person') {
    return [
      `当事人：${party.name}`,
      `身份证件号码：${party.idNumber ?? ''}`,
      `住址：${party.address ?? ''}`,
      ...(party.employer ? [`工作单位：${party.employer}`] : []),
    ];
  }
  return [
    `${INSPECTION_KINDS.has(kind) ? '被检查单位' : '当事人'}：${party.name}`,
    `统一社会信用代码：${party.creditCode ?? ''}`,
    `法定代表人（负责人）：${party.legalRepresentative ?? ''}`,
    `地址：${party.address ?? ''}`,
  ];
}

/** 王强（执法证号：44030720190012）; a missing number is left as a blank to fill in by hand, never invented. */
function officerLabel(o: DocumentOfficer): string {
  return `${o.name}（执法证号：${o.certNo ?? '＿＿＿＿＿＿'}）`;
}

export async function renderDocument(row: DocumentRow): Promise<{ filename: string; buffer: Buffer }> {
  const kind = row.kind as DocumentKind;
  const f = row.fields as DocumentFields;
  const title = documentTitles[kind].zh;
  const children: (Paragraph | Table)[] = [
    p(f.orgName ?? '', { bold: true, size: 32, align: AlignmentType.CENTER }),
    p(title, { bold: true, size: 36, align: AlignmentType.CENTER }),
    p(f.number, { align: AlignmentType.RIGHT }),
    ...(f.party ? partyBlock(kind, f.party).map((t) => p(t)) : []),
    p(`${f.party?.name ?? f.enterpriseName}：`),
    ...(!f.party && f.enterpriseAddress ? [p(`地址：${f.enterpriseAddress}`)] : []),
    ...[...bodyOf(kind, f), ...(f.body ?? [])].map((t) => p(`\u3000\u3000${t}`)),
  ];
  if (f.findings?.length && (kind === 'site_record' || kind === 'rectification_order')) {
    children.push(
      new Table({
        width: { size: 100, type: WidthType.PERCENTAGE },
        rows: [
          new TableRow({
            tableHeader: true,
            children: [cell('序号', 8, true), cell('问题', 52, true), cell('部位', 20, true), cell('整改期限', 20, true)],
          }),
          ...f.findings.map(
            (x, i) =>
              new TableRow({
                children: [
                  cell(String(i + 1), 8),
                  cell(`${x.description}${x.grade === 'major' ? '（重大事故隐患）' : ''}`, 52),
                  cell(x.location ?? '', 20),
                  cell(dateIn(f, x.deadline), 20),
                ],
              }),
          ),
        ],
      }),
    );
  }
  const caseDocument = !INSPECTION_KINDS.has(kind);
  const signer = f.layout === 2 && caseDocument ? '当事人（签收）：' : '被检查单位负责人（签字）：';
  const sign: (TextRun | ImageRun)[] = [new TextRun({ text: signer, size: 24 })];
  const principalSig = signatureImage(f.principalSignature);
  if (principalSig) sign.push(principalSig);
  children.push(new Paragraph({ spacing: { before: 240 }, children: sign }));
  const officers = f.officers ? f.officers.map(officerLabel).join('、') : (f.inspectors?.join('、') ?? '');
  const inspectorRuns: (TextRun | ImageRun)[] = [new TextRun({ text: `执法人员（签字）：${officers}`, size: 24 })];
  for (const s of f.inspectorSignatures ?? []) {
    const img = signatureImage(s.signature);
    if (img) inspectorRuns.push(img);
  }
  children.push(new Paragraph({ children: inspectorRuns }));
  children.push(p(`${f.orgName ?? ''}（印章）`, { align: AlignmentType.RIGHT }));
  children.push(p(f.layout === 2 ? chineseDate(f.issuedOn) : f.issuedOn, { align: AlignmentType.RIGHT }));
  const doc = new Document({ creator: f.orgName ?? 'Anjian', title: `${title} ${f.number}`, sections: [{ children }] });
  return { filename: `${title}-${f.number}.docx`, buffer: await Packer.toBuffer(doc) };
}
