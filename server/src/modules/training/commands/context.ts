import type { Actor } from '../../../platform/actor';

/** Who acts, from where, and (for tests) on which China day / at which instant. */
export interface TrainingContext {
  actor: Actor;
  ip: string | null;
  today?: string;
  now?: Date;
}
