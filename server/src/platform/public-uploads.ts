// Uploads from the public without an account (a 举报's photos). Such a file has no uploader, so the uploader's own
// account cannot be what lets a record claim it (files.ts claimFiles): the upload answers a random claim token
// instead, of which the files row keeps only the SHA-256, and a record claims the file only with it. A file uploaded
// this way by a signed-in citizen keeps the account as its uploader, and then only that account may claim it.
// Nobody reads such a file until a record claims it; one never claimed is discarded after a day
// (unattached-uploads.ts).
import { randomBytes } from 'node:crypto';
import { and, eq, isNull, or } from 'drizzle-orm';
import { files } from '../db/schema';
import type { Actor } from './actor';
import type { DbOrTx } from './db';
import { fieldError } from './errors';
import { claimTokenHash } from './files';

/** What the uploader presents to attach a public upload: the file's id and the token its upload answered. */
export interface ClaimTicket {
  id: string;
  token: string;
}

/** A fresh claim token: 32 random bytes, base64url (43 characters). */
export function newClaimToken(): string {
  return randomBytes(32).toString('base64url');
}

/**
 * Attaches public uploads to a record inside the caller's transaction: each ticket's file must exist, still be
 * unattached, carry that token, and have been uploaded without an account or by this caller's own. Anything else —
 * another person's upload, a used or discarded one, a wrong token — refuses the whole claim (the caller's transaction
 * rolls back), with the same message whatever the reason, so the answer tells nothing about other people's files.
 */
export async function claimWithTokens(
  tx: DbOrTx,
  actor: Actor | null,
  tickets: readonly ClaimTicket[],
  owner: { type: string; id: string },
  field: string,
): Promise<string[]> {
  if (tickets.length === 0) return [];
  const refuse = () =>
    fieldError(
      field,
      '照片不存在、已过期或已被使用，或不是您上传的',
      'A photo does not exist, has expired, is already used, or is not yours',
    );
  const tokens = new Map<string, string>();
  for (const t of tickets) {
    if (tokens.has(t.id) && tokens.get(t.id) !== t.token) throw refuse();
    tokens.set(t.id, t.token);
  }
  const pairs = [...tokens].map(([id, token]) => and(eq(files.id, id), eq(files.claimTokenHash, claimTokenHash(token))));
  const uploader = actor ? or(isNull(files.uploadedBy), eq(files.uploadedBy, actor.id)) : isNull(files.uploadedBy);
  const claimed = await tx
    .update(files)
    .set({ ownerType: owner.type, ownerId: owner.id, claimTokenHash: null })
    .where(and(or(...pairs), isNull(files.ownerId), uploader))
    .returning({ id: files.id });
  if (claimed.length !== tokens.size) throw refuse();
  return [...tokens.keys()];
}
