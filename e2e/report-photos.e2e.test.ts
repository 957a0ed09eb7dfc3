// 举报照片 in real Chromium against the built platform: the citizen (logged in, on a 390 px phone) attaches a photo from
// the phone to a report and submits it; the tracking page and "my reports" show the photo; the district officer opens
// the report and sees the thumbnail, which a tap enlarges to the photo itself. The officer also records a report
// received by the hotline with a photo the caller sent, which the report page shows the same way, its location gone.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { launchBrowser } from './src/browser';
import { cameraJpeg } from './src/camera';
import { loginThroughForm } from './src/login';
import { startServer, type RunningServer } from './src/server';

let server: RunningServer;
let browser: Browser;
let citizen: Page;
let officer: Page;
const description = `e2e 举报照片 仓库堆放易燃物堵塞安全出口 ${Date.now()}`;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  citizen = await (await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true })).newPage();
  officer = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function pick(page: Page, testId: string, option: string) {
  await page.getByTestId(testId).click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: option }).first().click();
  await expect.poll(() => page.locator('.ant-select-dropdown:visible').count()).toBe(0);
}

/** Width of an image as the browser decoded it: 0 until it has loaded (or when it failed to). */
const decodedWidth = (img: Locator) => img.evaluate((el) => (el as HTMLImageElement).complete && (el as HTMLImageElement).naturalWidth);

/** Fills the report form's common fields (the public form and the intake share them) for a report in 龙城街道. */
async function fillReport(page: Page, address: string, text: string) {
  await pick(page, 'report-category', '事故隐患');
  await page.getByTestId('report-area').click();
  await page.keyboard.type('龙城');
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '龙城街道' }).first().click();
  await page.getByTestId('report-address').fill(address);
  await page.getByTestId('report-date').fill(new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10));
  await page.getByTestId('report-description').fill(text);
}

/** The report page's first photo: its thumbnail decoded, and a click opening the photo itself at 1280 px. */
async function expectPhotoShown(page: Page): Promise<{ thumb: Locator; large: Locator }> {
  const thumb = page.getByTestId('report-photos').locator('img').first();
  await thumb.waitFor();
  await expect.poll(() => decodedWidth(thumb)).toBeGreaterThan(0);
  expect(await thumb.getAttribute('src')).toMatch(/^\/api\/files\/[0-9a-f-]{36}\/thumbnail$/);
  // A click lands on the image's hover mask (预览), which opens the preview.
  await page.getByTestId('report-photos').locator('.ant-image').first().click();
  const large = page.locator('.ant-image-preview-img');
  await large.waitFor();
  expect(await large.getAttribute('src')).toMatch(/^\/api\/files\/[0-9a-f-]{36}$/);
  await expect.poll(() => decodedWidth(large)).toBe(1280); // the photo as taken, not the 320 px thumbnail
  return { thumb, large };
}

describe('photos on a public report', () => {
  it('a citizen attaches a photo on a phone and the officer sees it, enlarged on a tap', async () => {
    await loginThroughForm(citizen, server.url, 'citizen');
    await citizen.waitForSelector('[data-testid=current-user]');
    await citizen.goto(`${server.url}/report`);
    await fillReport(citizen, '龙城街道某物流仓库北门', description);
    // The photo as the phone hands it over: uploaded at once, previewed from the phone, counted against the six.
    await citizen.getByTestId('report-photo-input').setInputFiles({
      name: 'IMG_0001.jpg',
      mimeType: 'image/jpeg',
      buffer: await cameraJpeg(citizen, '#597ef7', { width: 1280, height: 960 }),
    });
    await citizen.getByTestId('report-photo-list').locator('img').waitFor();
    await expect.poll(() => citizen.getByTestId('report-photo-count').innerText()).toBe('1 / 6');
    // A file that is not a photo is refused on the phone, with the reason, and not added.
    await citizen
      .getByTestId('report-photo-input')
      .setInputFiles({ name: 'notes.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4') });
    await citizen.getByText('仅支持 JPEG、PNG、WebP 照片').first().waitFor();
    expect(await citizen.getByTestId('report-photo-count').innerText()).toBe('1 / 6');
    expect(await citizen.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1)).toBe(true);
    await citizen.getByTestId('report-submit').click();
    const code = (await citizen.getByTestId('tracking-code').innerText()).trim();
    expect(code).toMatch(/^[A-Z2-9]{12}$/);

    // The tracking page shows the photo, served under the code.
    await citizen.getByText('查询办理进度').last().click();
    await citizen.getByTestId('track-code').waitFor();
    await citizen.getByTestId('track-submit').click();
    const tracked = citizen.getByTestId('track-result').getByTestId('report-photos').locator('img').first();
    await tracked.waitFor();
    await expect.poll(() => decodedWidth(tracked)).toBeGreaterThan(0);
    expect(await tracked.getAttribute('src')).toMatch(new RegExp(`^/api/public/reports/${code}/photos/[0-9a-f-]{36}/thumbnail$`));
    expect(await citizen.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1)).toBe(true);

    // "My reports" shows it too, read through the citizen's own account.
    await citizen.goto(`${server.url}/my-reports`);
    const mine = citizen.getByTestId('report-photos').locator('img').first();
    await mine.waitFor();
    await expect.poll(() => decodedWidth(mine)).toBeGreaterThan(0);

    // The district officer opens the report: the thumbnail, and the photo itself on a click.
    await loginThroughForm(officer, server.url, 'officer');
    await officer.waitForSelector('[data-testid=current-user]');
    const id: string = await officer.evaluate(async (d) => {
      const page = await (await fetch('/api/reports?pageSize=50')).json();
      return page.items.find((r: { description: string }) => r.description === d).id;
    }, description);
    await officer.goto(`${server.url}/reports/${id}`);
    const { thumb } = await expectPhotoShown(officer);
    expect(await decodedWidth(thumb)).toBe(320);
  });
});

describe('photos on a report recorded from another channel', () => {
  it('the officer attaches the caller’s photo on the intake form; the report shows it, without its location', async () => {
    const page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
    await loginThroughForm(page, server.url, 'officer');
    await page.waitForURL((u) => !u.pathname.startsWith('/login'));
    await page.goto(`${server.url}/reports/new`);
    const said = `e2e 电话举报 厂房二楼私拉电线 ${Date.now()}`;
    await fillReport(page, '龙城街道某电子厂二楼', said);
    // The caller's picture, as a messenger hands it over: a JPEG whose metadata names the place it was taken.
    const place = 'GPS 22.7209N 114.2468E 龙城街道';
    const jpeg = await cameraJpeg(page, '#73d13d', { width: 1280, height: 960 });
    const xmp = Buffer.concat([
      Buffer.from('http://ns.adobe.com/xap/1.0/\0<x:xmpmeta>', 'latin1'),
      Buffer.from(place),
      Buffer.from('</x:xmpmeta>'),
    ]);
    const app1 = Buffer.concat([Buffer.from([0xff, 0xe1, (xmp.length + 2) >> 8, (xmp.length + 2) & 0xff]), xmp]);
    const withPlace = Buffer.concat([jpeg.subarray(0, 2), app1, jpeg.subarray(2)]);
    expect(withPlace.includes(Buffer.from(place))).toBe(true);
    await page
      .getByTestId('report-photo-input')
      .setInputFiles({ name: '微信图片_20261206.jpg', mimeType: 'image/jpeg', buffer: withPlace });
    await page.getByTestId('report-photo-list').locator('img').waitFor();
    await expect.poll(() => page.getByTestId('report-photo-count').innerText()).toBe('1 / 6');
    await page.getByTestId('intake-save').click();
    await page.waitForURL((u) => /^\/reports\/[0-9a-f-]{36}$/.test(u.pathname));
    await page.getByText(said).first().waitFor();

    // The report page shows it as a reporter's photo: the thumbnail, the photo itself on a click.
    const { large } = await expectPhotoShown(page);
    // The stored photo no longer carries the place it was taken.
    const src = (await large.getAttribute('src'))!;
    const served = await page.evaluate(async (url) => {
      const bytes = new Uint8Array(await (await fetch(url)).arrayBuffer());
      return { jpeg: bytes[0] === 0xff && bytes[1] === 0xd8, text: new TextDecoder('utf-8', { fatal: false }).decode(bytes) };
    }, src);
    expect(served.jpeg).toBe(true);
    expect(served.text).not.toContain('22.7209N');
    expect(served.text).not.toContain('xmpmeta');
  });
});
