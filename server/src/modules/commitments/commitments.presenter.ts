// Row → response whitelists for commitments and duty records, with `abilities` from the permission table and the
// record's machine.
import { can, type CommitmentView, type DutyKind, type DutyRecordStatus, type DutyRecordView } from '@anjian/contracts';
import type { Actor } from '../../platform/actor';
import type { DbOrTx } from '../../platform/db';
import { findFilesByIds } from '../../platform/files';
import type { CommitmentText } from './commitments.rules';
import type { CommitmentRow, DutyRowWithName, EnterpriseFacts } from './commitments.queries';
import { dutyRecordAbilities } from './duties.workflow';

export const publicCommitmentPath = (enterpriseId: string) => `/public/commitments/${enterpriseId}`;

/** `text` is the sector's current text (commitments.texts.ts currentCommitmentText): what signing now would copy. */
export function presentCommitment(
  actor: Actor,
  ent: EnterpriseFacts,
  year: number,
  row: CommitmentRow | null,
  text: CommitmentText,
): CommitmentView {
  return {
    enterpriseId: ent.id,
    enterpriseName: ent.name,
    year,
    text,
    signed: row
      ? {
          id: row.id,
          year: row.year,
          textVersion: row.textVersion,
          title: row.title,
          body: row.body,
          signerName: row.signerName,
          typedName: row.typedName,
          signatureImage: row.signatureImage,
          signedAt: row.signedAt.toISOString(),
          version: row.version,
        }
      : null,
    publicPath: publicCommitmentPath(ent.id),
    abilities: can(actor.role, 'commitment.sign') ? [row ? 'resign' : 'sign'] : [],
  };
}

export async function presentDutyRecord(db: DbOrTx, actor: Actor, row: DutyRowWithName): Promise<DutyRecordView> {
  const files = await findFilesByIds(db, row.attachments);
  const byId = new Map(files.map((f) => [f.id, f]));
  return {
    id: row.id,
    enterpriseId: row.enterpriseId,
    enterpriseName: row.enterpriseName,
    areaCode: row.areaCode,
    sector: row.sector,
    duty: row.duty as DutyKind,
    period: row.period,
    year: row.year,
    heldOn: row.heldOn,
    summary: row.summary,
    participants: row.participants,
    status: row.status as DutyRecordStatus,
    reviewNote: row.reviewNote,
    reviewedAt: row.reviewedAt?.toISOString() ?? null,
    recordedAt: row.createdAt.toISOString(),
    attachments: row.attachments
      .map((id) => byId.get(id))
      .filter((f) => f !== undefined)
      .map((f) => ({ id: f.id, name: f.originalName, mime: f.mime })),
    version: row.version,
    abilities: dutyRecordAbilities(actor, row),
  };
}
