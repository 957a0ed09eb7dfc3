// Personal data by role: the one policy deciding who sees natural persons' identity numbers (身份证号), phone numbers
// and home addresses in full, and the masks everyone else gets. Presenters, exports and documents ask `seesInFull`
// and mask with the functions below; nothing else decides. Organisations' names, credit codes and business addresses
// are not personal data and stay readable (个人信息保护法 §28 and 政府信息公开 practice: identity numbers, contact numbers
// and home addresses of natural persons are withheld unless the reader needs them for the task at hand).
import { can, grants, type Role } from '@anjian/contracts';
import type { Actor } from './actor';

// ── The masks ────────────────────────────────────────────────────────────────────────────────────────────────────

/** 18-digit 居民身份证号 (or 15-digit old form): keep the first 6 (region) and last 4. */
export function maskIdNumber(id: string | null | undefined): string | null {
  if (!id) return null;
  const s = id.trim();
  if (s.length <= 8) return '*'.repeat(s.length);
  return `${s.slice(0, 6)}${'*'.repeat(s.length - 10)}${s.slice(-4)}`;
}

/** Mobile 138****5678; other numbers keep only the last 4 digits. */
export function maskPhone(phone: string | null | undefined): string | null {
  if (!phone) return null;
  const digits = phone.replace(/\D/g, '');
  if (/^1\d{10}$/.test(digits)) return `${digits.slice(0, 3)}****${digits.slice(-4)}`;
  if (digits.length <= 4) return '*'.repeat(digits.length);
  return `${'*'.repeat(digits.length - 4)}${digits.slice(-4)}`;
}

/** True for a value maskPhone produced: digits and asterisks only, at least one asterisk (an export read back). */
export function isMaskedPhone(value: string): boolean {
  return /^\d*\*+\d*$/.test(value.trim());
}

/** A natural person's home address: only up to the district/street words are kept (e.g. 深圳市龙岗区龙城街道****). */
export function maskAddress(address: string | null | undefined): string | null {
  if (!address) return null;
  const m = address.match(/^(.*?(?:街道|镇|乡))/) ?? address.match(/^(.*?(?:区|县|市))/);
  return `${m ? m[1] : ''}****`;
}

/** A natural person's name: family name + ＊ (张＊＊). */
export function maskPersonName(name: string | null | undefined): string | null {
  if (!name) return null;
  const chars = [...name.trim()];
  return chars.length <= 1 ? '＊' : `${chars[0]}${'＊'.repeat(chars.length - 1)}`;
}

/** An 18-character 身份证号 where it stands alone (region, a 19xx/20xx birth date, sequence, check character). */
export const ID_NUMBER_IN_TEXT =
  /(?<![0-9A-Za-z])\d{6}(?:18|19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}[\dXx](?![0-9A-Za-z])/g;
/** A mainland mobile number where it stands alone. */
export const MOBILE_IN_TEXT = /(?<![0-9A-Za-z])1[3-9]\d{9}(?![0-9A-Za-z])/g;

/** Any identity number or mobile number inside free text (violation facts, hearing records, log lines) is masked. */
export function maskFreeText(text: string): string {
  return text.replace(ID_NUMBER_IN_TEXT, (s) => maskIdNumber(s)!).replace(MOBILE_IN_TEXT, (s) => maskPhone(s)!);
}

/**
 * A JSON value (an audit entry's before/after) with personal data masked: fields named like a phone, an identity
 * number or a party's address by their mask, and every other string by maskFreeText.
 */
export function maskDeep(value: unknown, key = ''): unknown {
  if (typeof value === 'string') {
    if (/phone/i.test(key)) return maskPhone(value);
    if (/idNumber/i.test(key)) return maskIdNumber(value);
    if (/^partyAddress$/.test(key)) return maskAddress(value);
    return maskFreeText(value);
  }
  if (Array.isArray(value)) return value.map((v) => maskDeep(v, key));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, maskDeep(v, k)]));
  }
  return value;
}

// ── The policy ───────────────────────────────────────────────────────────────────────────────────────────────────

/** Whose personal data a record carries. */
export type Subject =
  /** The principal's and safety manager's phones of an enterprise, and the emergency phones of its risk units. */
  | { kind: 'enterpriseContact'; enterpriseId: string }
  /** The party of a penalty case: a natural person's identity number, phone and home address, or an organisation's contact. */
  | { kind: 'caseParty'; partyKind: string; orgId: string | null; enterpriseId: string }
  /** A staff member's identity number in an enterprise's 三项岗位 list (modules/people). */
  | { kind: 'staffIdentity'; enterpriseId: string }
  /** An exposed worker's name, identity number and health-check results (modules/occupational-health). */
  | { kind: 'healthRecord'; enterpriseId: string }
  /** A platform account's phone. */
  | { kind: 'account' }
  /** The contact person of an emergency resource (a depot keeper, a team leader, an expert). */
  | { kind: 'emergencyContact' }
  /** Personal data inside audit entries. */
  | { kind: 'auditRecord' };

/**
 * Roles that see a kind of personal data in full wherever they can read the record. Everyone else gets the masked form,
 * except through the relations in seesInFull (an enterprise's own users, the officers handling a case).
 */
export const fullViewRoles: Record<Subject['kind'], readonly Role[]> = {
  // The district bureau supervises and enforces against every enterprise and needs to reach its people.
  enterpriseContact: ['district_officer', 'district_leader'],
  // The district's law-enforcement officers and the leader who reviews and signs the decision.
  caseParty: ['district_officer', 'district_leader'],
  // Officers check certificates by name, post and certificate number; the identity number stays with the enterprise.
  staffIdentity: [],
  // Health-check results are medical data (职业病防治法 §39: the employer keeps the 健康监护档案); officers see that a
  // check was done, not its result, nor the worker's identity.
  healthRecord: [],
  // Whoever takes an emergency call must be able to ring the team, the depot or the expert at once.
  emergencyContact: ['district_leader', 'district_officer', 'street_officer'],
  // The platform administrator keeps the accounts, and no other role reads them.
  account: ['sys_admin'],
  // The audit administrator reviews who did what; the personal data inside the entries is not needed for that.
  auditRecord: [],
};

/**
 * Roles that see enterprise contacts masked but may open one enterprise's full contacts with a stated reason, each time
 * audited as `contact.reveal` (a street or grid officer who must phone the principal about a hidden danger).
 */
export const contactRevealRoles: readonly Role[] = grants['enterprise.revealContacts'];

/** Does this caller see the subject's personal data in full? (null: an anonymous reader of the public pages.) */
export function seesInFull(actor: Actor | null, s: Subject): boolean {
  if (!actor) return false;
  if (fullViewRoles[s.kind].includes(actor.role)) return true;
  switch (s.kind) {
    case 'enterpriseContact':
      // An enterprise's own accounts see their own staff's contacts.
      return actor.scopeKind === 'enterprise' && actor.enterpriseId === s.enterpriseId;
    case 'caseParty':
      // The officers of the organisation that filed the case handle it.
      if (actor.orgId !== null && actor.orgId === s.orgId && can(actor.role, 'case.manage')) return true;
      // An enterprise sees its own contact data as a party, never a natural person's (even one in its own case).
      return s.partyKind !== 'natural_person' && actor.scopeKind === 'enterprise' && actor.enterpriseId === s.enterpriseId;
    case 'staffIdentity':
      // The enterprise keeps its own staff list and checks it against the identity cards.
      return actor.scopeKind === 'enterprise' && actor.enterpriseId === s.enterpriseId;
    case 'healthRecord':
      // The employer keeps its workers' health surveillance files.
      return actor.scopeKind === 'enterprise' && actor.enterpriseId === s.enterpriseId;
    case 'account':
    case 'auditRecord':
    case 'emergencyContact':
      return false;
  }
}

/** May this caller reveal an enterprise's contacts (it sees them masked and its role may ask, with a reason)? */
export function mayRevealContacts(actor: Actor, enterpriseId: string): boolean {
  return contactRevealRoles.includes(actor.role) && !seesInFull(actor, { kind: 'enterpriseContact', enterpriseId });
}

/** A phone as this caller may see it. */
export function phoneFor(actor: Actor | null, s: Subject, phone: string | null): string | null {
  return seesInFull(actor, s) ? phone : maskPhone(phone);
}
