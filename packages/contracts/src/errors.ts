// Error codes with their HTTP status and bilingual message; the API answers {error:{code,message,details}}.
export const errorCatalog = {
  VALIDATION: { status: 400, zh: '输入有误，请检查标注的字段', en: 'Invalid input: check the fields listed' },
  BAD_JSON: { status: 400, zh: '请求体不是合法的 JSON', en: 'The request body is not valid JSON' },
  BAD_URL: { status: 400, zh: '请求地址无效（编码错误）', en: 'The request address is not valid (bad encoding)' },
  URI_TOO_LONG: { status: 414, zh: '请求地址过长', en: 'The request address is too long' },
  HEADERS_TOO_LARGE: { status: 431, zh: '请求地址或请求头过长', en: 'The request address or headers are too long' },
  UNAUTHENTICATED: { status: 401, zh: '请先登录', en: 'Please log in' },
  BAD_CREDENTIALS: { status: 401, zh: '用户名或密码错误', en: 'Wrong username or password' },
  CSRF: { status: 403, zh: '安全令牌无效，请刷新页面后重试', en: 'Invalid security token: reload the page and retry' },
  FORBIDDEN: { status: 403, zh: '无权执行此操作', en: 'You are not allowed to do this' },
  NOT_FOUND: { status: 404, zh: '记录不存在', en: 'Not found' },
  CONFLICT: { status: 409, zh: '记录已被他人修改，请刷新后重试', en: 'The record was changed by someone else: reload and retry' },
  DUPLICATE: { status: 409, zh: '记录已存在', en: 'The record already exists' },
  TOO_LARGE: { status: 413, zh: '文件过大', en: 'The file is too large' },
  BODY_TOO_LARGE: { status: 413, zh: '提交的内容过大', en: 'The request body is too large' },
  UNSUPPORTED_MEDIA: { status: 415, zh: '不支持的文件类型', en: 'Unsupported file type' },
  LOCKED: {
    status: 423,
    zh: '连续登录失败次数过多，账号已锁定，请稍后再试',
    en: 'Too many failed logins: the account is locked, try later',
  },
  DISABLED: { status: 403, zh: '账号已停用', en: 'The account is disabled' },
  WEAK_PASSWORD: { status: 400, zh: '密码不符合安全要求', en: 'The password does not meet the policy' },
  RATE_LIMITED: { status: 429, zh: '请求过于频繁', en: 'Too many requests' },
  INTERNAL: { status: 500, zh: '服务器内部错误', en: 'Internal server error' },
} as const;

export type ErrorCode = keyof typeof errorCatalog;
export type Lang = 'zh' | 'en';

export interface ErrorDetail {
  field: string;
  message: string;
}
export interface ErrorBody {
  error: { code: ErrorCode; message: string; details: ErrorDetail[] };
}

/** A bilingual text; the server picks one by Accept-Language. */
export interface Bilingual {
  zh: string;
  en: string;
}
