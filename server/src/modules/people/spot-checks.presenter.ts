// Spot checks → response whitelists: the draw with its rule and tallies, each sampled holder with the certificate's
// number and item, the holder's name and post (no identity number: the field team checks the card in hand), the
// outcome, and `record` while no outcome is recorded and the caller may record one.
import {
  can,
  type CertificateKind,
  type Sector,
  type SpotCheckDetail,
  type SpotCheckItemView,
  type SpotCheckOutcome,
  type SpotCheckView,
} from '@anjian/contracts';
import type { Actor } from '../../platform/actor';
import type { DbOrTx } from '../../platform/db';
import { namesFor } from './people.queries';
import { itemNameOf } from './people.presenter';
import { areaNames, certificatesByIds, itemsOf, tallies, userNames, type SpotCheckItemRow, type SpotCheckRow } from './spot-checks.queries';

export async function presentSpotChecks(db: DbOrTx, rows: SpotCheckRow[]): Promise<SpotCheckView[]> {
  const [counts, drawers, places] = await Promise.all([
    tallies(
      db,
      rows.map((r) => r.id),
    ),
    userNames(db, [...new Set(rows.map((r) => r.drawnBy).filter((x): x is string => !!x))]),
    areaNames(db, [...new Set(rows.map((r) => r.areaCode))]),
  ]);
  return rows.map((r) => {
    const t = counts.get(r.id) ?? { checked: 0, failed: 0, revoked: 0 };
    return {
      id: r.id,
      title: r.title,
      areaCode: r.areaCode,
      areaName: places.get(r.areaCode) ?? null,
      sector: r.sector as Sector | null,
      kind: r.kind as CertificateKind | null,
      sampleSize: r.sampleSize,
      ratio: r.ratio,
      population: r.population,
      drawnOn: r.drawnOn,
      drawnByName: r.drawnBy ? (drawers.get(r.drawnBy) ?? null) : null,
      checked: t.checked,
      failed: t.failed,
      revoked: t.revoked,
      createdAt: r.createdAt.toISOString(),
    };
  });
}

export async function presentSpotItems(db: DbOrTx, actor: Actor, rows: SpotCheckItemRow[]): Promise<SpotCheckItemView[]> {
  const [certs, names] = await Promise.all([
    certificatesByIds(
      db,
      rows.map((r) => r.certificateId),
    ),
    namesFor(db, [...new Set(rows.map((r) => r.personId))], [...new Set(rows.map((r) => r.enterpriseId))]),
  ]);
  const mayRecord = can(actor.role, 'spot_check.manage');
  return rows.map((r) => {
    const c = certs.get(r.certificateId)!;
    const person = names.people.get(r.personId);
    return {
      id: r.id,
      certificateId: r.certificateId,
      certificateNumber: c.number,
      kind: c.kind as CertificateKind,
      itemName: itemNameOf(c),
      personName: person?.name ?? '',
      post: (person?.post ?? 'other') as SpotCheckItemView['post'],
      enterpriseId: r.enterpriseId,
      enterpriseName: names.enterprises.get(r.enterpriseId) ?? null,
      outcome: r.outcome as SpotCheckOutcome | null,
      checkedOn: r.checkedOn,
      note: r.note,
      photoId: r.photoId,
      revoked: r.revoked,
      version: r.version,
      abilities: mayRecord && !r.outcome ? ['record'] : [],
    };
  });
}

export async function presentSpotCheckDetail(db: DbOrTx, actor: Actor, row: SpotCheckRow): Promise<SpotCheckDetail> {
  const [view] = await presentSpotChecks(db, [row]);
  return { ...view!, items: await presentSpotItems(db, actor, await itemsOf(db, actor, row.id)) };
}
