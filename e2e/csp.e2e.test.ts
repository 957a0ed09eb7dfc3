// The built web app runs under the server's strict Content-Security-Policy (scripts only from this origin, no inline
// script): the public page, the login, and every page of two broad roles' menus render in Chromium without a
// single CSP violation, reported either as a `securitypolicyviolation` event or a console error.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from './src/browser';
import { startServer, type RunningServer } from './src/server';
import { loginThroughForm, menuLabels, openMenuEntry } from './src/login';

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

/** A page that records every CSP violation, from the first document on (init scripts are not subject to the policy). */
async function watchedPage(): Promise<{ page: Page; violations: string[] }> {
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const violations: string[] = [];
  await ctx.exposeBinding('reportCspViolation', (_src, v: string) => void violations.push(v));
  await ctx.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      (window as unknown as { reportCspViolation(v: string): void }).reportCspViolation(
        `${e.violatedDirective} blocked ${e.blockedURI} at ${e.sourceFile}:${e.lineNumber}`,
      );
    });
  });
  const page = await ctx.newPage();
  page.on('console', (m) => {
    if (m.type() === 'error' && /Content Security Policy/i.test(m.text())) violations.push(m.text());
  });
  return { page, violations };
}

/** Opens each menu entry in turn and lets it load its data. */
async function visitEveryMenuPage(page: Page): Promise<string[]> {
  const labels = await menuLabels(page);
  for (const label of labels) {
    await openMenuEntry(page, label);
    await page.waitForLoadState('networkidle');
  }
  return labels;
}

describe('Content-Security-Policy', () => {
  it('is sent with the app shell and with API answers, strict on scripts', async () => {
    const html = await fetch(`${server.url}/`);
    const csp = html.headers.get('content-security-policy') ?? '';
    expect(csp).toMatch(/script-src 'self'(;|$)/);
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(csp).toMatch(/object-src 'none'/);
    const api = await fetch(`${server.url}/api/health`);
    expect(api.headers.get('content-security-policy')).toBe(csp);
    expect(api.headers.get('x-content-type-options')).toBe('nosniff');
    // Plain HTTP here: no HSTS (a browser would pin a LAN address that has no TLS).
    expect(api.headers.get('strict-transport-security')).toBeNull();
  });

  it('lets the public page, the login and every page of an officer and an administrator render with no violation', async () => {
    const { page, violations } = await watchedPage();
    await page.goto(`${server.url}/public`);
    await page.waitForLoadState('networkidle');
    await loginThroughForm(page, server.url, 'officer');
    const officerPages = await visitEveryMenuPage(page);
    expect(officerPages.length).toBeGreaterThan(5);
    await page.context().clearCookies();
    await loginThroughForm(page, server.url, 'admin');
    await visitEveryMenuPage(page);
    // The app really ran: the menu and the current user came from React under the policy.
    expect(await page.locator('[data-testid=current-user]').count()).toBe(1);
    expect(violations).toEqual([]);
    await page.context().close();
  });
});
