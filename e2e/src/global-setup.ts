// Seeds the demo database once for the whole browser suite. Every file used to start the platform on an empty data
// directory and seed the demo itself (about 20 s each); now `startServer` copies this seeded directory instead, which
// is the same database a first `--demo` start leaves behind, and the first start itself is still exercised here.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startServer } from './server';

export default async function setup(): Promise<() => void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'anjian-e2e-template-'));
  const server = await startServer({ ANJIAN_DATA_DIR: dir });
  const code = await server.stop();
  if (code !== 0) throw new Error(`the demo template's server exited ${code}:\n${server.output()}`);
  process.env.ANJIAN_E2E_DEMO_TEMPLATE = dir;
  return () => fs.rmSync(dir, { recursive: true, force: true });
}
