import { afterEach, describe, expect, it } from 'vitest';
import { ApiError, setApiLanguage } from '../api/client';
import { applyApiErrors, joinMessages } from './apiErrors';

function fakeForm(values: Record<string, unknown>) {
  const set: { name: unknown; errors?: string[] }[] = [];
  return { set, form: { getFieldsValue: () => values, setFields: (f: typeof set) => void set.push(...f) } as never };
}

const invalid = (details: { field: string; message: string }[]) =>
  new ApiError(400, { error: { code: 'VALIDATION', message: '输入有误，请检查标注的字段', details } });

// The language is module state in the API client; each test leaves it as the app starts, in Chinese.
afterEach(() => setApiLanguage('zh'));

describe('applyApiErrors', () => {
  it('puts an error under the field named by its path’s first segment', () => {
    const { set, form } = fakeForm({ address: 'x' });
    expect(applyApiErrors(form, invalid([{ field: 'address', message: '太长' }]))).toBeNull();
    expect(set).toEqual([{ name: 'address', errors: ['太长'] }]);
  });

  it('puts a nested body field under the form field it is renamed to, not into a toast with its path', () => {
    const { set, form } = fakeForm({ reporterPhone: '12345', reporterIdNumber: '123' });
    const rest = applyApiErrors(
      form,
      invalid([
        { field: 'reporter.phone', message: '电话号码格式不正确' },
        { field: 'reporter.idNumber', message: '身份证号应为 18 位' },
      ]),
      { 'reporter.phone': 'reporterPhone', 'reporter.idNumber': 'reporterIdNumber' },
    );
    expect(rest).toBeNull();
    expect(set).toEqual([
      { name: 'reporterPhone', errors: ['电话号码格式不正确'] },
      { name: 'reporterIdNumber', errors: ['身份证号应为 18 位'] },
    ]);
  });

  it('returns the message and the unplaced fields for a toast', () => {
    const { form } = fakeForm({ address: 'x' });
    expect(applyApiErrors(form, invalid([{ field: 'other', message: '不对' }]))).toBe('输入有误，请检查标注的字段；other: 不对');
  });

  it('joins the toast with an English semicolon when the UI is in English', () => {
    setApiLanguage('en');
    const { form } = fakeForm({ address: 'x' });
    const e = new ApiError(400, {
      error: { code: 'VALIDATION', message: 'Check the marked fields', details: [{ field: 'other', message: 'is wrong' }] },
    });
    expect(applyApiErrors(form, e)).toBe('Check the marked fields; other: is wrong');
  });
});

describe('joinMessages', () => {
  it('joins with the full-width semicolon in Chinese', () => {
    setApiLanguage('zh');
    expect(joinMessages(['输入有误', '姓名不能为空'])).toBe('输入有误；姓名不能为空');
  });

  it('joins with "; " in English', () => {
    setApiLanguage('en');
    expect(joinMessages(['Invalid input', 'Name is required'])).toBe('Invalid input; Name is required');
  });

  it('leaves a single message as it is', () => {
    setApiLanguage('en');
    expect(joinMessages(['Invalid input'])).toBe('Invalid input');
  });
});
