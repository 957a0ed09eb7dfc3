// The call-out settings page's table helpers: what differs from the saved table or the defaults, and what is empty.
import { describe, expect, it } from 'vitest';
import { changedKinds, emptyKinds, type CalloutTable } from './callout';

const defaults: CalloutTable = {
  production_safety: ['general', 'medical'],
  fire: ['fire_rescue'],
  natural_disaster: ['flood', 'general'],
  traffic: ['medical'],
  other: ['general'],
};

describe('call-out table helpers', () => {
  it('lists the kinds that differ, in the kinds’ order, counting the order of team types', () => {
    expect(changedKinds(defaults, { ...defaults })).toEqual([]);
    const edited: CalloutTable = {
      ...defaults,
      other: ['general', 'hazmat'],
      fire: ['fire_rescue'],
      production_safety: ['medical', 'general'],
    };
    expect(changedKinds(edited, defaults)).toEqual(['production_safety', 'other']);
  });

  it('lists the kinds with no team type chosen', () => {
    expect(emptyKinds(defaults)).toEqual([]);
    expect(emptyKinds({ ...defaults, traffic: [], fire: [] })).toEqual(['fire', 'traffic']);
  });
});
