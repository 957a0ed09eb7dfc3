import type { Page } from 'playwright-core';

/**
 * Waits, after a click inside the single-page app, until the page's API requests have all been answered and none has
 * started for `quietMs`. Playwright's 'networkidle' load state belongs to a document load: once the app has loaded,
 * it is already reached, so after a client-side navigation it returns at once, before the new page has read its data.
 */
export function quietAfterClicks(page: Page, quietMs = 300, maxMs = 15_000): () => Promise<void> {
  let inFlight = 0;
  let lastChange = Date.now();
  const isApi = (url: string) => new URL(url).pathname.startsWith('/api/');
  page.on('request', (r) => {
    if (!isApi(r.url())) return;
    inFlight++;
    lastChange = Date.now();
  });
  const done = (r: { url(): string }) => {
    if (!isApi(r.url())) return;
    inFlight = Math.max(0, inFlight - 1);
    lastChange = Date.now();
  };
  page.on('requestfinished', done);
  page.on('requestfailed', done);
  return async () => {
    const start = Date.now();
    // The click's first request may start a tick after the click returns: wait at least one quiet period.
    lastChange = Math.max(lastChange, start);
    while (Date.now() - start < maxMs) {
      if (inFlight === 0 && Date.now() - lastChange >= quietMs) return;
      await page.waitForTimeout(50);
    }
    throw new Error(`API requests still running after ${maxMs} ms (${inFlight} in flight)`);
  };
}
