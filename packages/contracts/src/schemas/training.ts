// Training (培训) and online exams (在线考试), issue 16 items 3–4: courses and sessions with attendance, hours per
// person per year against the required hours of the post, the monthly training day, the lecturer pool, training rates;
// the question bank, papers drawn by rule, timed attempts scored on the server. No response before submission carries
// a correct option: the attempt view has the questions' stems and options only, and the result has only the score.
import { z } from 'zod';
import { safeString } from '../input';
import { isoDate, pageOf, pageQuery, areaCode } from './common';
import { personPosts } from './people';
import { sectors } from '../sectors';

const text = (max: number) => safeString().trim().min(1).max(max);
const version = z.number().int().min(1);

export const trainingKinds = ['initial', 'refresher', 'retraining', 'three_level', 'government'] as const;
export type TrainingKind = (typeof trainingKinds)[number];
export const trainingKindLabels: Record<TrainingKind, { zh: string; en: string }> = {
  initial: { zh: '初次培训', en: 'Initial training' },
  refresher: { zh: '年度再培训', en: 'Annual refresher' },
  retraining: { zh: '复训（事故后再培训）', en: 'Retraining' },
  three_level: { zh: '三级安全教育', en: 'Three-level safety education' },
  government: { zh: '监管人员培训', en: 'Government staff training' },
};
export const sessionStatuses = ['planned', 'completed', 'cancelled'] as const;
export type SessionStatus = (typeof sessionStatuses)[number];
export const sessionModes = ['onsite', 'online'] as const;

export const createSessionBody = z
  .object({
    title: text(100),
    kind: z.enum(trainingKinds),
    hours: z.number().int().min(1).max(200),
    lecturerId: z.uuid().optional(),
    lecturerName: text(50).optional(),
    date: isoDate,
    mode: z.enum(sessionModes),
    place: text(200).optional(),
    /** An enterprise's own session (三级教育); an enterprise account's sessions are always its own. */
    enterpriseId: z.uuid().optional(),
    /** The area an officer's session is held for (a street, a community); required without enterpriseId. */
    areaCode: areaCode.optional(),
    sector: z.enum(sectors).optional(),
  })
  .strict();
export type CreateSessionBody = z.infer<typeof createSessionBody>;

export const attendanceBody = z.object({ version, personIds: z.array(z.uuid()).min(1).max(500) }).strict();
export type AttendanceBody = z.infer<typeof attendanceBody>;
export const sessionActionBody = z.object({ version }).strict();
export type SessionActionBody = z.infer<typeof sessionActionBody>;

export const sessionListQuery = z
  .object({
    from: isoDate.optional(),
    to: isoDate.optional(),
    enterpriseId: z.uuid().optional(),
    kind: z.enum(trainingKinds).optional(),
    ...pageQuery,
  })
  .strict();
export type SessionListQuery = z.infer<typeof sessionListQuery>;

export const sessionView = z.object({
  id: z.uuid(),
  title: z.string(),
  kind: z.enum(trainingKinds),
  hours: z.number().int(),
  lecturerId: z.uuid().nullable(),
  lecturerName: z.string().nullable(),
  date: z.string(),
  mode: z.enum(sessionModes),
  place: z.string().nullable(),
  areaCode: z.string(),
  sector: z.string().nullable(),
  enterpriseId: z.uuid().nullable(),
  enterpriseName: z.string().nullable(),
  status: z.enum(sessionStatuses),
  attendees: z.number().int(),
  version: z.number().int(),
  abilities: z.array(z.string()),
});
export type SessionView = z.infer<typeof sessionView>;
export const sessionPage = pageOf(sessionView);
export const sessionDetail = sessionView.extend({
  attendance: z.array(
    z.object({
      personId: z.uuid(),
      name: z.string(),
      post: z.enum(personPosts),
      enterpriseId: z.uuid(),
      enterpriseName: z.string().nullable(),
    }),
  ),
});
export type SessionDetail = z.infer<typeof sessionDetail>;

export const trainingCalendarQuery = z.object({ year: z.coerce.number().int().min(2000).max(2100) }).strict();
export const trainingCalendar = z.object({
  year: z.number().int(),
  days: z.array(
    z.object({
      month: z.number().int(),
      /** The last Friday of the month (000 五(五)17). */
      lastFriday: z.string(),
      /** The day it is held: the last Friday, or the working day before it when that Friday is a holiday. */
      date: z.string(),
      moved: z.boolean(),
    }),
  ),
  /** A year the working-day calendar does not know: the nominal Fridays are shown unmoved. */
  calendarMissing: z.boolean(),
});
export type TrainingCalendar = z.infer<typeof trainingCalendar>;

export const trainingPeopleQuery = z
  .object({ enterpriseId: z.uuid().optional(), year: z.coerce.number().int().min(2000).max(2100).optional(), ...pageQuery })
  .strict();
export type TrainingPeopleQuery = z.infer<typeof trainingPeopleQuery>;
export const trainingPersonView = z.object({
  personId: z.uuid(),
  name: z.string(),
  /** Masked unless the caller sees identity numbers in full (the enterprise's own accounts). */
  idNumber: z.string(),
  post: z.enum(personPosts),
  enterpriseId: z.uuid(),
  enterpriseName: z.string().nullable(),
  year: z.number().int(),
  hours: z.number().int(),
  requiredHours: z.number().int(),
  requirement: z.string(),
  met: z.boolean(),
});
export const trainingPeoplePage = pageOf(trainingPersonView);

export const trainingRateQuery = z
  .object({
    year: z.coerce.number().int().min(2000).max(2100).optional(),
    groupBy: z.enum(['area', 'sector']).default('area'),
    /** Only the key sectors of seed 001 (重点行业领域). */
    keySectors: z
      .enum(['true', 'false'])
      .transform((v) => v === 'true')
      .optional(),
    ...pageQuery,
  })
  .strict();
export type TrainingRateQuery = z.infer<typeof trainingRateQuery>;
const rateRow = z.object({
  key: z.string(),
  name: z.string().nullable(),
  principals: z.number().int(),
  principalsTrained: z.number().int(),
  principalRate: z.number().nullable(),
  postPeople: z.number().int(),
  postTrained: z.number().int(),
  postRate: z.number().nullable(),
});
export const trainingRates = z.object({ year: z.number().int(), items: z.array(rateRow), total: z.number().int(), overall: rateRow });
export type TrainingRates = z.infer<typeof trainingRates>;

export const createLecturerBody = z
  .object({ name: text(50), title: text(50).optional(), specialty: text(100), organisation: text(100).optional(), areaCode })
  .strict();
export type CreateLecturerBody = z.infer<typeof createLecturerBody>;
export const lecturerView = z.object({
  id: z.uuid(),
  name: z.string(),
  title: z.string().nullable(),
  specialty: z.string(),
  organisation: z.string().nullable(),
  areaCode: z.string(),
  sessions: z.number().int(),
});
export const lecturerListQuery = z.object({ ...pageQuery }).strict();
export const lecturerPage = pageOf(lecturerView);

// ── Exams ─────────────────────────────────────────────────────────────────────────────────────────────────────────

export const questionTypes = ['single', 'multiple', 'true_false'] as const;
export type QuestionType = (typeof questionTypes)[number];
export const questionTypeLabels: Record<QuestionType, { zh: string; en: string }> = {
  single: { zh: '单选题', en: 'Single choice' },
  multiple: { zh: '多选题', en: 'Multiple choice' },
  true_false: { zh: '判断题', en: 'True / false' },
};
const questionFields = {
  topic: text(50),
  roles: z.array(z.enum(personPosts)).max(personPosts.length),
  type: z.enum(questionTypes),
  stem: text(500),
  options: z.array(text(200)).min(2).max(8),
  /** Indexes of the correct options. */
  answer: z.array(z.number().int().min(0).max(7)).min(1).max(8),
  active: z.boolean().optional(),
};
export const createQuestionBody = z.object({ ...questionFields, areaCode }).strict();
export type CreateQuestionBody = z.infer<typeof createQuestionBody>;
export const updateQuestionBody = z.object({ ...questionFields, version }).strict();
export type UpdateQuestionBody = z.infer<typeof updateQuestionBody>;
export const questionListQuery = z.object({ topic: text(50).optional(), type: z.enum(questionTypes).optional(), ...pageQuery }).strict();
export type QuestionListQuery = z.infer<typeof questionListQuery>;
/** The bank editor's view (officers with exam.manage only): includes the answer. */
export const questionView = z.object({
  id: z.uuid(),
  areaCode: z.string(),
  topic: z.string(),
  roles: z.array(z.enum(personPosts)),
  type: z.enum(questionTypes),
  stem: z.string(),
  options: z.array(z.string()),
  answer: z.array(z.number().int()),
  active: z.boolean(),
  version: z.number().int(),
});
export const questionPage = pageOf(questionView);

export const paperRule = z
  .object({
    topic: text(50),
    type: z.enum(questionTypes),
    count: z.number().int().min(1).max(100),
    points: z.number().int().min(1).max(100),
  })
  .strict();
export type PaperRule = z.infer<typeof paperRule>;
export const createPaperBody = z
  .object({
    title: text(100),
    areaCode,
    rules: z.array(paperRule).min(1).max(20),
    durationMinutes: z.number().int().min(1).max(240),
    passMark: z.number().int().min(1).max(1000),
    maxAttempts: z.number().int().min(1).max(10),
    /** Training hours credited for passing. */
    hours: z.number().int().min(0).max(100),
  })
  .strict();
export type CreatePaperBody = z.infer<typeof createPaperBody>;
export const paperView = z.object({
  id: z.uuid(),
  title: z.string(),
  areaCode: z.string(),
  rules: z.array(paperRule),
  questionCount: z.number().int(),
  maxScore: z.number().int(),
  durationMinutes: z.number().int(),
  passMark: z.number().int(),
  maxAttempts: z.number().int(),
  hours: z.number().int(),
  abilities: z.array(z.string()),
});
export const paperListQuery = z.object({ ...pageQuery }).strict();
export const paperPage = pageOf(paperView);

export const startAttemptBody = z.object({ personId: z.uuid() }).strict();
export type StartAttemptBody = z.infer<typeof startAttemptBody>;
export const attemptStatuses = ['active', 'submitted', 'expired'] as const;
export type AttemptStatus = (typeof attemptStatuses)[number];
export const submitAttemptBody = z
  .object({
    answers: z.array(z.object({ questionId: z.uuid(), choices: z.array(z.number().int().min(0).max(7)).max(8) }).strict()).max(200),
  })
  .strict();
export type SubmitAttemptBody = z.infer<typeof submitAttemptBody>;
/** A question as the examinee gets it: never its answer. */
export const attemptQuestion = z.object({
  id: z.uuid(),
  type: z.enum(questionTypes),
  stem: z.string(),
  options: z.array(z.string()),
  points: z.number().int(),
});
export const attemptView = z.object({
  id: z.uuid(),
  paperId: z.uuid(),
  paperTitle: z.string(),
  personId: z.uuid(),
  personName: z.string(),
  enterpriseId: z.uuid(),
  attemptNo: z.number().int(),
  status: z.enum(attemptStatuses),
  startedAt: z.string(),
  deadlineAt: z.string(),
  /** Only while the attempt is active (and only to the enterprise's own accounts). */
  questions: z.array(attemptQuestion),
  score: z.number().int().nullable(),
  maxScore: z.number().int(),
  passMark: z.number().int(),
  passed: z.boolean().nullable(),
  submittedAt: z.string().nullable(),
  certificateNumber: z.string().nullable(),
  abilities: z.array(z.string()),
});
export type AttemptView = z.infer<typeof attemptView>;
export const attemptListQuery = z
  .object({ paperId: z.uuid().optional(), personId: z.uuid().optional(), status: z.enum(attemptStatuses).optional(), ...pageQuery })
  .strict();
export type AttemptListQuery = z.infer<typeof attemptListQuery>;
export const attemptPage = pageOf(attemptView);

// ── Course materials (课件) ──────────────────────────────────────────────────────────────────────────────────────
/** A document or video attached to a training session (the course as held or online), read via GET /api/files/:id. */
export const materialView = z.object({
  id: z.uuid(),
  name: z.string(),
  mime: z.string(),
  kind: z.enum(['document', 'video', 'photo']),
  size: z.number().int(),
  uploadedAt: z.string(),
  abilities: z.array(z.enum(['remove'])),
});
export type MaterialView = z.infer<typeof materialView>;
export const materialList = z.object({ items: z.array(materialView), canUpload: z.boolean() });
