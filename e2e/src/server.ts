// Starts the built platform (server/dist/main.js --demo) on a fresh data directory and a free port,
// exactly as the README's first command does, and stops it cleanly afterwards.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import net from 'node:net';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export interface RunningServer {
  url: string;
  dataDir: string;
  proc: ChildProcess;
  output(): string;
  stop(): Promise<number | null>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as net.AddressInfo).port;
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

export async function startServer(env: Record<string, string> = {}, args: string[] = ['--demo']): Promise<RunningServer> {
  const dataDir = env.ANJIAN_DATA_DIR ?? fs.mkdtempSync(path.join(os.tmpdir(), 'anjian-e2e-'));
  // A demo start on a fresh directory begins from the suite's seeded copy (global-setup.ts) rather than seeding again.
  const template = process.env.ANJIAN_E2E_DEMO_TEMPLATE;
  if (template && !env.ANJIAN_DATA_DIR && args.length === 1 && args[0] === '--demo') fs.cpSync(template, dataDir, { recursive: true });
  const port = await freePort();
  const proc = spawn(process.execPath, [path.join(root, 'server/dist/main.js'), ...args], {
    cwd: path.join(root, 'server'),
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', ANJIAN_DATA_DIR: dataDir, LOG_LEVEL: 'warn', DATABASE_URL: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  proc.stdout!.on('data', (d) => (out += d));
  proc.stderr!.on('data', (d) => (out += d));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (proc.exitCode !== null) throw new Error(`server exited ${proc.exitCode}:\n${out}`);
    if (out.includes('is running at')) break;
    await new Promise((r) => setTimeout(r, 200));
  }
  if (!out.includes('is running at')) throw new Error(`server did not start:\n${out}`);
  return {
    url,
    dataDir,
    proc,
    output: () => out,
    stop: () =>
      new Promise((resolve) => {
        if (proc.exitCode !== null) return resolve(proc.exitCode);
        proc.once('exit', (code) => resolve(code));
        proc.kill('SIGTERM');
      }),
  };
}
