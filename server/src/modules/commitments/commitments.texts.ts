// The 承诺书 text as edited in the app: each save is a new row of commitment_texts (never updated), so the text a
// principal signed stays findable by its version and a signature (which copies version, title and body) never
// changes. The current text of a sector: its latest saved row, else the latest 'default' row, else the documented
// default of commitments.rules.ts. Saving names the version it replaces (the one the editor read): a stale one is a
// 409 with the current text. Deployment-wide like the penalty settings; audited with before and after.
import { desc, eq, inArray } from 'drizzle-orm';
import type { PutCommitmentTextBody } from '@anjian/contracts';
import { commitmentTexts } from '../../db/schema';
import type { Actor } from '../../platform/actor';
import { recordAudit } from '../../platform/audit';
import type { Db, DbOrTx } from '../../platform/db';
import { AppError } from '../../platform/errors';
import { commitmentTextFor, commitmentTexts as codeDefaults, type CommitmentText } from './commitments.rules';

export interface CurrentText extends CommitmentText {
  sector: string;
  configured: boolean;
  savedAt: string | null;
}

async function latest(db: DbOrTx, sector: string, lock = false) {
  const q = db.select().from(commitmentTexts).where(eq(commitmentTexts.sector, sector)).orderBy(desc(commitmentTexts.seq)).limit(1);
  const [row] = lock ? await q.for('update') : await q;
  return row ?? null;
}

/** The text a principal of `sector` signs today. */
export async function currentCommitmentText(db: DbOrTx, sector: string): Promise<CommitmentText> {
  const own = (await latest(db, sector)) ?? (codeDefaults.bySector[sector] ? null : await latest(db, 'default'));
  return own ? { version: own.version, title: own.title, body: own.body } : commitmentTextFor(sector);
}

/** The current text of 'default' and of every sector that has its own (saved or a code default). */
export async function listCommitmentTexts(db: DbOrTx): Promise<CurrentText[]> {
  const saved = await db.select({ sector: commitmentTexts.sector }).from(commitmentTexts).groupBy(commitmentTexts.sector);
  const sectors = [...new Set(['default', ...Object.keys(codeDefaults.bySector), ...saved.map((s) => s.sector)])];
  const rows = saved.length
    ? await db
        .select()
        .from(commitmentTexts)
        .where(inArray(commitmentTexts.sector, sectors))
        .orderBy(commitmentTexts.sector, desc(commitmentTexts.seq))
    : [];
  return sectors.map((sector) => {
    const row = rows.find((r) => r.sector === sector);
    const code = sector === 'default' ? codeDefaults.default : commitmentTextFor(sector);
    return row
      ? { sector, version: row.version, title: row.title, body: row.body, configured: true, savedAt: row.createdAt.toISOString() }
      : { sector, ...code, configured: false, savedAt: null };
  });
}

export async function saveCommitmentText(db: Db, actor: Actor, ip: string | null, sector: string, input: PutCommitmentTextBody) {
  return db.transaction(async (tx) => {
    const before = await latest(tx, sector, true);
    const current = before
      ? { version: before.version, title: before.title, body: before.body }
      : sector === 'default'
        ? codeDefaults.default
        : await currentCommitmentText(tx, sector);
    if (input.currentVersion !== current.version) {
      throw new AppError('CONFLICT', [], { current: { sector, ...current } });
    }
    const seq = (before?.seq ?? 1) + 1;
    const [row] = await tx
      .insert(commitmentTexts)
      .values({ sector, seq, version: `${sector}-${seq}`, title: input.title, body: input.body, createdBy: actor.id })
      .returning();
    await recordAudit(
      tx,
      { actor, ip },
      {
        action: 'commitment.text.save',
        entityType: 'commitment_text',
        entityId: sector,
        before: current,
        after: { version: row!.version, title: row!.title, body: row!.body },
      },
    );
    return (await listCommitmentTexts(tx)).find((t) => t.sector === sector)!;
  });
}
