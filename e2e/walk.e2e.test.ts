// A newcomer's walk: every demo role logs in on the demo district and opens every page of its menu, and the first
// record each page lists, as a new user clicking through would. Each page must render without a script error, an
// error alert, a 404 card, a value left as code (undefined, null, NaN), a Content-Security-Policy violation (the
// server's strict policy: no inline script), or the server answering any of its requests with a 4xx/5xx (a page that
// reads what its role may not read is a defect). The walk is on a desktop screen, where the whole menu is in the
// page; phone layouts have their own tests.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from './src/browser';
import { startServer, type RunningServer } from './src/server';
import { loginThroughForm, menuLabels, openMenuEntry } from './src/login';
import { quietAfterClicks } from './src/quiet';

let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const phoneRoles = new Set(['grid', 'ent_safety', 'street']);
/** Roles whose lists hold records of the demo district to click into (the administrators and the public hold none). */
const rolesWithRecords = new Set(['officer', 'leader', 'street', 'zhujian', 'park', 'grid', 'ent_safety', 'ent_boss']);
const roles = ['officer', 'admin', 'leader', 'street', 'zhujian', 'park', 'auditor', 'grid', 'ent_safety', 'ent_boss', 'citizen'];

/** Script errors, CSP reports in the console, and API answers of 400 and above, each tagged with the page. */
function watch(page: Page, where: () => string): string[] {
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(`${where()}: script error ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error' && /Content Security Policy/i.test(m.text())) problems.push(`${where()}: ${m.text()}`);
  });
  page.on('response', (r) => {
    const url = new URL(r.url());
    // The session probe answers 401 before login; anything else failing is the page's own defect.
    if (!url.pathname.startsWith('/api/') || r.status() < 400 || url.pathname === '/api/me') return;
    problems.push(`${where()}: ${r.request().method()} ${url.pathname}${url.search} → ${r.status()}`);
  });
  return problems;
}

describe('every page of every role', () => {
  it('the public page renders without a CSP violation', async () => {
    const ctx = await browser.newContext();
    const page = await ctx.newPage();
    const problems = watch(page, () => '/public');
    await page.goto(`${server.url}/public`);
    await page.waitForLoadState('networkidle');
    expect(problems).toEqual([]);
    await ctx.close();
  });

  for (const username of roles) {
    it(`${username}: every menu page renders without an error`, async () => {
      const ctx = await browser.newContext({ viewport: { width: 1366, height: 850 } });
      const cspViolations: string[] = [];
      await ctx.exposeBinding('reportCspViolation', (_src, v: string) => void cspViolations.push(v));
      await ctx.addInitScript(() => {
        document.addEventListener('securitypolicyviolation', (e) => {
          (window as unknown as { reportCspViolation(v: string): void }).reportCspViolation(
            `CSP ${e.violatedDirective} blocked ${e.blockedURI} at ${e.sourceFile}:${e.lineNumber}`,
          );
        });
      });
      const page = await ctx.newPage();
      let current = '(login)';
      const problems = watch(page, () => current);
      const quiet = quietAfterClicks(page);
      await loginThroughForm(page, server.url, username);
      const labels = await menuLabels(page);
      expect(labels.length).toBeGreaterThan(0);
      const visited: [string, string][] = [];
      const records: string[] = [];
      for (const label of labels) {
        current = label;
        await openMenuEntry(page, label);
        await quiet();
        visited.push([label, page.url()]);
        await checkPage(page, label, problems);
        // …and the first record the page lists, as a newcomer clicks into one (an enterprise's file, a hidden danger,
        // a case, a report).
        const record = page.locator('.ant-table-tbody a[href^="/"]:visible').first();
        if (await record.count()) {
          current = `${label} → ${await record.getAttribute('href')}`;
          records.push(current);
          await record.click();
          await quiet();
          await checkPage(page, current, problems);
          await page.goBack();
          await quiet();
          current = label;
        }
        // A menu entry that leaves the app's frame (the public notices) offers a logged-in user the way back to it.
        if (!(await page.locator('[data-testid=main-menu]').count())) {
          if (await page.getByRole('link', { name: '登录' }).count()) problems.push(`${label}: offers a logged-in user to log in`);
          await page.getByRole('link', { name: '返回工作台' }).click();
          await page.waitForSelector('[data-testid=main-menu]');
        }
      }
      // The field roles work on phones (the grid inspector, the enterprise's safety manager, the street officer on
      // inspection): each of their pages, on a phone, fits the screen — nothing reaches past its right edge except
      // inside a strip that scrolls sideways (a table, a row of tabs or filters).
      if (phoneRoles.has(username)) {
        await page.setViewportSize({ width: 390, height: 844 });
        for (const [label, url] of visited) {
          current = `${label} (phone)`;
          await page.goto(url);
          await page.waitForLoadState('networkidle');
          const cut = await page.evaluate(cutOffAtTheRight);
          if (cut.length) problems.push(`${current}: past the screen's edge: ${cut.join(' | ')}`);
        }
      }
      expect([...problems, ...cspViolations]).toEqual([]);
      if (rolesWithRecords.has(username)) expect(records.length).toBeGreaterThan(2);
      await ctx.close();
    }, 300_000);
  }
});

/**
 * What a page must not show: an error alert, the not-found card, or a value the web app failed to turn into words
 * (undefined, null, NaN, an invalid date, an object printed as text).
 */
async function checkPage(page: Page, where: string, problems: string[]): Promise<void> {
  if (await page.locator('[data-testid=error-display]').count()) {
    problems.push(`${where}: error alert "${await page.locator('[data-testid=error-display]').first().innerText()}"`);
  }
  if (await page.locator('[data-testid=not-found]').count()) problems.push(`${where}: not-found card`);
  const raw = (await page.locator('body').innerText()).match(/\bundefined\b|\bnull\b|\bNaN\b|Invalid Date|\[object Object\]/g);
  if (raw) problems.push(`${where}: shows ${[...new Set(raw)].join(', ')}`);
}

/** Elements reaching past the window's right edge, unless inside an ancestor that scrolls sideways (in the page). */
function cutOffAtTheRight(): string[] {
  const width = window.innerWidth;
  const scrolls = (e: Element | null): boolean => {
    for (let a = e?.parentElement ?? null; a; a = a.parentElement) {
      const x = getComputedStyle(a).overflowX;
      if (x === 'auto' || x === 'scroll') return true;
    }
    return false;
  };
  return Array.from(document.querySelectorAll('body *'))
    .filter((e) => {
      const r = e.getBoundingClientRect();
      return r.width > 0 && r.right > width + 1 && getComputedStyle(e).position !== 'fixed' && !scrolls(e);
    })
    .slice(0, 3)
    .map((e) => `${e.tagName.toLowerCase()}.${String(e.className).slice(0, 50)} (right ${Math.round(e.getBoundingClientRect().right)})`);
}
