// Abuse controls of the public form, beside the per-address rate limit of the route (@fastify/rate-limit):
// - per phone: a named reporter's phone may submit `perPhonePerDay` reports a day; counted under an HMAC of the
//   phone keyed with the vault secret, so the phone is never stored in clear outside the vault;
// - a challenge: from the `challengeAfter`-th submission in an hour from one address, the form must carry the answer
//   to a small sum the server issued (single use, expiring in `challengeTtlMs`; only the answer's HMAC is kept).
// Refusals are bilingual field errors in the one error shape: 429 for the phone, 400 'challenge' for the check.
import { createHmac, randomInt } from 'node:crypto';
import { and, eq, gt, isNull, lt, sql } from 'drizzle-orm';
import { reportChallenges, reportSubmissionMarks } from '../../db/schema';
import type { DbOrTx, Tx } from '../../platform/db';
import { fieldError } from '../../platform/errors';

export const abuseRules = {
  /** L: how long an issued challenge may be answered. The counts are configuration (platform/config.ts: reports). */
  challengeTtlMs: 10 * 60_000,
} as const;

export interface AbuseLimits {
  /** Reports a day from one phone (a named reporter); default 5. */
  perPhonePerDay: number;
  /** From this many submissions an hour from one address on, a challenge is required; default 3. */
  challengeAfterPerHour: number;
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

export const keyHash = (secret: string, kind: string, value: string) =>
  createHmac('sha256', `anjian-report-abuse:${secret}`).update(`${kind}:${value}`).digest('hex');

async function recentCount(tx: DbOrTx, kind: string, hash: string, windowMs: number, now: Date) {
  const since = new Date(now.getTime() - windowMs);
  // Marks older than the window are of no further use: dropped here, on the key's own index range.
  await tx
    .delete(reportSubmissionMarks)
    .where(
      and(
        eq(reportSubmissionMarks.kind, kind),
        eq(reportSubmissionMarks.keyHash, hash),
        lt(reportSubmissionMarks.at, new Date(now.getTime() - DAY)),
      ),
    );
  const [row] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(reportSubmissionMarks)
    .where(and(eq(reportSubmissionMarks.kind, kind), eq(reportSubmissionMarks.keyHash, hash), gt(reportSubmissionMarks.at, since)));
  return row?.n ?? 0;
}

export interface AbuseInput {
  secret: string;
  limits: AbuseLimits;
  ip: string | null;
  phone: string | null;
  /** Whether the request carried a challenge, and whether it was answered right (spent before the transaction). */
  challenge: 'none' | 'passed' | 'failed';
  now?: Date;
}

/** Checks and records one public submission in the caller's transaction; throws the refusal (nothing written). */
export async function guardPublicSubmission(tx: Tx, a: AbuseInput) {
  const now = a.now ?? new Date();
  const marks: { kind: string; keyHash: string; at: Date }[] = [];
  if (a.phone) {
    const h = keyHash(a.secret, 'phone', a.phone);
    if ((await recentCount(tx, 'phone', h, DAY, now)) >= a.limits.perPhonePerDay) {
      throw fieldError(
        'reporter.phone',
        '该手机号今日提交的举报已达上限，请明日再试',
        'This phone has reached today’s limit of reports; try again tomorrow',
        'RATE_LIMITED',
      );
    }
    marks.push({ kind: 'phone', keyHash: h, at: now });
  }
  if (a.ip) {
    const h = keyHash(a.secret, 'ip', a.ip);
    if ((await recentCount(tx, 'ip', h, HOUR, now)) >= a.limits.challengeAfterPerHour - 1) {
      if (a.challenge === 'none')
        throw fieldError('challenge', '提交较频繁，请先完成验证题', 'Several reports from here: answer the check first');
      if (a.challenge === 'failed') {
        throw fieldError('challenge', '验证题答案不正确或已过期，请重新获取', 'The check’s answer is wrong or expired; get a new one');
      }
    }
    marks.push({ kind: 'ip', keyHash: h, at: now });
  }
  if (marks.length) await tx.insert(reportSubmissionMarks).values(marks);
}

/** Issues a small sum; returns its id and question. Only the HMAC of the answer is stored. */
export async function issueChallenge(db: DbOrTx, secret: string, now = new Date()) {
  const a = randomInt(2, 20);
  const b = randomInt(2, 20);
  const expiresAt = new Date(now.getTime() + abuseRules.challengeTtlMs);
  const [row] = await db
    .insert(reportChallenges)
    .values({ answerHash: keyHash(secret, 'answer', String(a + b)), expiresAt })
    .returning({ id: reportChallenges.id });
  return { id: row!.id, question: `${a} + ${b} = ?`, expiresAt: expiresAt.toISOString() };
}

/**
 * Spends a challenge (in its own short transaction, before the submission's): single use — the first answer, right
 * or wrong, spends it even when the submission is then refused, so guessing costs a new challenge each time.
 */
export async function spendChallenge(db: DbOrTx, secret: string, c: { id: string; answer: string } | undefined, now = new Date()) {
  if (!c) return 'none' as const;
  const [row] = await db
    .update(reportChallenges)
    .set({ usedAt: now })
    .where(and(eq(reportChallenges.id, c.id), isNull(reportChallenges.usedAt), gt(reportChallenges.expiresAt, now)))
    .returning({ answerHash: reportChallenges.answerHash });
  return row && row.answerHash === keyHash(secret, 'answer', String(Number(c.answer))) ? ('passed' as const) : ('failed' as const);
}
