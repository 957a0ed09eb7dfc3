import { describe, expect, it } from 'vitest';
import { isValidationFailure, validValues } from './validValues';

const invalid = { values: { name: '' }, errorFields: [{ name: ['name'], errors: ['请输入姓名'] }], outOfDate: false };

describe('validValues', () => {
  it('gives the values of a valid form', async () => {
    await expect(validValues({ validateFields: () => Promise.resolve({ name: '张三' }) })).resolves.toEqual({ name: '张三' });
  });

  it('gives null, not a rejection, when a field is invalid', async () => {
    await expect(validValues({ validateFields: () => Promise.reject(invalid) })).resolves.toBeNull();
  });

  it('passes any other error on', async () => {
    const boom = new Error('boom');
    await expect(validValues({ validateFields: () => Promise.reject(boom) })).rejects.toBe(boom);
  });
});

describe('isValidationFailure', () => {
  it('knows the rejection of validateFields from other errors', () => {
    expect(isValidationFailure(invalid)).toBe(true);
    expect(isValidationFailure({ ...invalid, errorFields: [], outOfDate: true })).toBe(true);
    expect(isValidationFailure(new Error('x'))).toBe(false);
    expect(isValidationFailure(null)).toBe(false);
    expect(isValidationFailure('x')).toBe(false);
  });
});
