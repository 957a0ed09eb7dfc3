import type { Actor } from '../../../platform/actor';

/** Who acts, from where, and (for tests) on which China day. */
export interface CommitmentContext {
  actor: Actor;
  ip: string | null;
  today?: string;
}
