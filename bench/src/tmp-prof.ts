// Temporary: server CPU per list request and a CPU profile (not committed).
import { cpuMsOf, login, settle, startPlatform } from './lib';
import { ensureDatabase } from './scenarios/enterprises';
import { request, target } from './mixed/client';

const url = await ensureDatabase(process.env.PROF_DB ?? 'anjian_prof', process.env.PROF_FRESH === '1');
const platform = await startPlatform({ DATABASE_URL: url });
await settle(platform, { maxMs: 300_000 });
const session = await login(platform.url, 'officer');
const client = { ...session, target: target(platform.url, 4) };
const paths = ['/api/enterprises', '/api/enterprises?page=3', '/api/enterprises?sort=name', `/api/enterprises?q=${encodeURIComponent('五金')}`, '/api/me'];
const which = process.env.PROF_PATH ? [process.env.PROF_PATH] : paths.slice(0, 4);
async function run(n: number) {
  let i = 0;
  const worker = async () => {
    while (i < n) {
      const p = which[i++ % which.length]!;
      const r = await request(client, p);
      if (r.status !== 200) throw new Error(`${r.status}`);
    }
  };
  await Promise.all([worker(), worker(), worker(), worker()]);
}
await run(400);
for (let round = 0; round < 3; round++) {
  const c0 = cpuMsOf(platform.proc.pid!)!;
  const t0 = performance.now();
  const n = Number(process.env.PROF_N ?? 2000);
  await run(n);
  const ms = performance.now() - t0;
  console.log(`round ${round}: ${(n / (ms / 1000)).toFixed(0)} req/s, server CPU ${((cpuMsOf(platform.proc.pid!)! - c0) / n).toFixed(2)} ms/request`);
}
await platform.stop();
