// Who a 执法文书 is addressed to and who signs it, as the official templates print them: an organisation party by its
// registry entry (名称、统一社会信用代码、法定代表人、地址 — the 企业档案, never a name typed at filing), a natural
// person by the identity recorded on the case; the officers by name and 行政执法证号.
import { inArray } from 'drizzle-orm';
import { users } from '../../../db/schema';
import type { DbOrTx } from '../../../platform/db';
import type { CaseRow } from '../cases/cases.queries';
import { caseInvestigatorIds } from '../cases/hearing.queries';

export interface DocumentParty {
  kind: 'organisation' | 'natural_person';
  name: string;
  creditCode?: string | null;
  legalRepresentative?: string | null;
  address?: string | null;
  idNumber?: string | null;
  /** A natural person's employer: the enterprise the case was filed under. */
  employer?: string | null;
}

export interface DocumentOfficer {
  name: string;
  certNo: string | null;
}

interface RegistryEntry {
  name: string;
  creditCode: string;
  legalRepresentative: string | null;
  address: string;
}

/** The case columns of an organisation party, copied from the enterprise registry at filing. */
export function registryPartyColumns(e: RegistryEntry) {
  return {
    partyName: e.name,
    partyCreditCode: e.creditCode,
    partyLegalRepresentative: e.legalRepresentative,
    partyAddress: e.address,
  };
}

/** An inspected enterprise as the inspection documents' 被检查单位. */
export function enterpriseParty(e: RegistryEntry): DocumentParty {
  return { kind: 'organisation', ...partyOf(registryPartyColumns(e)) };
}

function partyOf(c: ReturnType<typeof registryPartyColumns>) {
  return { name: c.partyName, creditCode: c.partyCreditCode, legalRepresentative: c.partyLegalRepresentative, address: c.partyAddress };
}

/** The party of a case's 告知书 / 听证通知书 / 决定书. */
export function caseParty(
  c: Pick<CaseRow, 'partyKind' | 'partyName' | 'partyCreditCode' | 'partyLegalRepresentative' | 'partyAddress' | 'partyIdNumber'>,
  e: { name: string },
): DocumentParty {
  if (c.partyKind === 'organisation') {
    return {
      kind: 'organisation',
      name: c.partyName,
      creditCode: c.partyCreditCode,
      legalRepresentative: c.partyLegalRepresentative,
      address: c.partyAddress,
    };
  }
  return { kind: 'natural_person', name: c.partyName, idNumber: c.partyIdNumber, address: c.partyAddress, employer: e.name };
}

/** Names and 执法证号 of the given accounts, in the given order (unknown ids dropped, duplicates once). */
export async function officersOf(db: DbOrTx, ids: readonly string[]): Promise<DocumentOfficer[]> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return [];
  const rows = await db
    .select({ id: users.id, name: users.displayName, certNo: users.enforcementCertNo })
    .from(users)
    .where(inArray(users.id, unique));
  const byId = new Map(rows.map((r) => [r.id, r]));
  return unique.flatMap((id) => {
    const r = byId.get(id);
    return r ? [{ name: r.name, certNo: r.certNo }] : [];
  });
}

/** The officers of a case's documents: its investigators (行政处罚法 §42: at least two), the filer first. */
export async function caseOfficerIds(db: DbOrTx, c: Pick<CaseRow, 'id' | 'createdBy' | 'inspectionId'>): Promise<string[]> {
  const others = [...(await caseInvestigatorIds(db, c))].filter((id) => id !== c.createdBy).sort();
  return c.createdBy ? [c.createdBy, ...others] : others;
}
