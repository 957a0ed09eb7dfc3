// The data-directory lock: a lock whose PID now belongs to another process (PID reuse after a crash and restart),
// or to a process that has exited but is not yet reaped, is stale; a live owner with the recorded start time is not.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn, type ChildProcess } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { acquireDirLock, parseLockFile, parseProcStat, processStart } from './dir-lock';

const hasProc = fs.existsSync('/proc/self/stat');
const children: ChildProcess[] = [];
afterEach(() => {
  for (const c of children.splice(0)) c.kill('SIGKILL');
});

function lockDir(content: string): { dir: string; file: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'anjian-lock-'));
  const file = path.join(dir, 'anjian.lock');
  fs.writeFileSync(file, content);
  return { dir, file };
}

function sleeper(): ChildProcess {
  const c = spawn('sleep', ['30'], { stdio: 'ignore' });
  children.push(c);
  return c;
}

describe('reading the lock and /proc', () => {
  it('reads the start time after a command name holding spaces and parentheses', () => {
    const stat = '4242 (my (odd) name) S 1 4242 4242 0 -1 4194560 100 0 0 0 1 2 0 0 20 0 1 0 987654 1000 10';
    expect(parseProcStat(stat)).toEqual({ state: 'S', start: '987654' });
  });

  it('reads a JSON lock and a bare PID from before start times were recorded; garbage is no owner', () => {
    expect(parseLockFile('{"pid":12,"start":"345"}')).toEqual({ pid: 12, start: '345' });
    expect(parseLockFile('12\n')).toEqual({ pid: 12, start: null });
    expect(parseLockFile('not a lock')).toBeNull();
    expect(parseLockFile('{"pid":-1}')).toBeNull();
  });
});

describe('taking the lock', () => {
  it('records its PID and start time, and removes only its own file on release', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'anjian-lock-'));
    const lock = acquireDirLock(dir);
    const owner = parseLockFile(fs.readFileSync(path.join(dir, 'anjian.lock'), 'utf8'))!;
    expect(owner.pid).toBe(process.pid);
    if (hasProc) expect(owner.start).toMatch(/^\d+$/);
    lock.release();
    expect(fs.existsSync(path.join(dir, 'anjian.lock'))).toBe(false);
  });

  it('takes over a lock left by a process that no longer exists', () => {
    const { dir, file } = lockDir('{"pid":999999999,"start":"1"}');
    const lock = acquireDirLock(dir);
    expect(parseLockFile(fs.readFileSync(file, 'utf8'))!.pid).toBe(process.pid);
    lock.release();
  });

  it.skipIf(!hasProc)('refuses a live owner with the recorded start time', async () => {
    const c = sleeper();
    await new Promise((r) => c.once('spawn', r));
    const { dir } = lockDir(JSON.stringify({ pid: c.pid, start: processStart(c.pid!) }));
    expect(() => acquireDirLock(dir)).toThrow(new RegExp(`in use by process ${c.pid}`));
  });

  it.skipIf(!hasProc)('takes over a lock whose PID was reused by another process (start time differs)', async () => {
    const c = sleeper();
    await new Promise((r) => c.once('spawn', r));
    const realStart = processStart(c.pid!)!;
    const { dir, file } = lockDir(JSON.stringify({ pid: c.pid, start: String(Number(realStart) - 1) }));
    const lock = acquireDirLock(dir);
    expect(parseLockFile(fs.readFileSync(file, 'utf8'))).toEqual({ pid: process.pid, start: processStart(process.pid) });
    lock.release();
    expect(c.exitCode).toBeNull(); // the unrelated process is left alone
  });

  it.skipIf(!hasProc)('takes over a lock held by a process that has exited but is not yet reaped (zombie)', async () => {
    // sh starts a short-lived child and execs into sleep, which never reaps it: the child stays a zombie.
    const c = spawn('sh', ['-c', 'sleep 0 & echo $!; exec sleep 30'], { stdio: ['ignore', 'pipe', 'ignore'] });
    children.push(c);
    const zombie = Number(await new Promise<string>((r) => c.stdout!.once('data', (d) => r(String(d).trim()))));
    const stateOf = () => fs.readFileSync(`/proc/${zombie}/stat`, 'utf8').match(/\) (\S)/)![1];
    for (let i = 0; i < 100 && stateOf() !== 'Z'; i++) await new Promise((r) => setTimeout(r, 20));
    expect(stateOf()).toBe('Z');
    const { dir } = lockDir(JSON.stringify({ pid: zombie, start: processStart(zombie) }));
    const lock = acquireDirLock(dir);
    lock.release();
  });
});
