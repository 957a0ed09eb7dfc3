import { describe, expect, it } from 'vitest';
import { roleScopeKind } from '@anjian/contracts';
import type { Actor } from './actor';
import {
  isMaskedPhone,
  maskAddress,
  maskDeep,
  maskFreeText,
  maskIdNumber,
  maskPersonName,
  maskPhone,
  mayRevealContacts,
  seesInFull,
} from './masking';

describe('mask', () => {
  it('masks identity numbers keeping region and last four', () => {
    expect(maskIdNumber('44030719800101123X')).toBe('440307********123X');
    expect(maskIdNumber('440307800101123')).toBe('440307*****1123');
    expect(maskIdNumber('1234')).toBe('****');
    expect(maskIdNumber(null)).toBeNull();
  });
  it('masks phones', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
    expect(maskPhone('0755-28881234')).toBe('********1234');
  });
  it('masks home addresses and names', () => {
    expect(maskAddress('深圳市龙岗区龙城街道爱联社区某路12号301')).toBe('深圳市龙岗区龙城街道****');
    expect(maskAddress('某地某路1号')).toBe('****');
    expect(maskPersonName('张三丰')).toBe('张＊＊');
  });
  it('masks numbers inside free text', () => {
    expect(maskFreeText('当事人张三（身份证44030719800101123X，电话13812345678）')).toBe(
      '当事人张三（身份证440307********123X，电话138****5678）',
    );
  });
});

describe('the personal-data policy', () => {
  const actor = (role: Actor['role'], o: Partial<Actor> = {}): Actor => ({
    id: 'u',
    username: 'u',
    displayName: 'u',
    role,
    orgId: 'org-street',
    orgName: null,
    areaCode: null,
    areaPrefix: null,
    sectors: [],
    parkId: null,
    enterpriseId: null,
    scopeKind: roleScopeKind[role],
    mustChangePassword: false,
    ...o,
  });
  const contact = { kind: 'enterpriseContact', enterpriseId: 'e1' } as const;
  const person = { kind: 'caseParty', partyKind: 'natural_person', orgId: 'org-street', enterpriseId: 'e1' } as const;
  const company = { ...person, partyKind: 'organisation' } as const;

  it("shows enterprise contacts to the district and the enterprise's own users, masked to other officers", () => {
    expect(seesInFull(actor('district_officer'), contact)).toBe(true);
    expect(seesInFull(actor('district_leader'), contact)).toBe(true);
    expect(seesInFull(actor('enterprise_principal', { enterpriseId: 'e1' }), contact)).toBe(true);
    expect(seesInFull(actor('enterprise_principal', { enterpriseId: 'e2' }), contact)).toBe(false);
    for (const r of ['street_officer', 'grid_inspector', 'park_officer', 'industry_officer'] as const) {
      expect(seesInFull(actor(r), contact), r).toBe(false);
      expect(mayRevealContacts(actor(r), 'e1'), r).toBe(true);
    }
    expect(mayRevealContacts(actor('district_officer'), 'e1')).toBe(false);
    expect(seesInFull(null, contact)).toBe(false);
  });

  it('shows a natural-person party to the officers handling the case, never to an enterprise user', () => {
    expect(seesInFull(actor('district_officer', { orgId: 'bureau' }), person)).toBe(true);
    expect(seesInFull(actor('street_officer'), person)).toBe(true); // the filing street office
    expect(seesInFull(actor('street_officer', { orgId: 'other' }), person)).toBe(false);
    expect(seesInFull(actor('grid_inspector'), person)).toBe(false); // same org, but does not handle cases
    expect(seesInFull(actor('enterprise_principal', { enterpriseId: 'e1', orgId: null }), person)).toBe(false);
    expect(seesInFull(actor('enterprise_principal', { enterpriseId: 'e1', orgId: null }), company)).toBe(true);
    expect(seesInFull(null, person)).toBe(false);
  });

  it('keeps account phones to the administrator and audit entries masked for everyone', () => {
    expect(seesInFull(actor('sys_admin'), { kind: 'account' })).toBe(true);
    expect(seesInFull(actor('audit_admin'), { kind: 'auditRecord' })).toBe(false);
    expect(maskDeep({ principalPhone: '0755-28881234', partyIdNumber: '44030719800101123X', note: '电话13812345678' })).toEqual({
      principalPhone: '********1234',
      partyIdNumber: '440307********123X',
      note: '电话138****5678',
    });
  });

  it('recognises a phone it masked (an export read back)', () => {
    expect(isMaskedPhone('138****5678')).toBe(true);
    expect(isMaskedPhone('13812345678')).toBe(false);
  });
});
