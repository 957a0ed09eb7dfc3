// 举报 in real Chromium against the built platform: a citizen on a phone-sized screen, not logged in, reports an
// illegal workshop to 龙城街道 and gets a tracking code; the street officer accepts, assigns and replies in the
// handling workspace; the citizen follows the reply with the code — and the tracking page shows nothing else.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from './src/browser';
import { startServer, type RunningServer } from './src/server';
import { loginThroughForm } from './src/login';

let server: RunningServer;
let browser: Browser;
let citizen: Page;
let officer: Page;
const description = `e2e 举报 出租屋内无证喷漆作坊 ${Date.now()}`;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  citizen = await (await browser.newContext({ viewport: { width: 390, height: 844 } })).newPage();
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

describe('public reporting', () => {
  it('a citizen reports on a phone without logging in and follows the reply with the tracking code', async () => {
    await citizen.goto(`${server.url}/report`);
    await pick(citizen, 'report-category', '非法违法生产经营');
    await citizen.getByTestId('report-area').click();
    await citizen.keyboard.type('龙城');
    await citizen.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '龙城街道' }).first().click();
    await citizen.getByTestId('report-address').fill('龙城街道爱联社区某出租厂房二楼');
    const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
    await citizen.getByTestId('report-date').fill(today);
    await citizen.getByTestId('report-description').fill(description);
    await citizen.getByTestId('report-submit').click();
    const code = (await citizen.getByTestId('tracking-code').innerText()).trim();
    expect(code).toMatch(/^[A-Z2-9]{12}$/);
    // No horizontal scrolling on the phone.
    expect(await citizen.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1)).toBe(true);

    // The street officer finds it in the workspace and handles it.
    await loginThroughForm(officer, server.url, 'street');
    await officer.waitForSelector('[data-testid=current-user]');
    await officer.goto(`${server.url}/reports`);
    await officer.getByTestId('report-list').getByText('龙城街道爱联社区某出租厂房二楼').first().waitFor();
    // The overdue filter lives in the address: a link to it shows the switch on.
    await officer.goto(`${server.url}/reports?overdue=true`);
    await expect(officer.getByRole('switch').isChecked()).resolves.toBe(true);
    const id: string = await officer.evaluate(async (d) => {
      const page = await (await fetch('/api/reports?pageSize=50')).json();
      return page.items.find((r: { description: string }) => r.description === d).id;
    }, description);
    await officer.goto(`${server.url}/reports/${id}`);
    await officer.getByTestId('report-act-accept').click();
    await officer.getByTestId('report-act-assign').click();
    await officer.getByTestId('report-act-reply').click();
    await officer.getByTestId('report-field-reply').fill('经核查，该作坊已被依法取缔。感谢您的举报。');
    await officer.getByTestId('report-act-ok').click();
    await expect.poll(() => officer.getByTestId('report-status').innerText()).toBe('已答复');

    // The citizen follows it with the code.
    await citizen.getByText('查询办理进度').last().click();
    await citizen.getByTestId('track-code').waitFor();
    expect(await citizen.getByTestId('track-code').inputValue()).toBe(code);
    await citizen.getByTestId('track-submit').click();
    await expect.poll(() => citizen.getByTestId('track-reply').innerText()).toBe('经核查，该作坊已被依法取缔。感谢您的举报。');
    const shown = await citizen.getByTestId('track-result').innerText();
    expect(shown).toContain('已答复');
    expect(shown).not.toContain(description);
    expect(shown).not.toContain('龙城街道爱联社区');

    // A wrong code finds nothing.
    await citizen.getByTestId('track-code').fill('ABCDEFGHJKLM');
    await citizen.getByTestId('track-submit').click();
    await citizen.getByText('查询码不正确').waitFor();
  });
});
