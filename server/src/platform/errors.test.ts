// Field errors read as a person would say them: a text's length limit in characters, in both languages, not the
// zod locale's "数值过大：期望 string <=50 字符".
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { sizeText, zodDetails } from './errors';

describe('zodDetails', () => {
  const schema = z.object({ name: z.string().min(2).max(5), count: z.number().max(3) });

  it('states a text length limit in characters', () => {
    const long = schema.safeParse({ name: '一二三四五六', count: 1 });
    const short = schema.safeParse({ name: '一', count: 1 });
    expect(zodDetails(long.error!.issues, 'zh')).toEqual([{ field: 'name', message: '最多 5 个字符' }]);
    expect(zodDetails(long.error!.issues, 'en')).toEqual([{ field: 'name', message: 'At most 5 characters' }]);
    expect(zodDetails(short.error!.issues, 'zh')).toEqual([{ field: 'name', message: '至少 2 个字符' }]);
    expect(zodDetails(short.error!.issues, 'en')).toEqual([{ field: 'name', message: 'At least 2 characters' }]);
  });

  it('states a number limit and a list length in words, not the locale\'s "期望 number <=3"', () => {
    const issues = schema.safeParse({ name: '一二', count: 9 }).error!.issues;
    expect(zodDetails(issues, 'zh')).toEqual([{ field: 'count', message: '不能大于 3' }]);
    expect(zodDetails(issues, 'en')).toEqual([{ field: 'count', message: 'At most 3' }]);
    const positive = z.number().positive().safeParse(0).error!.issues;
    expect(zodDetails(positive, 'zh')).toEqual([{ field: '', message: '须大于 0' }]);
    const list = z.array(z.number()).max(2).safeParse([1, 2, 3]).error!.issues;
    expect(zodDetails(list, 'zh')).toEqual([{ field: '', message: '最多 2 项' }]);
    expect(zodDetails(list, 'en')).toEqual([{ field: '', message: 'At most 2 items' }]);
  });

  it('leaves other limits to the locale, under the field', () => {
    const [d] = zodDetails(z.object({ on: z.date().max(new Date(0)) }).safeParse({ on: new Date() }).error!.issues, 'zh');
    expect(d!.field).toBe('on');
    expect(d!.message).not.toBe('');
  });

  it('names a wrong type in words, not the locale\'s "期望 int，实际接收 数字"', () => {
    const typed = z.object({ n: z.int(), s: z.string(), b: z.boolean(), l: z.array(z.string()) });
    const issues = typed.safeParse({ n: 1.5, s: 3, b: 'yes', l: null }, { reportInput: true }).error!.issues;
    expect(zodDetails(issues, 'zh')).toEqual([
      { field: 'n', message: '须为整数' },
      { field: 's', message: '须为文字（收到的是数字）' },
      { field: 'b', message: '须为是或否（true/false）（收到的是文字）' },
      { field: 'l', message: '须为列表（收到的是空值（null））' },
    ]);
    expect(zodDetails(issues, 'en')).toEqual([
      { field: 'n', message: 'Must be a whole number' },
      { field: 's', message: 'Must be text (received a number)' },
      { field: 'b', message: 'Must be true or false (received text)' },
      { field: 'l', message: 'Must be a list (received null)' },
    ]);
    const counted = z.object({ n: z.number() }).safeParse({ n: 'x' }, { reportInput: true }).error!.issues;
    expect(zodDetails(counted, 'zh')).toEqual([{ field: 'n', message: '须为数字（收到的是文字）' }]);
  });

  it("lists the allowed values, refuses an unknown field and names a bad id without the locale's wording", () => {
    const shaped = z.object({ kind: z.enum(['a', 'b']), id: z.uuid(), n: z.number() }).strict();
    const issues = shaped.safeParse({ kind: 'c', id: 'x', n: Number.NaN, extra: 1 }, { reportInput: true }).error!.issues;
    expect(zodDetails(issues, 'zh')).toEqual([
      { field: 'kind', message: '须为以下之一：a、b' },
      { field: 'id', message: '须为有效的编号（UUID）' },
      { field: 'n', message: '须为数字' },
      { field: 'extra', message: '不接受此字段' },
    ]);
    expect(zodDetails(issues, 'en').map((d) => d.message)).toEqual([
      'Must be one of: a, b',
      'Must be a valid id (UUID)',
      'Must be a number',
      'This field is not accepted',
    ]);
  });
});

describe('sizeText', () => {
  it('writes a byte limit the way the 413 detail states it', () => {
    expect(sizeText(1024 * 1024)).toBe('1 MB');
    expect(sizeText(20 * 1024 * 1024)).toBe('20 MB');
    expect(sizeText(512 * 1024)).toBe('512 KB');
    expect(sizeText(1536 * 1024)).toBe('1536 KB');
    expect(sizeText(100)).toBe('100 B');
  });
});
