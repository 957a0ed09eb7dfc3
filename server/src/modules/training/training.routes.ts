// Training and exams: sessions and attendance in the caller's scope, hours per person against the required hours,
// the monthly training-day calendar, rates from the maintained summary, the lecturer pool; the question bank and papers
// of the district bureau; attempts taken by an enterprise's accounts on a phone.
import {
  attemptListQuery,
  attemptPage,
  attemptView,
  attendanceBody,
  createLecturerBody,
  createPaperBody,
  createQuestionBody,
  createSessionBody,
  idParams,
  lecturerListQuery,
  lecturerPage,
  lecturerView,
  paperListQuery,
  paperPage,
  paperView,
  questionListQuery,
  questionPage,
  questionView,
  sessionActionBody,
  sessionDetail,
  sessionListQuery,
  sessionPage,
  startAttemptBody,
  submitAttemptBody,
  trainingCalendar,
  trainingCalendarQuery,
  trainingPeoplePage,
  trainingPeopleQuery,
  trainingRateQuery,
  trainingRates,
  updateQuestionBody,
} from '@anjian/contracts';
import type { ZodApp } from '../../platform/zod-app';
import { actorOf, clientIp } from '../../platform/http';
import { notFound } from '../../platform/errors';
import { cstDate } from '../../platform/time';
import {
  findLecturers,
  findPapers,
  findQuestions,
  findSession,
  findSessions,
  findTrainingPeople,
  findTrainingRates,
  lecturerSessionCounts,
} from './training.queries';
import { findAttempt, findAttempts } from './exam-attempts.queries';
import {
  presentAttempts,
  presentLecturer,
  presentPaper,
  presentQuestion,
  presentSessionDetail,
  presentSessions,
  presentTrainingPerson,
} from './training.presenter';
import { trainingCalendarOf } from './training.rules';
import { createSession } from './commands/create-session';
import { recordAttendance } from './commands/record-attendance';
import { completeSession } from './commands/complete-session';
import { createLecturer } from './commands/create-lecturer';
import { createQuestion, updateQuestion } from './commands/save-question';
import { createPaper } from './commands/create-paper';
import { startAttempt } from './commands/start-attempt';
import { submitAttempt } from './commands/submit-attempt';

const rate = (n: number, d: number) => (d > 0 ? Math.round((n / d) * 10000) / 10000 : null);
const withRates = <T extends { principals: number; principalsTrained: number; postPeople: number; postTrained: number }>(r: T) => ({
  ...r,
  principalRate: rate(r.principalsTrained, r.principals),
  postRate: rate(r.postTrained, r.postPeople),
});

export function trainingRoutes(app: ZodApp) {
  const tags = ['training'];
  const ctx = (req: Parameters<typeof actorOf>[0]) => ({ actor: actorOf(req), ip: clientIp(req) });
  const thisYear = () => Number(cstDate().slice(0, 4));

  app.get(
    '/api/training/calendar',
    { config: { access: 'training.read' }, schema: { tags, querystring: trainingCalendarQuery, response: { 200: trainingCalendar } } },
    async (req) => trainingCalendarOf(req.query.year),
  );
  app.get(
    '/api/training/sessions',
    { config: { access: 'training.read' }, schema: { tags, querystring: sessionListQuery, response: { 200: sessionPage } } },
    async (req) => {
      const actor = actorOf(req);
      const { items, total } = await findSessions(app.db, actor, req.query);
      return { items: await presentSessions(app.db, actor, items), total };
    },
  );
  app.post(
    '/api/training/sessions',
    { config: { access: 'training.manage' }, schema: { tags, body: createSessionBody, response: { 200: sessionDetail } } },
    async (req) => createSession(app.db, ctx(req), req.body),
  );
  app.get(
    '/api/training/sessions/:id',
    { config: { access: 'training.read' }, schema: { tags, params: idParams, response: { 200: sessionDetail } } },
    async (req) => {
      const actor = actorOf(req);
      const row = await findSession(app.db, actor, req.params.id);
      if (!row) throw notFound();
      return presentSessionDetail(app.db, actor, row);
    },
  );
  app.post(
    '/api/training/sessions/:id/attendance',
    { config: { access: 'training.manage' }, schema: { tags, params: idParams, body: attendanceBody, response: { 200: sessionDetail } } },
    async (req) => recordAttendance(app.db, ctx(req), req.params.id, req.body),
  );
  app.post(
    '/api/training/sessions/:id/complete',
    {
      config: { access: 'training.manage' },
      schema: { tags, params: idParams, body: sessionActionBody, response: { 200: sessionDetail } },
    },
    async (req) => completeSession(app.db, ctx(req), req.params.id, req.body),
  );
  app.get(
    '/api/training/people',
    { config: { access: 'training.read' }, schema: { tags, querystring: trainingPeopleQuery, response: { 200: trainingPeoplePage } } },
    async (req) => {
      const actor = actorOf(req);
      const year = req.query.year ?? thisYear();
      const { items, total } = await findTrainingPeople(app.db, actor, req.query, year, cstDate());
      return { items: items.map((r) => presentTrainingPerson(actor, r, year, app.config.people.vaultKey)), total };
    },
  );
  app.get(
    '/api/training/rates',
    { config: { access: 'training.stats' }, schema: { tags, querystring: trainingRateQuery, response: { 200: trainingRates } } },
    async (req) => {
      const year = req.query.year ?? thisYear();
      const { rows, total } = await findTrainingRates(app.db, actorOf(req), req.query, year);
      const { groups, ...overall } = total;
      return { year, items: rows.map(withRates), total: groups, overall: withRates({ ...overall, key: 'all', name: null }) };
    },
  );
  app.get(
    '/api/training/lecturers',
    { config: { access: 'training.read' }, schema: { tags, querystring: lecturerListQuery, response: { 200: lecturerPage } } },
    async (req) => {
      const { items, total } = await findLecturers(app.db, actorOf(req), req.query);
      const counts = await lecturerSessionCounts(
        app.db,
        items.map((l) => l.id),
      );
      return { items: items.map((l) => presentLecturer(l, counts.get(l.id) ?? 0)), total };
    },
  );
  app.post(
    '/api/training/lecturers',
    { config: { access: 'exam.manage' }, schema: { tags, body: createLecturerBody, response: { 200: lecturerView } } },
    async (req) => createLecturer(app.db, ctx(req), req.body),
  );
  app.get(
    '/api/exam/questions',
    { config: { access: 'exam.manage' }, schema: { tags, querystring: questionListQuery, response: { 200: questionPage } } },
    async (req) => {
      const { items, total } = await findQuestions(app.db, actorOf(req), req.query);
      return { items: items.map(presentQuestion), total };
    },
  );
  app.post(
    '/api/exam/questions',
    { config: { access: 'exam.manage' }, schema: { tags, body: createQuestionBody, response: { 200: questionView } } },
    async (req) => createQuestion(app.db, ctx(req), req.body),
  );
  app.put(
    '/api/exam/questions/:id',
    { config: { access: 'exam.manage' }, schema: { tags, params: idParams, body: updateQuestionBody, response: { 200: questionView } } },
    async (req) => updateQuestion(app.db, ctx(req), req.params.id, req.body),
  );
  app.get(
    '/api/exam/papers',
    { config: { access: 'exam.read' }, schema: { tags, querystring: paperListQuery, response: { 200: paperPage } } },
    async (req) => {
      const actor = actorOf(req);
      const { items, total } = await findPapers(app.db, actor, req.query);
      return { items: items.map((p) => presentPaper(actor, p)), total };
    },
  );
  app.post(
    '/api/exam/papers',
    { config: { access: 'exam.manage' }, schema: { tags, body: createPaperBody, response: { 200: paperView } } },
    async (req) => createPaper(app.db, ctx(req), req.body),
  );
  app.post(
    '/api/exam/papers/:id/attempts',
    { config: { access: 'exam.take' }, schema: { tags, params: idParams, body: startAttemptBody, response: { 200: attemptView } } },
    async (req) => startAttempt(app.db, ctx(req), req.params.id, req.body),
  );
  app.get(
    '/api/exam/attempts',
    { config: { access: 'exam.read' }, schema: { tags, querystring: attemptListQuery, response: { 200: attemptPage } } },
    async (req) => {
      const actor = actorOf(req);
      const { items, total } = await findAttempts(app.db, actor, req.query);
      return { items: await presentAttempts(app.db, actor, items), total };
    },
  );
  app.get(
    '/api/exam/attempts/:id',
    { config: { access: 'exam.read' }, schema: { tags, params: idParams, response: { 200: attemptView } } },
    async (req) => {
      const actor = actorOf(req);
      const row = await findAttempt(app.db, actor, req.params.id);
      if (!row) throw notFound();
      return (await presentAttempts(app.db, actor, [row]))[0]!;
    },
  );
  app.post(
    '/api/exam/attempts/:id/submit',
    { config: { access: 'exam.take' }, schema: { tags, params: idParams, body: submitAttemptBody, response: { 200: attemptView } } },
    async (req) => submitAttempt(app.db, ctx(req), req.params.id, req.body),
  );
}
