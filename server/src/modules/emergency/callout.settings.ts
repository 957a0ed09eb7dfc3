// 出动队伍配置: the team types an incident of each kind calls out (incidents.teams.ts), as the deployment set them in
// the app (emergency_settings, key 'team_callout'), over the documented defaults below. Deployment-wide like the other
// settings edited in the app (安责险 mandatory sectors, 承诺书 text, penalty procedure): one table for every district
// the deployment serves. The call-out reads it in the incident's own transaction, so a save applies to the next
// incident at once and never to one already opened. A save names the version it replaces (the one the editor read):
// a stale one is a 409 with the current table; every save is audited with the table before and after.
import { eq } from 'drizzle-orm';
import {
  incidentKinds,
  teamCalloutTable,
  type IncidentKind,
  type PutTeamCalloutSettingsBody,
  type TeamCalloutSettingsView,
  type TeamCalloutTable,
  type TeamType,
} from '@anjian/contracts';
import { emergencySettings } from '../../db/schema';
import type { Actor } from '../../platform/actor';
import { recordAudit } from '../../platform/audit';
import type { Db, DbOrTx } from '../../platform/db';
import { AppError } from '../../platform/errors';
import { userNames } from './duty.queries';

/**
 * L: the team types an incident of each kind calls out — the documented defaults, in force until the deployment saves
 * its own table (「应急管理 → 出动队伍配置」). A production-safety accident needs a general rescue team and medical
 * care; a fire the fire-rescue team; a flood or landslide the flood team and a general one; a traffic accident medical
 * care; anything else a general team.
 */
export const defaultTeamTypesForKind: Readonly<Record<IncidentKind, readonly TeamType[]>> = {
  production_safety: ['general', 'medical'],
  fire: ['fire_rescue'],
  natural_disaster: ['flood', 'general'],
  traffic: ['medical'],
  other: ['general'],
};

export const TEAM_CALLOUT_KEY = 'team_callout';

const copyOf = (t: Readonly<Record<IncidentKind, readonly TeamType[]>>): TeamCalloutTable =>
  Object.fromEntries(incidentKinds.map((k) => [k, [...t[k]]])) as TeamCalloutTable;

export interface StoredTeamCallout {
  table: TeamCalloutTable;
  /** 0 while the defaults apply; each save adds one. */
  version: number;
  configured: boolean;
  updatedAt: Date | null;
  updatedBy: string | null;
}

/**
 * The table in force. Each stored kind is checked again on read: one that no longer passes (a team type since removed
 * from the code table, a hand-edited row) or is missing (an incident kind added since the save) takes its default
 * alone, so a deployment's other rows stay in force and a call-out never runs from a broken list.
 */
export async function loadTeamCallout(db: DbOrTx, lock = false): Promise<StoredTeamCallout> {
  const q = db.select().from(emergencySettings).where(eq(emergencySettings.key, TEAM_CALLOUT_KEY));
  const [row] = lock ? await q.for('update') : await q;
  if (!row) return { table: copyOf(defaultTeamTypesForKind), version: 0, configured: false, updatedAt: null, updatedBy: null };
  const stored = (row.value ?? {}) as Record<string, unknown>;
  const table = Object.fromEntries(
    incidentKinds.map((k) => {
      const parsed = teamCalloutTable.shape[k].safeParse(stored[k]);
      return [k, parsed.success ? parsed.data : [...defaultTeamTypesForKind[k]]];
    }),
  ) as TeamCalloutTable;
  return { table, version: row.version, configured: true, updatedAt: row.updatedAt, updatedBy: row.updatedBy };
}

export async function presentTeamCallout(db: DbOrTx, s: StoredTeamCallout): Promise<TeamCalloutSettingsView> {
  const names = await userNames(db, [s.updatedBy]);
  return {
    teamTypes: copyOf(s.table),
    version: s.version,
    configured: s.configured,
    updatedAt: s.updatedAt ? s.updatedAt.toISOString() : null,
    updatedByName: s.updatedBy ? (names.get(s.updatedBy) ?? null) : null,
    defaults: copyOf(defaultTeamTypesForKind),
  };
}

/**
 * Replaces the whole table (the body's schema has already refused a kind left out, an unknown or repeated team type,
 * an empty list — nothing is stored then). Saving the defaults is a save like any other: it stays versioned and
 * audited, and the defaults' later changes in code no longer reach this deployment until it saves again.
 */
export async function saveTeamCallout(db: Db, actor: Actor, ip: string | null, input: PutTeamCalloutSettingsBody) {
  return db.transaction(async (tx) => {
    const before = await loadTeamCallout(tx, true);
    const conflict = async () => new AppError('CONFLICT', [], { current: await presentTeamCallout(tx, await loadTeamCallout(tx)) });
    if (input.version !== before.version) throw await conflict();
    const value = copyOf(input.teamTypes);
    const version = before.version + 1;
    // The version condition also holds when two first saves race past an absent row: the later one meets the
    // earlier's row here and updates nothing, so it is a 409 rather than a silent overwrite.
    const [written] = await tx
      .insert(emergencySettings)
      .values({ key: TEAM_CALLOUT_KEY, value, version, updatedBy: actor.id })
      .onConflictDoUpdate({
        target: emergencySettings.key,
        set: { value, version, updatedBy: actor.id, updatedAt: new Date() },
        setWhere: eq(emergencySettings.version, before.version),
      })
      .returning({ version: emergencySettings.version });
    if (!written) throw await conflict();
    await recordAudit(
      tx,
      { actor, ip },
      {
        action: 'emergency.callout.update',
        entityType: 'emergency_settings',
        entityId: TEAM_CALLOUT_KEY,
        before: { teamTypes: before.table, version: before.version, configured: before.configured },
        after: { teamTypes: value, version },
      },
    );
    return presentTeamCallout(tx, await loadTeamCallout(tx));
  });
}
