// 网格化巡查 in real Chromium on a phone-sized screen (issue 15 item 11): the grid inspector visits a unit and the
// finding opens a hidden danger; then a visit made with the network switched off waits in the offline queue and is
// submitted exactly once when the network returns (checked through the API: one visit with that note).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser } from './src/browser';
import { startServer, type RunningServer } from './src/server';
import { loginThroughForm } from './src/login';
import { cameraJpeg } from './src/camera';

let server: RunningServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
const stamp = Date.now();

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  context = await browser.newContext({
    viewport: { width: 390, height: 844 },
    geolocation: { latitude: 22.7208, longitude: 114.2462 },
    permissions: ['geolocation'],
  });
  page = await context.newPage();
  await loginThroughForm(page, server.url, 'grid');
  await page.waitForSelector('[data-testid=current-user]');
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** The grid inspector's units, through the API the page uses. */
async function units(): Promise<{ enterpriseId: string; name: string }[]> {
  return page.evaluate(async () => (await (await fetch('/api/grid/units?pageSize=50')).json()).items);
}

async function startVisit(enterpriseId: string) {
  await page.goto(`${server.url}/grid/visit/${enterpriseId}`);
  await page.getByTestId('grid-check-in').click();
  await page.getByTestId('grid-checked-in').waitFor();
}

describe('grid patrol on a phone', () => {
  it('a visit whose finding opens a hidden danger', async () => {
    const [unit] = await units();
    expect(unit).toBeTruthy();
    await startVisit(unit!.enterpriseId);
    await page.getByTestId('grid-notes').fill(`e2e 劝导 ${stamp}`);
    // A photo from the camera: uploaded at once, shown as a thumbnail in the form.
    await page.getByTestId('grid-photo-input').setInputFiles({ name: 'site.jpg', mimeType: 'image/jpeg', buffer: await cameraJpeg(page) });
    await page.getByTestId('grid-visit-form').locator('.ant-image img').waitFor();
    await page.getByTestId('grid-add-finding').click();
    const finding = `e2e 巡查发现 配电箱无门锁 ${stamp}`;
    await page.getByTestId('grid-finding-0').fill(finding);
    await page.getByTestId('grid-visit-submit').click();
    await page.getByTestId('grid-units').waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1)).toBe(true);
    const hazards = await page.evaluate(
      async (id) => (await (await fetch(`/api/hazards?enterpriseId=${id}&source=grid_patrol&pageSize=100`)).json()).items,
      unit!.enterpriseId,
    );
    expect(hazards.filter((h: { description: string }) => h.description === finding)).toHaveLength(1);
  });

  it('an offline visit is queued, then submitted exactly once when the network returns', async () => {
    const all = await units();
    const unit = all[1] ?? all[0]!;
    await startVisit(unit.enterpriseId);
    const note = `e2e 离线巡查 ${stamp}`;
    await page.getByTestId('grid-notes').fill(note);
    await context.setOffline(true);
    await page.getByTestId('grid-visit-submit').click();
    await page.getByTestId('grid-queue-alert').waitFor();
    expect(await page.evaluate(() => JSON.parse(localStorage.getItem('anjian.grid.visitQueue') ?? '[]').length)).toBe(1);
    await context.setOffline(false);
    // The page flushes the queue on the browser's 'online' event.
    await expect
      .poll(() => page.evaluate(() => JSON.parse(localStorage.getItem('anjian.grid.visitQueue') ?? '[]').length), { timeout: 15_000 })
      .toBe(0);
    const visitsWithNote = async () =>
      page.evaluate(
        async ({ id, n }) =>
          (await (await fetch(`/api/grid/visits?enterpriseId=${id}&pageSize=100`)).json()).items.filter(
            (v: { notes: string | null }) => v.notes === n,
          ).length,
        { id: unit.enterpriseId, n: note },
      );
    expect(await visitsWithNote()).toBe(1);
    // A reload flushes again (nothing left) and a manual retry has nothing to send: still one visit.
    await page.reload();
    await page.getByTestId('grid-units').waitFor();
    expect(await visitsWithNote()).toBe(1);
  });
});
