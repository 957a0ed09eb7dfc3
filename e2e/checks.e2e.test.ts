// Scheduled self-inspection and risk control in real Chromium: the enterprise's safety manager opens today's
// company-level check on a phone, passes one item and fails the other with a note and a camera photo; the failure
// becomes a hidden danger she can open. She downloads a post's risk notification card; the district officer sees
// the four-colour distribution and the missed-task overview.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import JSZip from 'jszip';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser } from './src/browser';
import { startServer, type RunningServer } from './src/server';
import { loginThroughForm } from './src/login';
import { cameraJpeg } from './src/camera';

let server: RunningServer;
let browser: Browser;
let phone: BrowserContext;
let desk: BrowserContext;
let ent: Page;
const note = `e2e 除尘器泄爆口被杂物遮挡 ${Date.now()}`;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  phone = await browser.newContext({ viewport: { width: 390, height: 844 }, acceptDownloads: true });
  desk = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  ent = await phone.newPage();
  await loginThroughForm(ent, server.url, 'ent_safety');
  await ent.waitForSelector('[data-testid=current-user]');
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('scheduled check on a phone', () => {
  it('fails an item with a note and a photo, and the failure opens a hidden danger', async () => {
    await ent.goto(`${server.url}/checks`);
    await ent.getByTestId('check-task').filter({ hasText: '公司级' }).first().click();
    const items = ent.getByTestId('check-item');
    await expect.poll(() => items.count()).toBeGreaterThan(1);
    const n = await items.count();
    for (let i = 0; i < n - 1; i++) await items.nth(i).getByText('合格', { exact: true }).click();
    const last = items.nth(n - 1);
    await last.getByText('不合格', { exact: true }).click();
    await last.getByTestId('fail-note').fill(note);
    await last.getByTestId('check-photo-input').setInputFiles({ name: 'photo.jpg', mimeType: 'image/jpeg', buffer: await cameraJpeg(ent) });
    await last.locator('img').waitFor();
    await ent.getByTestId('submit-check').click();
    await ent.getByText('已完成').first().waitFor();
    await ent.getByTestId('hazard-link').click();
    await ent.getByText(note).first().waitFor();
    expect(ent.url()).toMatch(/\/hazards\/[0-9a-f-]{36}$/);
  });

  it('downloads a risk notification card that names the post and its red risk', async () => {
    await ent.goto(`${server.url}/risks`);
    await ent.locator('[data-testid=risk-units] a', { hasText: '抛光打磨岗位' }).click();
    const [download] = await Promise.all([ent.waitForEvent('download'), ent.getByTestId('card-download').click()]);
    expect(download.suggestedFilename()).toMatch(/\.docx$/);
    const zip = await JSZip.loadAsync(fs.readFileSync((await download.path())!));
    const text = (await zip.file('word/document.xml')!.async('string')).replace(/<[^>]+>/g, '');
    expect(text).toContain('抛光打磨岗位');
    expect(text).toContain('重大风险（红）');
  });
});

describe('district views', () => {
  it('shows the four-colour distribution and the missed-task overview', async () => {
    const officer = await desk.newPage();
    await loginThroughForm(officer, server.url, 'officer');
    await officer.waitForSelector('[data-testid=current-user]');
    await officer.goto(`${server.url}/risks`);
    await officer.getByTestId('risk-distribution-chart').locator('canvas').waitFor();
    await officer.getByText('龙城街道').first().waitFor();
    await officer.goto(`${server.url}/checks`);
    await officer.getByTestId('missed-summary').getByText('龙城街道').waitFor();
  });
});
