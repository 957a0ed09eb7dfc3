// Bilingual texts for custom validation rules. A schema sets `error: 'key'`; the server translates the key.
import type { Bilingual } from './errors';

export const validationMessages = {
  'password.policy': {
    zh: '密码至少 8 位，且包含大写字母、小写字母、数字、符号中的至少 3 类',
    en: 'At least 8 characters with 3 of: upper case, lower case, digits, symbols',
  },
  'password.common': { zh: '密码过于常见，容易被猜中', en: 'This password is too common and easy to guess' },
  'password.containsUsername': { zh: '密码不能包含用户名', en: 'The password must not contain the username' },
  'phone.format': {
    zh: '电话号码格式不正确：应为 11 位手机号或带区号的座机号',
    en: 'Invalid phone: use an 11-digit mobile or a landline with area code',
  },
  'username.format': {
    zh: '用户名为 3–32 位字母、数字、下划线或点',
    en: 'Username: 3–32 letters, digits, underscores or dots',
  },
  'date.format': { zh: '日期格式应为 YYYY-MM-DD', en: 'Dates are written YYYY-MM-DD' },
  'areaCode.format': { zh: '区划代码应为 6、9、12 或 15 位数字', en: 'Area codes have 6, 9, 12 or 15 digits' },
} satisfies Record<string, Bilingual>;

export type ValidationMessageKey = keyof typeof validationMessages;
