// Training and online exams (issue 16 §3–4). Every table copies the scope columns of what it belongs to (an enterprise's
// person: area, sector, park, enterprise; an officer's session: its area and, for an industry department, its sector;
// the bank and papers: the issuing office's area) so platform/scope.ts filters them without a join.
// `training_person_years` and `training_summaries` are the maintained aggregates behind hours and rates: rewritten in
// the transaction of every write that credits hours (a session completed, an exam passed) and daily for enterprises
// whose people changed (training.job.ts).
import { attemptStatuses, questionTypes, sessionModes, sessionStatuses, trainingKinds } from '@anjian/contracts';
import { sql } from 'drizzle-orm';
import { boolean, index, integer, jsonb, pgTable, primaryKey, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { day, stateCheck, tstz } from './columns';
import { enterprises } from './enterprises';
import { people } from './people';
import { parks, users } from './platform';

export const trainingLecturers = pgTable(
  'training_lecturers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    areaCode: text('area_code').notNull(),
    name: text('name').notNull(),
    title: text('title'),
    specialty: text('specialty').notNull(),
    organisation: text('organisation'),
    createdAt: tstz('created_at').notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [index('training_lecturers_area_idx').using('btree', sql`${t.areaCode} text_pattern_ops`, t.name)],
);

export const trainingSessions = pgTable(
  'training_sessions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    areaCode: text('area_code').notNull(),
    sector: text('sector'),
    parkId: uuid('park_id').references(() => parks.id),
    enterpriseId: uuid('enterprise_id').references(() => enterprises.id),
    title: text('title').notNull(),
    kind: text('kind').notNull(),
    hours: integer('hours').notNull(),
    lecturerId: uuid('lecturer_id').references(() => trainingLecturers.id),
    lecturerName: text('lecturer_name'),
    date: day('date').notNull(),
    mode: text('mode').notNull(),
    place: text('place'),
    status: text('status').notNull().default('planned'),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: tstz('created_at').notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    index('training_sessions_area_date_idx').using('btree', sql`${t.areaCode} text_pattern_ops`, t.date),
    index('training_sessions_sector_date_idx').on(t.sector, t.date),
    index('training_sessions_park_date_idx').on(t.parkId, t.date),
    index('training_sessions_enterprise_date_idx').on(t.enterpriseId, t.date),
    stateCheck('training_sessions', t.status, sessionStatuses),
    stateCheck('training_sessions', t.kind, trainingKinds),
    stateCheck('training_sessions', t.mode, sessionModes),
  ],
);

export const trainingAttendance = pgTable(
  'training_attendance',
  {
    sessionId: uuid('session_id')
      .notNull()
      .references(() => trainingSessions.id),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id),
    enterpriseId: uuid('enterprise_id')
      .notNull()
      .references(() => enterprises.id),
    areaCode: text('area_code').notNull(),
    sector: text('sector').notNull(),
    parkId: uuid('park_id').references(() => parks.id),
    createdAt: tstz('created_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.sessionId, t.personId] }), index('training_attendance_person_idx').on(t.personId)],
);

export const trainingPersonYears = pgTable(
  'training_person_years',
  {
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id),
    year: integer('year').notNull(),
    enterpriseId: uuid('enterprise_id')
      .notNull()
      .references(() => enterprises.id),
    areaCode: text('area_code').notNull(),
    sector: text('sector').notNull(),
    parkId: uuid('park_id').references(() => parks.id),
    /** Hours of completed sessions attended and exams passed in the year. */
    hours: integer('hours').notNull().default(0),
    updatedAt: tstz('updated_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.personId, t.year] }), index('training_person_years_enterprise_idx').on(t.enterpriseId, t.year)],
);

export const trainingSummaries = pgTable(
  'training_summaries',
  {
    enterpriseId: uuid('enterprise_id')
      .notNull()
      .references(() => enterprises.id),
    year: integer('year').notNull(),
    areaCode: text('area_code').notNull(),
    sector: text('sector').notNull(),
    parkId: uuid('park_id').references(() => parks.id),
    principals: integer('principals').notNull().default(0),
    principalsTrained: integer('principals_trained').notNull().default(0),
    /** People in 三项岗位 posts and of them those with the year's required hours. */
    postPeople: integer('post_people').notNull().default(0),
    postTrained: integer('post_trained').notNull().default(0),
    updatedAt: tstz('updated_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.enterpriseId, t.year] }),
    index('training_summaries_area_idx').using('btree', t.year, sql`${t.areaCode} text_pattern_ops`),
    index('training_summaries_sector_idx').on(t.year, t.sector),
    index('training_summaries_park_idx').on(t.year, t.parkId),
  ],
);

export const examQuestions = pgTable(
  'exam_questions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    areaCode: text('area_code').notNull(),
    topic: text('topic').notNull(),
    roles: text('roles')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    type: text('type').notNull(),
    stem: text('stem').notNull(),
    options: jsonb('options').$type<string[]>().notNull(),
    answer: jsonb('answer').$type<number[]>().notNull(),
    active: boolean('active').notNull().default(true),
    createdAt: tstz('created_at').notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    index('exam_questions_draw_idx').on(t.topic, t.type, t.active),
    index('exam_questions_area_idx').using('btree', sql`${t.areaCode} text_pattern_ops`, t.topic),
    stateCheck('exam_questions', t.type, questionTypes),
  ],
);

export type PaperRule = { topic: string; type: (typeof questionTypes)[number]; count: number; points: number };

export const examPapers = pgTable(
  'exam_papers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    areaCode: text('area_code').notNull(),
    title: text('title').notNull(),
    rules: jsonb('rules').$type<PaperRule[]>().notNull(),
    durationMinutes: integer('duration_minutes').notNull(),
    passMark: integer('pass_mark').notNull(),
    maxAttempts: integer('max_attempts').notNull(),
    hours: integer('hours').notNull(),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: tstz('created_at').notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [index('exam_papers_area_idx').using('btree', sql`${t.areaCode} text_pattern_ops`, t.createdAt)],
);

export type AttemptQuestion = { id: string; type: (typeof questionTypes)[number]; stem: string; options: string[]; points: number };

export const examAttempts = pgTable(
  'exam_attempts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    paperId: uuid('paper_id')
      .notNull()
      .references(() => examPapers.id),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    enterpriseId: uuid('enterprise_id')
      .notNull()
      .references(() => enterprises.id),
    areaCode: text('area_code').notNull(),
    sector: text('sector').notNull(),
    parkId: uuid('park_id').references(() => parks.id),
    attemptNo: integer('attempt_no').notNull(),
    status: text('status').notNull().default('active'),
    startedAt: tstz('started_at').notNull().defaultNow(),
    deadlineAt: tstz('deadline_at').notNull(),
    /** The drawn questions as the examinee sees them (no answers). */
    questions: jsonb('questions').$type<AttemptQuestion[]>().notNull(),
    /** The key, fixed at the draw: a later bank edit does not change a running attempt. Never presented. */
    answerKey: jsonb('answer_key').$type<Record<string, number[]>>().notNull(),
    answers: jsonb('answers').$type<Record<string, number[]>>(),
    score: integer('score'),
    maxScore: integer('max_score').notNull(),
    passed: boolean('passed'),
    submittedAt: tstz('submitted_at'),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    // One active attempt per person and paper (the race between two starts ends here).
    uniqueIndex('exam_attempts_one_active_idx')
      .on(t.paperId, t.personId)
      .where(sql`${t.status} = 'active'`),
    index('exam_attempts_person_idx').on(t.personId, t.paperId),
    index('exam_attempts_enterprise_idx').on(t.enterpriseId, t.startedAt),
    index('exam_attempts_area_idx').using('btree', sql`${t.areaCode} text_pattern_ops`, t.startedAt),
    index('exam_attempts_sector_idx').on(t.sector, t.startedAt),
    index('exam_attempts_park_idx').on(t.parkId, t.startedAt),
    stateCheck('exam_attempts', t.status, attemptStatuses),
  ],
);

/** 结业证明: one per passed attempt. */
export const examCompletions = pgTable(
  'exam_completions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    attemptId: uuid('attempt_id')
      .notNull()
      .references(() => examAttempts.id),
    paperId: uuid('paper_id')
      .notNull()
      .references(() => examPapers.id),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id),
    enterpriseId: uuid('enterprise_id')
      .notNull()
      .references(() => enterprises.id),
    areaCode: text('area_code').notNull(),
    sector: text('sector').notNull(),
    parkId: uuid('park_id').references(() => parks.id),
    number: text('number').notNull(),
    issuedOn: day('issued_on').notNull(),
    score: integer('score').notNull(),
    hours: integer('hours').notNull(),
    createdAt: tstz('created_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('exam_completions_attempt_idx').on(t.attemptId),
    uniqueIndex('exam_completions_number_idx').on(t.number),
    index('exam_completions_person_idx').on(t.personId, t.issuedOn),
  ],
);
