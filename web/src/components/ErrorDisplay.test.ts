import { afterEach, describe, expect, it } from 'vitest';
import { ApiError, setApiLanguage } from '../api/client';
import { errorText } from './ErrorDisplay';

const refused = (message: string, details: string[]) =>
  new ApiError(400, { error: { code: 'VALIDATION', message, details: details.map((m, i) => ({ field: `f${i}`, message: m })) } });

// The language is module state in the API client; each test leaves it as the app starts, in Chinese.
afterEach(() => setApiLanguage('zh'));

describe('errorText', () => {
  it('joins the server’s message and its details with the full-width semicolon in Chinese', () => {
    setApiLanguage('zh');
    expect(errorText(refused('输入有误', ['姓名不能为空', '输入有误']))).toBe('输入有误；姓名不能为空');
  });

  it('joins them with "; " in English', () => {
    setApiLanguage('en');
    expect(errorText(refused('Invalid input', ['Name is required', 'Invalid input']))).toBe('Invalid input; Name is required');
  });

  it('gives another error’s message as it is', () => {
    expect(errorText(new Error('offline'))).toBe('offline');
    expect(errorText('x')).toBe('x');
  });
});
