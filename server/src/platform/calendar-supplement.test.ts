// The rules an entered year must pass (only what is certain) and the CLI's file format. Dates are invented fixtures.
import { describe, expect, it } from 'vitest';
import { isRealDate, parseCalendarFile, supplementIssues, type SupplementInput } from './calendar-supplement';

const ok: SupplementInput = {
  year: 2031,
  noticeTitle: '测试用虚构节假日安排',
  noticeNumber: '测试〔2099〕2号',
  holidays: ['2031-01-01', '2031-03-03'],
  workdays: ['2031-03-08'], // a Saturday
};
const fields = (i: SupplementInput) => supplementIssues(i).map((x) => x.field);

describe('supplement rules', () => {
  it('accepts a year that passes, with or without make-up days', () => {
    expect(supplementIssues(ok)).toEqual([]);
    expect(supplementIssues({ ...ok, workdays: [] })).toEqual([]);
  });
  it('refuses dates that do not exist, lie outside the year, or repeat', () => {
    expect(isRealDate('2031-02-29')).toBe(false);
    expect(isRealDate('2032-02-29')).toBe(true);
    expect(fields({ ...ok, holidays: ['2031-02-29', '2031-13-01', '31-01-01'] })).toEqual(['holidays.0', 'holidays.1', 'holidays.2']);
    expect(fields({ ...ok, holidays: ['2030-12-31', '2031-01-01'] })).toEqual(['holidays.0']);
    expect(fields({ ...ok, holidays: ['2031-01-01', '2031-01-01'] })).toEqual(['holidays.1']);
    expect(fields({ ...ok, workdays: ['2031-03-08', '2031-03-08'] })).toEqual(['workdays.1']);
  });
  it('refuses a day both off and worked, and a make-up working day on a weekday', () => {
    const both = supplementIssues({ ...ok, holidays: [...ok.holidays, '2031-03-08'] });
    expect(both).toEqual([{ field: 'workdays.0', zh: expect.stringContaining('既是放假日又是调休上班日'), en: expect.any(String) }]);
    const weekday = supplementIssues({ ...ok, workdays: ['2031-03-07'] }); // a Friday
    expect(weekday[0]).toMatchObject({
      field: 'workdays.0',
      zh: expect.stringContaining('不是周六或周日'),
      en: expect.stringContaining('Saturday'),
    });
    // A holiday on a weekend is normal (weekends inside a holiday block are listed as days off).
    expect(supplementIssues({ ...ok, holidays: [...ok.holidays, '2031-03-09'] })).toEqual([]);
  });
  it('needs a day off, the notice, and a year in range', () => {
    expect(fields({ ...ok, holidays: [] })).toEqual(['holidays']);
    expect(fields({ ...ok, noticeTitle: ' ', noticeNumber: '' })).toEqual(['noticeTitle', 'noticeNumber']);
    expect(fields({ ...ok, year: 1999 })).toEqual(['year']);
  });
  it('asks for confirmation before replacing a year chinese-days carries', () => {
    const y2025 = { ...ok, year: 2025, holidays: ['2025-01-01'], workdays: [] };
    expect(fields(y2025)).toEqual(['replacesPackage']);
    expect(supplementIssues({ ...y2025, replacesPackage: true })).toEqual([]);
  });
});

describe('calendar import file', () => {
  it('reads the JSON form (the API body plus the year)', () => {
    const f = parseCalendarFile(JSON.stringify(ok), '2031.json');
    expect(f).toEqual({
      year: 2031,
      noticeTitle: ok.noticeTitle,
      noticeNumber: ok.noticeNumber,
      holidays: ok.holidays,
      workdays: ok.workdays,
    });
    expect(() => parseCalendarFile('{"holidays": "2031-01-01"}', 'x.json')).toThrow(/holidays/);
  });
  it('reads CSV with the notice in comment lines, a header, Chinese or English kinds and a BOM', () => {
    const csv = [
      '\uFEFF# 标题：测试用虚构节假日安排',
      '# 文号: 测试〔2099〕2号',
      'date,kind',
      '2031-01-01,休',
      '2031-03-03，holiday',
      '',
      '2031-03-08,班',
    ].join('\r\n');
    expect(parseCalendarFile(csv, '2031.csv')).toEqual({
      noticeTitle: '测试用虚构节假日安排',
      noticeNumber: '测试〔2099〕2号',
      holidays: ['2031-01-01', '2031-03-03'],
      workdays: ['2031-03-08'],
    });
    expect(() => parseCalendarFile('2031-01-01,holiday\n2031-03-08,maybe', 'x.csv')).toThrow(/line 2/);
  });
});
