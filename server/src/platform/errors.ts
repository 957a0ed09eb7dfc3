// Application errors and their translation to the API's bilingual error body.
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';
import { z } from 'zod';
import { errorCatalog, validationMessages, type ErrorBody, type ErrorCode, type ErrorDetail, type Lang } from '@anjian/contracts';
import { AppError, type BilingualDetail } from './app-error';

export { AppError, type BilingualDetail };

interface ValidationEntry {
  keyword: string;
  instancePath?: string;
  message?: string;
  params?: Record<string, unknown>;
}

export const notFound = () => new AppError('NOT_FOUND');
export const forbidden = () => new AppError('FORBIDDEN');

export function fieldError(field: string, zh: string, en: string, code: ErrorCode = 'VALIDATION'): AppError {
  return new AppError(code, [{ field, zh, en }]);
}

export function langOf(req: FastifyRequest): Lang {
  const al = String(req.headers['accept-language'] ?? '')
    .trim()
    .toLowerCase();
  return al.startsWith('en') ? 'en' : 'zh';
}

const zhMap = z.locales.zhCN().localeError;
const enMap = z.locales.en().localeError;

/** Value types in words a reader knows, for a wrong-type field ("须为整数", not the locale's "期望 int，实际接收 数字"). */
const typeWords: Record<string, Record<Lang, string>> = {
  int: { zh: '整数', en: 'a whole number' },
  bigint: { zh: '整数', en: 'a whole number' },
  number: { zh: '数字', en: 'a number' },
  string: { zh: '文字', en: 'text' },
  boolean: { zh: '是或否（true/false）', en: 'true or false' },
  array: { zh: '列表', en: 'a list' },
  object: { zh: '对象', en: 'an object' },
  date: { zh: '日期', en: 'a date' },
  null: { zh: '空值（null）', en: 'null' },
};

function typeOfInput(input: unknown): string {
  if (input === null) return 'null';
  if (Array.isArray(input)) return 'array';
  if (typeof input === 'number' && Number.isNaN(input)) return 'nan'; // a query value that is not a number: no words
  return typeof input;
}

/** "须为整数" for a fraction where a whole number is due; else "须为数字（收到的是文字）". Null when a type has no words. */
function wrongTypeText(expected: string, input: unknown, lang: Lang): string | null {
  const want = typeWords[expected]?.[lang];
  if (!want) return null;
  const got = typeOfInput(input);
  if (expected === 'int' && got === 'number') return lang === 'zh' ? '须为整数' : 'Must be a whole number';
  const had = typeWords[got]?.[lang];
  if (lang === 'zh') return had ? `须为${want}（收到的是${had}）` : `须为${want}`;
  return had ? `Must be ${want} (received ${had})` : `Must be ${want}`;
}

function issueText(issue: z.core.$ZodIssue, lang: Lang): string {
  // A field left out: say so, not "expected string, received undefined".
  if (issue.code === 'invalid_type' && 'input' in issue && issue.input === undefined) return validationMessages['input.required'][lang];
  const key = issue.message as keyof typeof validationMessages;
  if (key in validationMessages) return validationMessages[key][lang];
  const params = (issue as { params?: { zh?: string; en?: string } }).params;
  const own = params?.[lang];
  if (own) return own;
  // (Each read guarded: an issue rebuilt from Fastify's validation entry carries what the validator put there.)
  if (issue.code === 'invalid_value' && Array.isArray(issue.values)) {
    const list = issue.values.map(String);
    return lang === 'zh' ? `须为以下之一：${list.join('、')}` : `Must be one of: ${list.join(', ')}`;
  }
  if (issue.code === 'unrecognized_keys') return lang === 'zh' ? '不接受此字段' : 'This field is not accepted';
  if (issue.code === 'invalid_format' && issue.format === 'uuid') {
    return lang === 'zh' ? '须为有效的编号（UUID）' : 'Must be a valid id (UUID)';
  }
  if (issue.code === 'invalid_type' && 'input' in issue) {
    const text = wrongTypeText(String(issue.expected), issue.input, lang);
    if (text) return text;
  }
  // A limit in words a reader knows, not the locale's "数值过大：期望 string <=50 字符" or "期望 number <=7".
  if (issue.code === 'too_big' || issue.code === 'too_small') {
    const big = issue.code === 'too_big';
    const n = Number(big ? issue.maximum : issue.minimum);
    const zh = (s: string) => (lang === 'zh' ? s : null);
    if (issue.origin === 'string')
      return zh(big ? `最多 ${n} 个字符` : `至少 ${n} 个字符`) ?? (big ? `At most ${n} characters` : `At least ${n} characters`);
    if (issue.origin === 'array') return zh(big ? `最多 ${n} 项` : `至少 ${n} 项`) ?? (big ? `At most ${n} items` : `At least ${n} items`);
    if (issue.origin === 'number' && issue.inclusive !== false)
      return zh(big ? `不能大于 ${n}` : `不能小于 ${n}`) ?? (big ? `At most ${n}` : `At least ${n}`);
    if (issue.origin === 'number') return zh(big ? `须小于 ${n}` : `须大于 ${n}`) ?? (big ? `Less than ${n}` : `More than ${n}`);
  }
  const out = (lang === 'zh' ? zhMap : enMap)(issue as never);
  return typeof out === 'string' ? out : (out?.message ?? issue.message ?? '');
}

export function zodDetails(issues: readonly z.core.$ZodIssue[], lang: Lang, prefix = ''): ErrorDetail[] {
  return issues.map((i) => {
    const keys = i.code === 'unrecognized_keys' ? (i as { keys: string[] }).keys.join(',') : '';
    const field = [prefix, ...i.path.map(String), keys].filter(Boolean).join('.');
    return { field, message: issueText(i, lang) };
  });
}

/**
 * Fastify's validator over zod, as fastify-type-provider-zod's but keeping each issue's input, so that a missing
 * field reads 必填 and a wrong type names the type received. The input itself never leaves the server: the
 * messages name its type only.
 */
export const validatorCompiler =
  ({ schema }: { schema: unknown }) =>
  (data: unknown) => {
    const r = z.safeParse(schema as z.ZodType, data, { reportInput: true });
    if (r.success) return { value: r.data };
    const error = r.error.issues.map(({ path, code, message, ...params }) => ({
      keyword: code,
      instancePath: `/${path.join('/')}`,
      schemaPath: `#/${path.join('/')}/${code}`,
      message,
      params,
    }));
    return { error };
  };

export function errorBody(code: ErrorCode, lang: Lang, details: ErrorDetail[] = []): ErrorBody {
  return { error: { code, message: errorCatalog[code][lang], details } };
}

/** A byte limit as people write it: 1 MB, 512 KB. */
export function sizeText(bytes: number): string {
  if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) === 0) return `${bytes / (1024 * 1024)} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} B`;
}

/** The single place where thrown errors become HTTP answers. */
export function handleError(err: FastifyError | AppError | Error, req: FastifyRequest, reply: FastifyReply) {
  const lang = langOf(req);
  if (err instanceof AppError) {
    const details = err.details.map((d) => ({ field: d.field, message: d[lang] }));
    return reply.status(errorCatalog[err.code].status).send({ ...errorBody(err.code, lang, details), ...err.extra });
  }
  const fe = err as FastifyError & { validation?: unknown; validationContext?: string };
  if (fe.validation && Array.isArray(fe.validation)) {
    // fastify-type-provider-zod flattens each zod issue to {keyword, instancePath, message, params}.
    const issues = (fe.validation as ValidationEntry[]).map(
      (v) =>
        ({
          ...v.params,
          code: v.keyword,
          message: v.message,
          path: (v.instancePath ?? '').split('/').filter(Boolean),
        }) as unknown as z.core.$ZodIssue,
    );
    const ctx = fe.validationContext === 'body' ? '' : (fe.validationContext ?? '');
    return reply.status(400).send(errorBody('VALIDATION', lang, zodDetails(issues, lang, ctx)));
  }
  if (
    fe.code === 'FST_ERR_CTP_INVALID_JSON_BODY' ||
    fe.code === 'FST_ERR_CTP_EMPTY_JSON_BODY' ||
    err instanceof SyntaxError ||
    /prototype property/.test(err.message)
  ) {
    return reply.status(400).send(errorBody('BAD_JSON', lang));
  }
  if (fe.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
    // A form's body, not a file: say so, and give the limit, so the user knows to shorten the text or attach a file.
    const limit = sizeText(req.routeOptions.bodyLimit ?? 0);
    const detail = {
      zh: `提交的内容超过 ${limit} 上限：请缩短文字，或把材料作为附件上传`,
      en: `The body is over the ${limit} limit: shorten the text or upload the material as an attachment`,
    };
    return reply.status(413).send(errorBody('BODY_TOO_LARGE', lang, [{ field: 'body', message: detail[lang] }]));
  }
  if (fe.code === 'FST_REQ_FILE_TOO_LARGE' || fe.statusCode === 413) {
    const detail = { zh: '文件超过允许的大小', en: 'The file is over the size allowed' };
    return reply.status(413).send(errorBody('TOO_LARGE', lang, [{ field: 'file', message: detail[lang] }]));
  }
  if (fe.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE' || fe.statusCode === 415) {
    return reply.status(415).send(errorBody('UNSUPPORTED_MEDIA', lang));
  }
  // The multipart parser (busboy) throws plain errors for a missing or over-long boundary and a body cut short.
  if (/^Multipart: |unexpected end of multipart data|^The needle cannot/i.test(err.message)) {
    const detail = { field: 'file', zh: '上传内容不是完整的 multipart/form-data', en: 'The upload is not complete multipart/form-data' };
    return reply.status(400).send(errorBody('VALIDATION', lang, [{ field: detail.field, message: detail[lang] }]));
  }
  if (fe.statusCode && fe.statusCode >= 400 && fe.statusCode < 500) {
    return reply.status(fe.statusCode).send(errorBody(fe.statusCode === 404 ? 'NOT_FOUND' : 'VALIDATION', lang));
  }
  req.log.error({ err }, 'unhandled error');
  return reply.status(500).send(errorBody('INTERNAL', lang));
}

/**
 * Errors Fastify raises before routing (Fastify's `frameworkErrors` option): a path that does not decode as
 * UTF-8 and a path parameter longer than the router allows. They get the same body as every other error.
 */
export function handleFrameworkError(err: FastifyError, req: FastifyRequest, reply: FastifyReply) {
  const lang = langOf(req);
  if (err.code === 'FST_ERR_MAX_PARAM_LENGTH') return reply.status(414).send(errorBody('URI_TOO_LONG', lang));
  if (err.code === 'FST_ERR_BAD_URL') return reply.status(400).send(errorBody('BAD_URL', lang));
  return handleError(err, req, reply);
}

/**
 * Requests Node's HTTP parser refuses before Fastify sees them (Fastify's `clientErrorHandler`): an address or headers
 * over the 16 KB limit, and malformed HTTP. Fastify's default answer is its own body ({error, message, statusCode}),
 * not the one shape; with no headers parsed there is no Accept-Language, so the message carries both languages.
 */
export function handleClientError(err: Error & { code?: string }, socket: Duplex): void {
  if (!socket.writable) return void socket.destroy(err);
  const code: ErrorCode = err.code === 'HPE_HEADER_OVERFLOW' ? 'HEADERS_TOO_LARGE' : 'VALIDATION';
  const { status, zh, en } = errorCatalog[code];
  const shape: ErrorBody = { error: { code, message: `${zh} / ${en}`, details: [] } };
  const body = JSON.stringify(shape);
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Type: application/json; charset=utf-8\r\n` +
      `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  );
}
