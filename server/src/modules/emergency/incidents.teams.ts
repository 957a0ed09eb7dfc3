// Rescue teams called out for an incident: for each team type the incident's kind needs (出动队伍配置: the deployment's
// table, read in the incident's own transaction, else the documented defaults — callout.settings.ts), the nearest
// available team of that type to the incident's location (straight line, nearest.ts), or — without a map pin — the
// first of that type registered in the incident's district. Each is told through its account's inbox and
// the incident's timeline records who was told; a team without an account is marked to be called by phone.
import { and, asc, eq, like } from 'drizzle-orm';
import { teamTypeLabels, type IncidentKind, type TeamType } from '@anjian/contracts';
import { emergencyIncidentNotices, emergencyResources } from '../../db/schema';
import type { Actor } from '../../platform/actor';
import type { DbOrTx } from '../../platform/db';
import { likePrefix } from '../../platform/scope';
import { cstDate } from '../../platform/time';
import { notify } from '../notifications/notifications.service';
import { loadTeamCallout } from './callout.settings';
import { userNames } from './duty.queries';
import { addTimeline } from './incidents.queries';
import type { IncidentRow } from './incidents.workflow';
import { findNearest } from './nearest';

/** L: how far a team may be to be called out by distance (km). */
export const CALL_OUT_MAX_KM = 100;

interface Picked {
  id: string;
  name: string;
  distanceM: number | null;
}

/**
 * Teams are dispatched across the province whoever reported (an enterprise's 快报 included), so the search runs in
 * the province of the incident rather than in the reporter's own scope.
 */
function dispatcherOf(actor: Actor, areaCode: string): Actor {
  return { ...actor, scopeKind: 'area', areaPrefix: areaCode.slice(0, 2), sectors: [], parkId: null, enterpriseId: null };
}

async function pickTeam(tx: DbOrTx, actor: Actor, row: IncidentRow, teamType: TeamType): Promise<Picked | null> {
  if (row.lng !== null && row.lat !== null) {
    const found = await findNearest(
      tx,
      dispatcherOf(actor, row.areaCode),
      { lng: row.lng, lat: row.lat },
      { kind: 'team', teamType, today: cstDate() },
      { maxKm: CALL_OUT_MAX_KM, limit: 1 },
    );
    const t = found.items[0];
    return t ? { id: t.id, name: t.name, distanceM: t.distanceM } : null;
  }
  const [t] = await tx
    .select({ id: emergencyResources.id, name: emergencyResources.name })
    .from(emergencyResources)
    .where(
      and(
        eq(emergencyResources.kind, 'team'),
        eq(emergencyResources.teamType, teamType),
        eq(emergencyResources.available, true),
        like(emergencyResources.areaCode, likePrefix(row.areaCode.slice(0, 6))),
      ),
    )
    .orderBy(asc(emergencyResources.name), asc(emergencyResources.id))
    .limit(1);
  return t ? { ...t, distanceM: null } : null;
}

export async function callOutTeams(tx: DbOrTx, actor: Actor, row: IncidentRow) {
  const { table } = await loadTeamCallout(tx);
  for (const teamType of table[row.kind as IncidentKind] ?? []) {
    const team = await pickTeam(tx, actor, row, teamType);
    if (!team) continue;
    const [res] = await tx
      .select({ contactUserId: emergencyResources.contactUserId })
      .from(emergencyResources)
      .where(eq(emergencyResources.id, team.id));
    const userId = res?.contactUserId ?? null;
    const [notice] = await tx
      .insert(emergencyIncidentNotices)
      .values({ incidentId: row.id, teamId: team.id, teamName: team.name, teamType, userId, distanceM: team.distanceM })
      .onConflictDoNothing()
      .returning();
    if (!notice) continue;
    const label = teamTypeLabels[teamType].zh;
    const far = team.distanceM === null ? '' : `，直线距离约 ${(team.distanceM / 1000).toFixed(1)} km`;
    if (!userId) {
      await addTimeline(tx, row.id, 'team_unreachable', null, `${team.name}（${label}）无平台账号，请电话调度${far}`);
      continue;
    }
    await notify(tx, [userId], {
      kind: 'awaiting_action',
      title: {
        zh: `出动通知：${row.address}（${row.deaths}死${row.missing}失踪${row.injured}伤）`,
        en: `Call-out: ${row.address}`,
      },
      entityType: 'incident_notice',
      entityId: notice.id,
      link: `/emergency/incident-notices/${notice.id}`,
      dedupeKey: `incident:${row.id}:team:${team.id}`,
    });
    const names = await userNames(tx, [userId]);
    await addTimeline(tx, row.id, 'team_notified', { id: userId, displayName: names.get(userId) ?? '' }, `${team.name}（${label}）${far}`);
  }
}
