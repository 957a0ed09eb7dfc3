// Which rollup level answers a question, and the root under the caller's scope and the requested area.
import { describe, expect, it } from 'vitest';
import type { Actor } from '../../platform/actor';
import { childLength, levelFor, rollupRoot } from './hazards.rollups';

const actor = (scopeKind: Actor['scopeKind'], areaPrefix: string | null): Actor => ({
  id: 'a',
  username: 'u',
  displayName: 'u',
  role: 'street_officer',
  orgId: null,
  orgName: null,
  areaCode: null,
  areaPrefix,
  sectors: [],
  parkId: null,
  enterpriseId: null,
  scopeKind,
  mustChangePassword: false,
});

describe('hazard rollup levels', () => {
  it('reads a root at its own level, and its children one level down (province → city → district → street → community → grid)', () => {
    expect([2, 4, 6, 9, 12, 15].map(levelFor)).toEqual([2, 4, 6, 9, 12, 15]);
    expect(levelFor(0)).toBe(2);
    expect(['', '44', '4403', '440307', '440307003', '440307003001'].map(childLength)).toEqual([2, 4, 6, 9, 12, 15]);
  });

  it('takes the narrower of the scope and the requested area, and nothing when they do not nest', () => {
    const street = actor('area', '440307003');
    expect(rollupRoot(street)).toBe('440307003');
    expect(rollupRoot(street, '440307')).toBe('440307003'); // a district asked by a street officer
    expect(rollupRoot(street, '440307003001')).toBe('440307003001');
    expect(rollupRoot(street, '440307004')).toBeNull();
    expect(rollupRoot(actor('park', null), '440307')).toBe('440307');
    expect(rollupRoot(actor('park', null))).toBe('');
  });
});
