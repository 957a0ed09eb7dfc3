// A lock file so that two processes never open the same embedded data directory.
//
// The file records the owner's PID *and* its start time (clock ticks since boot, field 22 of /proc/<pid>/stat).
// A PID alone is not enough: after a crash and a reboot (or a long uptime) the same number can belong to an
// unrelated process, which would block start-up for ever. The lock is live only if a process with that PID exists,
// is not dying (zombie/dead state) and started at the recorded time. Where /proc is missing (macOS, Windows) the
// start time is unknown and the check falls back to "is the PID alive", as a lock file from before this change does.
import fs from 'node:fs';
import path from 'node:path';

export interface DirLock {
  release(): void;
}

export interface LockOwner {
  pid: number;
  /** Start time in clock ticks since boot; null where the platform does not tell. */
  start: string | null;
}

interface ProcStat {
  state: string;
  start: string;
}

/** Parses /proc/<pid>/stat; the command name (field 2) may contain spaces and parentheses, so fields are counted after the last ')'. */
export function parseProcStat(text: string): ProcStat | null {
  const close = text.lastIndexOf(')');
  if (close < 0) return null;
  const fields = text
    .slice(close + 2)
    .trim()
    .split(/\s+/);
  // fields[0] is field 3 (state); field 22 (starttime) is fields[19].
  const state = fields[0];
  const start = fields[19];
  return state && start && /^\d+$/.test(start) ? { state, start } : null;
}

function readProcStat(pid: number): ProcStat | null | 'absent' {
  try {
    return parseProcStat(fs.readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    // No /proc at all: unknown. /proc present but no such entry: the process is gone.
    return code === 'ENOENT' && fs.existsSync('/proc/self/stat') ? 'absent' : null;
  }
}

/** The start time of a process as this platform reports it, or null where it cannot. */
export function processStart(pid: number): string | null {
  const s = readProcStat(pid);
  return s && s !== 'absent' ? s.start : null;
}

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Whether the recorded owner still holds the lock: same PID, not dying, same start time (when both are known). */
export function ownerAlive(owner: LockOwner): boolean {
  const stat = readProcStat(owner.pid);
  if (stat === 'absent') return false;
  if (stat) {
    if (stat.state === 'Z' || stat.state === 'X' || stat.state === 'x') return false; // exited, not yet reaped
    if (owner.start !== null) return stat.start === owner.start;
  }
  return pidAlive(owner.pid);
}

/** Reads a lock file: JSON `{pid,start}`, or a bare PID as written before start times were recorded. */
export function parseLockFile(text: string): LockOwner | null {
  const t = text.trim();
  if (/^\d+$/.test(t)) return { pid: Number.parseInt(t, 10), start: null };
  try {
    const v = JSON.parse(t) as { pid?: unknown; start?: unknown };
    if (typeof v.pid !== 'number' || !Number.isSafeInteger(v.pid) || v.pid <= 0) return null;
    return { pid: v.pid, start: typeof v.start === 'string' ? v.start : null };
  } catch {
    return null;
  }
}

export function acquireDirLock(dir: string): DirLock {
  const file = path.join(dir, 'anjian.lock');
  const me: LockOwner = { pid: process.pid, start: processStart(process.pid) };
  const content = JSON.stringify(me);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = fs.openSync(file, 'wx');
      fs.writeSync(fd, content);
      fs.closeSync(fd);
      let released = false;
      return {
        release() {
          if (released) return;
          released = true;
          // Only our own lock is removed, never one another process took over meanwhile.
          const now = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : null;
          if (now === content) fs.rmSync(file, { force: true });
        },
      };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const owner = parseLockFile(fs.readFileSync(file, 'utf8'));
      if (owner && owner.pid === process.pid && (owner.start === null || owner.start === me.start)) {
        throw new Error(`data directory ${dir} is already open in this process`, { cause: e });
      }
      if (owner && owner.pid !== process.pid && ownerAlive(owner)) {
        throw new Error(`data directory ${dir} is in use by process ${owner.pid}`, { cause: e });
      }
      fs.rmSync(file, { force: true }); // stale: crashed owner, reused PID, dying process, or unreadable file
    }
  }
  throw new Error(`could not lock ${dir}`);
}
