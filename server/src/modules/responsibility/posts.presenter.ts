// Post → response whitelist; `abilities` for the enterprise's own accounts (officers read the list).
import { can } from '@anjian/contracts';
import type { ResponsibilityPostView } from '@anjian/contracts';
import type { Actor } from '../../platform/actor';
import type { PostRow } from './posts.queries';

export function presentPost(actor: Actor, row: PostRow): ResponsibilityPostView {
  const own = can(actor.role, 'responsibilityList.manage') && actor.enterpriseId === row.enterpriseId;
  return {
    id: row.id,
    enterpriseId: row.enterpriseId,
    post: row.post,
    holderName: row.holderName,
    duties: row.duties,
    letterYear: row.letterYear,
    letterSignedOn: row.letterSignedOn,
    letterSigner: row.letterSigner,
    version: row.version,
    abilities: own ? ['update', 'sign'] : [],
  };
}

export function auditPost(row: PostRow) {
  return {
    post: row.post,
    holderName: row.holderName,
    duties: row.duties.length,
    letterYear: row.letterYear,
    letterSignedOn: row.letterSignedOn,
    letterSigner: row.letterSigner,
    version: row.version,
  };
}
