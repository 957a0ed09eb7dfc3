// Issue 2: authenticated GET /api/me against a bare Fastify route doing the same session lookup,
// and login throughput (argon2id at the production cost is the point).
import path from 'node:path';
import fs from 'node:fs';
import { drive, freshDataDir, login, repoRoot, spawnUntil, startPlatform, type ScenarioResult } from '../lib';

export async function authScenarios(): Promise<ScenarioResult[]> {
  const dataDir = freshDataDir('auth');
  // Seed once, stop, copy: the subject and the baseline read identical databases.
  const seeding = await startPlatform({ ANJIAN_DATA_DIR: dataDir });
  await seeding.stop();
  const baselineDir = freshDataDir('auth-baseline');
  fs.cpSync(dataDir, baselineDir, { recursive: true });
  fs.rmSync(path.join(baselineDir, 'anjian.lock'), { force: true });

  const platform = await startPlatform({ ANJIAN_DATA_DIR: dataDir });
  const bare = await spawnUntil(
    ['--import', 'tsx', path.join(repoRoot, 'bench/src/baseline/bare-me.ts')],
    { ANJIAN_DATA_DIR: baselineDir },
    'bare ready',
  );
  try {
    const s = await login(platform.url, 'officer');
    const subject = await drive({ url: `${platform.url}/api/me`, headers: { cookie: s.cookie } });
    const b = await (await fetch(`${bare.url}/login`, { method: 'POST' })).json();
    const baseline = await drive({ url: `${bare.url}/me`, headers: { cookie: `anjian_sid=${(b as { sid: string }).sid}` } });
    const logins = await drive({
      url: `${platform.url}/api/auth/login`,
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'leader', password: 'Anjian@2026' }),
      connections: 4,
    });
    return [
      {
        name: 'GET /api/me (authenticated) vs bare Fastify session lookup',
        engine: 'pglite',
        metrics: { platform: subject, bare: baseline },
        ratios: {
          throughput: subject.requestsPerSec / baseline.requestsPerSec,
          p50: subject.p50ms / Math.max(baseline.p50ms, 0.001),
        },
      },
      {
        name: 'POST /api/auth/login (argon2id 19 MiB, t=2)',
        engine: 'pglite',
        metrics: { loginsPerSec: logins.requestsPerSec, p50ms: logins.p50ms, p99ms: logins.p99ms, non2xx: logins.non2xx },
        ratios: { vsMeThroughput: logins.requestsPerSec / subject.requestsPerSec },
        notes: 'argon2id cost dominates by design; each login also writes a session and an audit entry',
      },
    ];
  } finally {
    await platform.stop();
    await bare.stop();
  }
}
