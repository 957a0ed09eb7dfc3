import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/client';
import { applyApiErrors } from './apiErrors';

function fakeForm(values: Record<string, unknown>) {
  const set: { name: unknown; errors?: string[] }[] = [];
  return { set, form: { getFieldsValue: () => values, setFields: (f: typeof set) => void set.push(...f) } as never };
}

const invalid = (details: { field: string; message: string }[]) =>
  new ApiError(400, { error: { code: 'VALIDATION', message: '输入有误，请检查标注的字段', details } });

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
});
