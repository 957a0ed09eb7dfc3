// Bundles the server (and the shared contracts) into dist/, keeping npm packages external,
// and copies the migrations and the SQL functions and triggers (applied by platform/routines.ts) beside it.
import { build } from 'esbuild';
import fs from 'node:fs';

fs.rmSync('dist', { recursive: true, force: true });
await build({
  // The workers are their own entries: platform/thumbnail-pool.ts starts dist/thumbnail-worker.js in a thread, and
  // modules/enterprises/spreadsheet-thread.ts dist/spreadsheet-worker.js.
  entryPoints: {
    main: 'src/main.ts',
    cli: 'src/cli.ts',
    'thumbnail-worker': 'src/platform/thumbnail.worker.ts',
    'spreadsheet-worker': 'src/modules/enterprises/spreadsheet.worker.ts',
  },
  outdir: 'dist',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  // @anjian/contracts is TypeScript source: bundle it rather than leave it external.
  alias: { '@anjian/contracts': '../packages/contracts/src/index.ts' },
  sourcemap: true,
  logLevel: 'warning',
});
fs.cpSync('src/db/migrations', 'dist/migrations', { recursive: true });
for (const kind of ['functions', 'triggers']) fs.cpSync(`src/db/${kind}`, `dist/${kind}`, { recursive: true });
