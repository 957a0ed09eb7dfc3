import { describe, expect, it } from 'vitest';
import { parseDates } from './dates';

describe('calendar form date lists', () => {
  it('reads single dates in several spellings and separators', () => {
    expect(parseDates('2031-01-01\n2031/3/3， 2031.03.08、2031-03-09')).toEqual({
      dates: ['2031-01-01', '2031-03-03', '2031-03-08', '2031-03-09'],
      errors: [],
    });
  });
  it('expands a holiday block written as a range', () => {
    expect(parseDates('2031-02-05 ~ 2031-02-08').dates).toEqual(['2031-02-05', '2031-02-06', '2031-02-07', '2031-02-08']);
    expect(parseDates('2031-12-30至2032-01-01').dates).toEqual(['2031-12-30', '2031-12-31', '2032-01-01']);
  });
  it('names what it cannot read', () => {
    const r = parseDates('2031-02-30 春节 2031-02-08~2031-02-01 2031-01-01~2031-03-01 2031-05-01');
    expect(r.dates).toEqual(['2031-05-01']);
    expect(r.errors).toEqual(['2031-02-30', '春节', '2031-02-08~2031-02-01', '2031-01-01~2031-03-01']);
  });
});
