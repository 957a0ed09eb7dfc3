// The server's stdout log (stdoutLog): written asynchronously, yet every line reaches stdout, in order and masked, when
// the process exits straight after logging — as main.ts's shutdown and fatal paths do.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);

describe('stdoutLog', () => {
  it('flushes every pending line, masked, when the process exits at once', async () => {
    const script = `
      import pino from 'pino';
      import { loggerOptions, stdoutLog } from './src/platform/logging.ts';
      const log = pino(loggerOptions('info', stdoutLog()));
      for (let i = 0; i < 2000; i++) log.info({ i }, 'line ' + i + ' 联系 13812345678');
      process.exit(0);`;
    const { stdout } = await run(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      cwd: new URL('../..', import.meta.url).pathname,
      maxBuffer: 64 * 1024 * 1024,
    });
    const lines = stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { i: number; msg: string });
    expect(lines.map((l) => l.i)).toEqual(Array.from({ length: 2000 }, (_, i) => i));
    expect(lines.every((l) => !l.msg.includes('13812345678'))).toBe(true);
  }, 60_000);
});
