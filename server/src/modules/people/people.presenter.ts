// People and certificates → response whitelists. The identity number leaves the server in full only for a caller the
// masking policy lets see it (platform/masking.ts, subject staffIdentity: the enterprise's own accounts); everyone else
// gets the masked form stored with the row, and the sealed value is not even opened. Phones follow the enterprise
// contact policy. Certificate status, due dates and the review window come from people.rules.ts.
import {
  can,
  type CertificateKind,
  type CertificateStatus,
  type CertificateView,
  type PersonDetail,
  type PersonPost,
  type PersonView,
} from '@anjian/contracts';
import type { Actor } from '../../platform/actor';
import type { DbOrTx } from '../../platform/db';
import { phoneFor, seesInFull } from '../../platform/masking';
import { daysBetween } from '../../platform/time';
import { certificatesOfPerson, namesFor, retrainingOfPerson, type CertificateRow, type PersonRow } from './people.queries';
import { certificateSchedule, certificateStatus, operationItemName } from './people.rules';
import { unsealIdNumber } from './people.vault';

type Names = Awaited<ReturnType<typeof namesFor>>;

export function isCurrent(p: Pick<PersonRow, 'employedFrom' | 'employedTo'>, today: string) {
  return p.employedFrom <= today && (!p.employedTo || p.employedTo >= today);
}

export function presentPerson(actor: Actor, row: PersonRow, names: Names, vaultKey: string, today: string): PersonView {
  const manage = can(actor.role, 'people.manage') && actor.enterpriseId === row.enterpriseId;
  const full = seesInFull(actor, { kind: 'staffIdentity', enterpriseId: row.enterpriseId });
  return {
    id: row.id,
    enterpriseId: row.enterpriseId,
    enterpriseName: names.enterprises.get(row.enterpriseId) ?? null,
    name: row.name,
    idNumber: full ? unsealIdNumber(vaultKey, row.idNumberSealed) : row.idNumberMasked,
    phone: phoneFor(actor, { kind: 'enterpriseContact', enterpriseId: row.enterpriseId }, row.phone),
    post: row.post as PersonPost,
    postTitle: row.postTitle,
    employedFrom: row.employedFrom,
    employedTo: row.employedTo,
    current: isCurrent(row, today),
    version: row.version,
    abilities: manage ? ['update', 'addCertificate'] : [],
  };
}

export function itemNameOf(row: Pick<CertificateRow, 'kind' | 'operationItem' | 'itemText'>): string | null {
  if (row.kind === 'special_operation' && row.operationItem) return operationItemName(row.operationItem) ?? row.operationItem;
  return row.itemText;
}

export function certificateStatusOf(row: CertificateRow, today: string): CertificateStatus {
  return certificateStatus(certificateSchedule({ ...row, kind: row.kind as CertificateKind }), row.revokedOn, today);
}

export function presentCertificate(actor: Actor, row: CertificateRow, names: Names, today: string): CertificateView {
  const s = certificateSchedule({ ...row, kind: row.kind as CertificateKind });
  const status = certificateStatus(s, row.revokedOn, today);
  const abilities: string[] = [];
  if (can(actor.role, 'people.manage') && actor.enterpriseId === row.enterpriseId && status !== 'revoked') abilities.push('update');
  if (can(actor.role, 'certificate.revoke') && status !== 'revoked') abilities.push('revoke');
  const person = names.people.get(row.personId);
  return {
    id: row.id,
    personId: row.personId,
    personName: person?.name ?? '',
    post: (person?.post ?? 'other') as PersonPost,
    enterpriseId: row.enterpriseId,
    enterpriseName: names.enterprises.get(row.enterpriseId) ?? null,
    kind: row.kind as CertificateKind,
    operationItem: row.operationItem,
    itemName: itemNameOf(row),
    number: row.number,
    issuer: row.issuer,
    issuedOn: row.issuedOn,
    expiresOn: row.expiresOn,
    reviewedOn: row.reviewedOn,
    reviewExtended: row.reviewExtended,
    nextReviewOn: s.nextReviewOn,
    dueOn: s.dueOn,
    windowOpensOn: s.windowOpensOn,
    status,
    daysLeft: daysBetween(today, s.dueOn),
    revokedOn: row.revokedOn,
    revokeReason: row.revokeReason,
    version: row.version,
    abilities,
  };
}

export async function presentPeople(db: DbOrTx, actor: Actor, rows: PersonRow[], vaultKey: string, today: string) {
  const names = await namesFor(db, [], [...new Set(rows.map((r) => r.enterpriseId))]);
  return rows.map((r) => presentPerson(actor, r, names, vaultKey, today));
}

export async function presentCertificates(db: DbOrTx, actor: Actor, rows: CertificateRow[], today: string) {
  const names = await namesFor(db, [...new Set(rows.map((r) => r.personId))], [...new Set(rows.map((r) => r.enterpriseId))]);
  return rows.map((r) => presentCertificate(actor, r, names, today));
}

export async function presentPersonDetail(
  db: DbOrTx,
  actor: Actor,
  row: PersonRow,
  vaultKey: string,
  today: string,
): Promise<PersonDetail> {
  const names = await namesFor(db, [row.id], [row.enterpriseId]);
  const [certs, duties] = await Promise.all([certificatesOfPerson(db, row.id), retrainingOfPerson(db, row.id)]);
  return {
    ...presentPerson(actor, row, names, vaultKey, today),
    certificates: certs.map((c) => presentCertificate(actor, c, names, today)),
    retraining: duties.map((d) => ({
      id: d.id,
      accidentId: d.accidentId,
      dueOn: d.dueOn,
      completedOn: d.completedOn,
      overdue: !d.completedOn && d.dueOn < today,
    })),
  };
}

/** The audit entry's picture of a person: never the identity number, only its masked form. */
export function auditPerson(
  row: Pick<PersonRow, 'name' | 'idNumberMasked' | 'post' | 'postTitle' | 'employedFrom' | 'employedTo' | 'version'>,
) {
  return {
    name: row.name,
    idNumberMasked: row.idNumberMasked,
    post: row.post,
    postTitle: row.postTitle,
    employedFrom: row.employedFrom,
    employedTo: row.employedTo,
    version: row.version,
  };
}

export function auditCertificate(row: CertificateRow) {
  return {
    personId: row.personId,
    kind: row.kind,
    operationItem: row.operationItem,
    itemText: row.itemText,
    number: row.number,
    issuer: row.issuer,
    issuedOn: row.issuedOn,
    expiresOn: row.expiresOn,
    reviewedOn: row.reviewedOn,
    reviewExtended: row.reviewExtended,
    revokedOn: row.revokedOn,
    revokeReason: row.revokeReason,
    version: row.version,
  };
}
