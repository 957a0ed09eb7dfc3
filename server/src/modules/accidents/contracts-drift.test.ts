// The key lists the web app and request schemas use (packages/contracts) must equal the reference
// data they mirror (server/src/reference), or a request could name a category, level or duty the rules
// do not know.
import { describe, expect, it } from 'vitest';
import { accidentCategories, accidentLevels, followUpDutyKeys, rateIds, reportingTiers, timelinessValues } from '@anjian/contracts';
import { ACCIDENT_CATEGORIES, ACCIDENT_LEVELS } from '../../reference/accidents/accident-level';
import { FOLLOW_UP_DUTIES } from '../../reference/accidents/investigation';
import { REPORTING_TIERS, TIMELINESS_LABELS } from '../../reference/accidents/reporting';
import { RATE_IDS } from '../../reference/indicators/rates';

describe('contracts mirror the reference key lists', () => {
  it('categories, levels, tiers, timeliness, duties and rates', () => {
    expect([...accidentCategories]).toEqual([...ACCIDENT_CATEGORIES]);
    expect([...accidentLevels]).toEqual([...ACCIDENT_LEVELS]);
    expect([...reportingTiers]).toEqual([...REPORTING_TIERS]);
    expect([...timelinessValues].sort()).toEqual(Object.keys(TIMELINESS_LABELS).sort());
    expect([...followUpDutyKeys]).toEqual([...FOLLOW_UP_DUTIES]);
    expect([...rateIds]).toEqual([...RATE_IDS]);
  });
});
