// Rows → response whitelists. An attempt's questions leave the server only while the attempt is active and only to
// the enterprise's own accounts (the examinee); the answer key and the chosen answers never leave it at all — a
// submitted attempt shows the score and the pass, nothing per question (a retake draws from the same bank).
// Identity numbers in the hours list follow the masking policy (staffIdentity: only the enterprise's own accounts see
// them in full, and then from the people module's vault).
import { can, type AttemptView, type PersonPost, type QuestionType, type SessionDetail, type SessionView } from '@anjian/contracts';
import type { Actor } from '../../platform/actor';
import type { DbOrTx } from '../../platform/db';
import { seesInFull } from '../../platform/masking';
import { unsealIdNumber } from '../people/people.vault';
import { attemptAbilities, sessionAbilities } from './training.workflow';
import {
  attendanceOf,
  attendeeCounts,
  enterpriseNames,
  meets,
  type LecturerRow,
  type PaperRow,
  type QuestionRow,
  type SessionRow,
} from './training.queries';
import { attemptContext, type AttemptRow } from './exam-attempts.queries';
import { requiredHours, requirementLabel } from './training.rules';
import type { people } from '../../db/schema';

export function presentSession(actor: Actor, row: SessionRow, attendees: number, enterpriseName: string | null): SessionView {
  const abilities: string[] = [...sessionAbilities(actor, row)];
  if (row.status === 'planned' && can(actor.role, 'training.manage')) abilities.push('attendance');
  return {
    id: row.id,
    title: row.title,
    kind: row.kind as SessionView['kind'],
    hours: row.hours,
    lecturerId: row.lecturerId,
    lecturerName: row.lecturerName,
    date: row.date,
    mode: row.mode as SessionView['mode'],
    place: row.place,
    areaCode: row.areaCode,
    sector: row.sector,
    enterpriseId: row.enterpriseId,
    enterpriseName,
    status: row.status as SessionView['status'],
    attendees,
    version: row.version,
    abilities,
  };
}

export async function presentSessions(db: DbOrTx, actor: Actor, rows: SessionRow[]) {
  const [counts, names] = await Promise.all([
    attendeeCounts(
      db,
      rows.map((r) => r.id),
    ),
    enterpriseNames(db, [...new Set(rows.flatMap((r) => (r.enterpriseId ? [r.enterpriseId] : [])))]),
  ]);
  return rows.map((r) => presentSession(actor, r, counts.get(r.id) ?? 0, r.enterpriseId ? (names.get(r.enterpriseId) ?? null) : null));
}

export async function presentSessionDetail(db: DbOrTx, actor: Actor, row: SessionRow): Promise<SessionDetail> {
  const [view] = await presentSessions(db, actor, [row]);
  const attendance = await attendanceOf(db, row.id);
  return { ...view!, attendance: attendance.map((a) => ({ ...a, post: a.post as PersonPost })) };
}

export function auditSession(row: SessionRow) {
  const { title, kind, hours, lecturerId, lecturerName, date, mode, place, areaCode, sector, enterpriseId, status, version } = row;
  return { title, kind, hours, lecturerId, lecturerName, date, mode, place, areaCode, sector, enterpriseId, status, version };
}

type PersonRow = typeof people.$inferSelect;
export function presentTrainingPerson(
  actor: Actor,
  r: { person: PersonRow; hours: number | null; enterpriseName: string },
  year: number,
  vaultKey: string,
) {
  const p = r.person;
  const req = requiredHours(p.post as PersonPost, p.sector, p.employedFrom, year);
  const hours = r.hours ?? 0;
  const full = seesInFull(actor, { kind: 'staffIdentity', enterpriseId: p.enterpriseId });
  return {
    personId: p.id,
    name: p.name,
    idNumber: full ? unsealIdNumber(vaultKey, p.idNumberSealed) : p.idNumberMasked,
    post: p.post as PersonPost,
    enterpriseId: p.enterpriseId,
    enterpriseName: r.enterpriseName,
    year,
    hours,
    requiredHours: req.hours,
    requirement: requirementLabel(req),
    met: meets(hours, req.hours),
  };
}

export function presentLecturer(row: LecturerRow, sessions: number) {
  return {
    id: row.id,
    name: row.name,
    title: row.title,
    specialty: row.specialty,
    organisation: row.organisation,
    areaCode: row.areaCode,
    sessions,
  };
}

export function presentQuestion(row: QuestionRow) {
  return {
    id: row.id,
    areaCode: row.areaCode,
    topic: row.topic,
    roles: row.roles as PersonPost[],
    type: row.type as QuestionType,
    stem: row.stem,
    options: row.options,
    answer: row.answer,
    active: row.active,
    version: row.version,
  };
}

export function presentPaper(actor: Actor, row: PaperRow) {
  return {
    id: row.id,
    title: row.title,
    areaCode: row.areaCode,
    rules: row.rules,
    questionCount: row.rules.reduce((n, r) => n + r.count, 0),
    maxScore: row.rules.reduce((n, r) => n + r.count * r.points, 0),
    durationMinutes: row.durationMinutes,
    passMark: row.passMark,
    maxAttempts: row.maxAttempts,
    hours: row.hours,
    abilities: can(actor.role, 'exam.take') ? ['start'] : [],
  };
}

type AttemptCtx = Awaited<ReturnType<typeof attemptContext>>;

export function presentAttempt(actor: Actor, row: AttemptRow, ctx: AttemptCtx): AttemptView {
  const paper = ctx.papers.get(row.paperId);
  const examinee = actor.scopeKind === 'enterprise' && actor.enterpriseId === row.enterpriseId;
  const active = row.status === 'active';
  return {
    id: row.id,
    paperId: row.paperId,
    paperTitle: paper?.title ?? '',
    personId: row.personId,
    personName: ctx.people.get(row.personId) ?? '',
    enterpriseId: row.enterpriseId,
    attemptNo: row.attemptNo,
    status: row.status as AttemptView['status'],
    startedAt: row.startedAt.toISOString(),
    deadlineAt: row.deadlineAt.toISOString(),
    // Whitelisted field by field: the stored snapshot never held a key, and this keeps it that way.
    questions:
      active && examinee
        ? row.questions.map((q) => ({ id: q.id, type: q.type, stem: q.stem, options: [...q.options], points: q.points }))
        : [],
    score: row.score,
    maxScore: row.maxScore,
    passMark: paper?.passMark ?? 0,
    passed: row.passed,
    submittedAt: row.submittedAt?.toISOString() ?? null,
    certificateNumber: ctx.certificates.get(row.id) ?? null,
    abilities: examinee ? attemptAbilities(actor, row).filter((a) => a === 'submit') : [],
  };
}

export async function presentAttempts(db: DbOrTx, actor: Actor, rows: AttemptRow[]) {
  const ctx = await attemptContext(db, rows);
  return rows.map((r) => presentAttempt(actor, r, ctx));
}

export function auditAttempt(row: AttemptRow) {
  return {
    paperId: row.paperId,
    personId: row.personId,
    attemptNo: row.attemptNo,
    status: row.status,
    score: row.score,
    passed: row.passed,
    questionIds: row.questions.map((q) => q.id),
    version: row.version,
  };
}
