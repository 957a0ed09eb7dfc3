// A lock file so that two processes never open the same embedded data directory.
import fs from 'node:fs';
import path from 'node:path';

export interface DirLock {
  release(): void;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export function acquireDirLock(dir: string): DirLock {
  const file = path.join(dir, 'anjian.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = fs.openSync(file, 'wx');
      fs.writeSync(fd, String(process.pid));
      fs.closeSync(fd);
      let released = false;
      return {
        release() {
          if (released) return;
          released = true;
          fs.rmSync(file, { force: true });
        },
      };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const pid = Number.parseInt(fs.readFileSync(file, 'utf8'), 10);
      if (Number.isFinite(pid) && pid !== process.pid && alive(pid)) {
        throw new Error(`data directory ${dir} is in use by process ${pid}`, { cause: e });
      }
      if (pid === process.pid) throw new Error(`data directory ${dir} is already open in this process`, { cause: e });
      fs.rmSync(file, { force: true }); // stale lock from a crashed process
    }
  }
  throw new Error(`could not lock ${dir}`);
}
