// Run before `npm test` and `npm run demo`: on a fresh clone, install the npm packages (and, for the
// browser tests, Debian's chromium when running as root) so that one command is enough.
import { execSync } from 'node:child_process';
import fs from 'node:fs';

const run = (cmd) => execSync(cmd, { stdio: 'inherit' });

if (!fs.existsSync('node_modules/.package-lock.json')) {
  console.log('> installing npm packages (npm ci)');
  run('npm ci --no-audit --no-fund');
}

if (process.argv.includes('--browser')) {
  const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!fs.existsSync(chromium)) {
    if (process.getuid?.() === 0) {
      console.log('> installing Debian chromium for the browser tests');
      run('apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium');
    } else {
      console.error(`Chromium not found at ${chromium}: install it (sudo apt-get install chromium) or set CHROMIUM_PATH.`);
      process.exit(1);
    }
  }
}
