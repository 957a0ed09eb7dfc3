// What the server's log may carry: never a request's query string or body, never a failed query's parameters, and no
// identity or mobile number anywhere in a line (issue 12: a failed query was logged with a party's full identity
// number and phone as its parameters). Three layers, because any one can be bypassed by a new log call:
// the request serializer keeps the path only; the error serializer drops drizzle's `params` (and the copy of them in
// the message and stack) and the driver's `detail`/`where`; every line is finally passed through maskFreeText.
import { LogController, type FastifyReply, type FastifyRequest, type FastifyServerOptions } from 'fastify';
import pino from 'pino';
import { maskFreeText } from './masking';

interface LoggedRequest {
  method: string;
  url: string;
  id?: string;
  ip?: string;
  socket?: { remotePort?: number };
}

/** The path without its query string: search terms and filters may be phone numbers or names. */
export function pathOnly(url: string): string {
  const q = url.indexOf('?');
  return q < 0 ? url : url.slice(0, q);
}

/** Drizzle puts the parameters into the message ("Failed query: …\nparams: a,b,c") and so into the stack. */
function withoutParams(text: string | undefined): string {
  return (text ?? '').replace(/\nparams: .*?(?=\n {4}at |$)/s, '\nparams: [redacted]');
}

/** Where log lines go (a pino destination: stdout, or a test's collector). */
export interface LogStream {
  write(line: string): void;
}

interface LoggedError {
  [key: string]: unknown;
  type: string;
  message: string;
  stack: string;
  code?: string;
  cause?: LoggedError;
}

/** An error as the log keeps it: type, message, stack and SQLSTATE; nothing else of what the driver attached. */
export function serializeError(err: unknown, depth = 0): LoggedError {
  if (!(err instanceof Error)) return { type: typeof err, message: maskFreeText(String(err)), stack: '' };
  const e = err as Error & { code?: unknown; cause?: unknown };
  const out: LoggedError = {
    type: e.constructor?.name ?? 'Error',
    message: withoutParams(e.message),
    stack: withoutParams(e.stack),
  };
  if (typeof e.code === 'string') out.code = e.code;
  if (e.cause !== undefined && depth < 3) out.cause = serializeError(e.cause, depth + 1);
  return out;
}

/**
 * The server's standard output for log lines, written off the request thread: pino's asynchronous destination hands
 * each write to libuv and gathers the lines that arrive meanwhile into the next one. Pino's default, a synchronous
 * write a line, was ~8% of the server's CPU on a list page (issue #19); a quiet server still writes each line at once.
 * Pino flushes what is pending when the process exits (an exit call, a signal's shutdown, an uncaught error).
 */
export function stdoutLog(): LogStream {
  return pino.destination({ dest: 1, sync: false });
}

/** Fastify's logger options (pino): the serializers above, headers never logged, and the last-line mask. */
export function loggerOptions(level: string, stream?: LogStream): FastifyServerOptions['logger'] {
  return {
    level,
    ...(stream ? { stream } : {}),
    serializers: {
      req: (req: LoggedRequest) => ({ method: req.method, url: pathOnly(req.url), id: req.id, remoteAddress: req.ip }),
      err: serializeError,
    },
    redact: { paths: ['req.headers', 'req.body', 'req.query', 'body', 'query', 'params'], censor: '[redacted]' },
    hooks: { streamWrite: (line: string) => maskFreeText(line) },
  };
}

/**
 * One line a request, when it is answered: method, path, status and time (Fastify's `logController`). Fastify's own
 * controller writes two, received and completed, each a synchronous write, which cost about a tenth of the server's
 * CPU on a list page (issue #19); the received line told only when a request started, and the completed one carries
 * its time. Fastify's other lines (stream, serializer and default-handler errors, unknown routes) are kept.
 */
export class OneLineRequestLog extends LogController {
  override incomingRequest(): void {}

  override requestCompleted(error: Error | null | undefined, request: FastifyRequest, reply: FastifyReply): void {
    if (this.isLogDisabled(request)) return;
    const line = { req: request, res: reply, responseTime: reply.elapsedTime };
    if (error) reply.log.error({ ...line, err: error }, 'request errored');
    else reply.log.info(line, 'request completed');
  }
}
