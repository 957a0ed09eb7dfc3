// 安全生产承诺制 and the 八个一次 (seed 001 二.4, issue 17 item 4): the principal's signed safety commitment, public to the
// enterprise's workers through a printed QR code, and the eight duties of the principal as recurring obligations per
// month, quarter or year, recorded by the enterprise with evidence and accepted or returned by the street; compliance
// per area and sector from maintained aggregates and the enterprises falling behind.
import { z } from 'zod';
import { safeString } from '../input';
import { isoDate, pageOf, pageQuery, areaCode } from './common';
import { sectors } from '../sectors';

const text = (max: number) => safeString().trim().min(1).max(max);
const version = z.number().int().min(1);
const year = z.coerce.number().int().min(2000).max(2100);

/** Seed 001 line 34: 每月…带队检查一次; 每季度…专题研究一次; 每年 the six yearly duties, in the seed's order. */
export const dutyKinds = [
  'monthly_inspection',
  'quarterly_study',
  'summary_meeting',
  'analysis_meeting',
  'responsibility_letters',
  'safety_lecture',
  'emergency_drill',
  'skills_training',
] as const;
export type DutyKind = (typeof dutyKinds)[number];
export const dutyKindLabels: Record<DutyKind, { zh: string; en: string }> = {
  monthly_inspection: { zh: '每月带队检查', en: 'Monthly inspection led by the principal' },
  quarterly_study: { zh: '每季度专题研究', en: 'Quarterly dedicated study' },
  summary_meeting: { zh: '年度安全生产总结会', en: 'Yearly summary meeting' },
  analysis_meeting: { zh: '年度安全生产工作分析会', en: 'Yearly analysis meeting' },
  responsibility_letters: { zh: '签订全员岗位安全生产责任书', en: 'Whole-staff post responsibility letters' },
  safety_lecture: { zh: '给员工上安全生产辅导课', en: 'Safety lecture to the staff' },
  emergency_drill: { zh: '参加应急救援演练', en: 'Emergency drill' },
  skills_training: { zh: '参加安全生产知识技能培训', en: 'Knowledge and skills training' },
};
export const dutyRecordStatusLabels: Record<'submitted' | 'accepted' | 'returned', { zh: string; en: string }> = {
  submitted: { zh: '待核查', en: 'To check' },
  accepted: { zh: '已通过', en: 'Accepted' },
  returned: { zh: '已退回', en: 'Returned' },
};
export const dutyCadences = ['month', 'quarter', 'year'] as const;
export type DutyCadence = (typeof dutyCadences)[number];

export const dutyRecordStatuses = ['submitted', 'accepted', 'returned'] as const;
export type DutyRecordStatus = (typeof dutyRecordStatuses)[number];

/** 'YYYY-MM' (a month), 'YYYY-Qn' (a quarter) or 'YYYY' (a year). */
export const periodKey = safeString().regex(/^20\d{2}(-(0[1-9]|1[0-2])|-Q[1-4])?$/, { error: 'period.format' });

/** A drawn signature as a PNG data URL (a phone canvas at 2× is well under 200 KB). */
export const signatureImage = safeString()
  .max(300_000)
  .regex(/^data:image\/png;base64,[A-Za-z0-9+/]+={0,2}$/, { error: 'signature.format' });

export const signCommitmentBody = z
  .object({
    year: year.optional(),
    signerName: text(50),
    /** Either a drawn signature or the typed name (the command asks for one of them). */
    signatureImage: signatureImage.optional(),
    typedName: text(50).optional(),
    /** The current commitment's version when signing again within the year; absent for the first signature. */
    version: version.optional(),
  })
  .strict();
export type SignCommitmentBody = z.infer<typeof signCommitmentBody>;

export const commitmentQuery = z.object({ year: year.optional() }).strict();

export const commitmentTextView = z.object({ version: z.string(), title: z.string(), body: z.string() });

export const signedCommitmentView = z.object({
  id: z.uuid(),
  year: z.number().int(),
  textVersion: z.string(),
  title: z.string(),
  body: z.string(),
  signerName: z.string(),
  typedName: z.string().nullable(),
  signatureImage: z.string().nullable(),
  signedAt: z.string(),
  version: z.number().int(),
});

export const commitmentView = z.object({
  enterpriseId: z.uuid(),
  enterpriseName: z.string(),
  year: z.number().int(),
  /** The text the principal signs now (the sector's, else the default). */
  text: commitmentTextView,
  signed: signedCommitmentView.nullable(),
  /** The path of the public page the QR code points to. */
  publicPath: z.string(),
  abilities: z.array(z.string()),
});
export type CommitmentView = z.infer<typeof commitmentView>;

export const publicCommitmentView = z.object({
  enterpriseName: z.string(),
  year: z.number().int(),
  title: z.string(),
  body: z.string(),
  signerName: z.string(),
  typedName: z.string().nullable(),
  signatureImage: z.string().nullable(),
  signedAt: z.string(),
});

export const recordDutyBody = z
  .object({
    enterpriseId: z.uuid(),
    duty: z.enum(dutyKinds),
    period: periodKey,
    heldOn: isoDate,
    summary: text(2000),
    participants: z.number().int().min(1).max(100_000).optional(),
    /** Uploaded files (photos, minutes, attendance sheets) claimed by the record. */
    attachments: z.array(z.uuid()).min(1).max(20),
  })
  .strict();
export type RecordDutyBody = z.infer<typeof recordDutyBody>;

export const resubmitDutyBody = z
  .object({
    version,
    heldOn: isoDate,
    summary: text(2000),
    participants: z.number().int().min(1).max(100_000).optional(),
    attachments: z.array(z.uuid()).max(20).optional(),
  })
  .strict();
export type ResubmitDutyBody = z.infer<typeof resubmitDutyBody>;

export const checkDutyBody = z.object({ version, note: text(500).optional() }).strict();
export type CheckDutyBody = z.infer<typeof checkDutyBody>;
export const returnDutyBody = z.object({ version, note: text(500) }).strict();
export type ReturnDutyBody = z.infer<typeof returnDutyBody>;

export const dutyRecordListQuery = z
  .object({
    status: z.enum(dutyRecordStatuses).optional(),
    year: year.optional(),
    duty: z.enum(dutyKinds).optional(),
    enterpriseId: z.uuid().optional(),
    ...pageQuery,
  })
  .strict();
export type DutyRecordListQuery = z.infer<typeof dutyRecordListQuery>;

/** An uploaded evidence file before a record claims it. */
export const dutyFileView = z.object({ id: z.uuid(), name: z.string(), mime: z.string(), size: z.number().int() });

const fileRef = z.object({ id: z.uuid(), name: z.string(), mime: z.string() });

export const dutyRecordView = z.object({
  id: z.uuid(),
  enterpriseId: z.uuid(),
  enterpriseName: z.string(),
  areaCode: z.string(),
  sector: z.string(),
  duty: z.enum(dutyKinds),
  period: z.string(),
  year: z.number().int(),
  heldOn: z.string(),
  summary: z.string(),
  participants: z.number().int().nullable(),
  status: z.enum(dutyRecordStatuses),
  reviewNote: z.string().nullable(),
  reviewedAt: z.string().nullable(),
  recordedAt: z.string(),
  attachments: z.array(fileRef),
  version: z.number().int(),
  abilities: z.array(z.string()),
});
export type DutyRecordView = z.infer<typeof dutyRecordView>;
export const dutyRecordPage = pageOf(dutyRecordView);

export const enterpriseDutiesQuery = z.object({ year: year.optional() }).strict();

/** One enterprise's year: every duty's periods, each with its record (if any) and whether it has ended. */
export const enterpriseDutiesView = z.object({
  enterpriseId: z.uuid(),
  enterpriseName: z.string(),
  year: z.number().int(),
  today: z.string(),
  duties: z.array(
    z.object({
      duty: z.enum(dutyKinds),
      cadence: z.enum(dutyCadences),
      periods: z.array(
        z.object({
          period: z.string(),
          start: z.string(),
          end: z.string(),
          state: z.enum(['future', 'open', 'ended']),
          recordId: z.uuid().nullable(),
          status: z.enum(dutyRecordStatuses).nullable(),
        }),
      ),
    }),
  ),
  /** Obligations of ended periods, and of them those accepted. */
  due: z.number().int(),
  accepted: z.number().int(),
  canRecord: z.boolean(),
});

export const dutyComplianceQuery = z
  .object({ year: year.optional(), areaCode: areaCode.optional(), sector: z.enum(sectors).optional() })
  .strict();
export type DutyComplianceQuery = z.infer<typeof dutyComplianceQuery>;

const rate = z.number().nullable();
export const dutyComplianceView = z.object({
  year: z.number().int(),
  asOf: z.string(),
  root: z.string(),
  enterprises: z.number().int(),
  /** Enterprise × period obligations of ended periods, accepted among them, and the rate (target 100%, seed 001). */
  due: z.number().int(),
  accepted: z.number().int(),
  rate,
  periods: z.array(
    z.object({
      duty: z.enum(dutyKinds),
      period: z.string(),
      ended: z.boolean(),
      recorded: z.number().int(),
      accepted: z.number().int(),
      rate,
    }),
  ),
  areas: z.array(
    z.object({
      areaCode: z.string(),
      areaName: z.string().nullable(),
      enterprises: z.number().int(),
      due: z.number().int(),
      accepted: z.number().int(),
      rate,
    }),
  ),
  sectors: z.array(
    z.object({ sector: z.string(), enterprises: z.number().int(), due: z.number().int(), accepted: z.number().int(), rate }),
  ),
});
export type DutyComplianceView = z.infer<typeof dutyComplianceView>;

export const laggardQuery = z
  .object({ year: year.optional(), areaCode: areaCode.optional(), sector: z.enum(sectors).optional(), ...pageQuery })
  .strict();
export type LaggardQuery = z.infer<typeof laggardQuery>;
export const laggardPage = pageOf(
  z.object({
    enterpriseId: z.uuid(),
    enterpriseName: z.string(),
    areaCode: z.string(),
    sector: z.string(),
    /** Ended periods of the year without an accepted record, as 'duty:period'. */
    missing: z.array(z.string()),
    due: z.number().int(),
    accepted: z.number().int(),
  }),
);

/** The laggards counted per child area of the caller's root (province scale), from the maintained aggregates. */
export const laggardAreaQuery = z
  .object({ year: year.optional(), areaCode: areaCode.optional(), sector: z.enum(sectors).optional(), ...pageQuery })
  .strict();
export type LaggardAreaQuery = z.infer<typeof laggardAreaQuery>;
export const laggardAreaPage = z.object({
  year: z.number().int(),
  /** Months of the year ended on the day read (0–12): the obligations due are those of that stage. */
  stage: z.number().int(),
  items: z.array(
    z.object({
      areaCode: z.string(),
      areaName: z.string().nullable(),
      enterprises: z.number().int(),
      /** Enterprises with every due obligation accepted. */
      kept: z.number().int(),
      laggards: z.number().int(),
      rate: z.number().nullable(),
    }),
  ),
  total: z.number().int(),
  /** Laggards over every area of the root (all pages). */
  laggards: z.number().int(),
});

/** The 承诺书 text per sector as edited in the app (commitment_texts), 'default' for every sector without its own. */
export const commitmentTextSectors = ['default', ...sectors] as const;
export const commitmentTextParams = z.object({ sector: z.enum(commitmentTextSectors) }).strict();
export const commitmentTextEntry = z.object({
  sector: z.string(),
  version: z.string(),
  title: z.string(),
  body: z.string(),
  /** Saved in the app (else the documented default of the code). */
  configured: z.boolean(),
  savedAt: z.string().nullable(),
});
export const commitmentTextsView = z.object({ items: z.array(commitmentTextEntry) });
export const putCommitmentTextBody = z
  .object({
    title: text(200),
    body: text(8000),
    /** The version the editor read: a later save makes this one a 409. */ currentVersion: text(80),
  })
  .strict();
export type PutCommitmentTextBody = z.infer<typeof putCommitmentTextBody>;
