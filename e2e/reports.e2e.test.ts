// 举报 in real Chromium against the built platform: a citizen on a phone-sized screen, not logged in, reports an
// illegal workshop to 龙城街道 and gets a tracking code; the street officer accepts, assigns and replies in the
// handling workspace; the citizen follows the reply with the code — and the tracking page shows nothing else. The
// bureau records the payment of an approved reward with a photo of the bank slip, which the reward page then serves.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from './src/browser';
import { startServer, type RunningServer } from './src/server';
import { loginThroughForm } from './src/login';
import { apiAs } from './src/api';
import { cameraJpeg } from './src/camera';

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

describe('report rewards', () => {
  it('the officer records the payment of an approved reward with a photo of the bank slip', async () => {
    const bureau = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
    const leader = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
    await loginThroughForm(bureau, server.url, 'officer');
    await bureau.waitForURL((u) => !u.pathname.startsWith('/login'));
    await loginThroughForm(leader, server.url, 'leader');
    await leader.waitForURL((u) => !u.pathname.startsWith('/login'));
    // The demo's due reward (a concealed accident), proposed by the bureau and approved by the leader: the steps before
    // the one this test is about.
    const due = (await apiAs<{ items: { id: string; version: number }[] }>(bureau, 'GET', '/api/rewards?status=due')).items[0]!;
    const proposed = await apiAs<{ version: number }>(bureau, 'POST', `/api/rewards/${due.id}/act`, {
      action: 'propose',
      version: due.version,
      matter: 'concealed_accident',
      accidentLevel: 'general',
      deaths: 1,
      basisRef: '龙应急事故〔2026〕1号',
    });
    await apiAs(leader, 'POST', `/api/rewards/${due.id}/act`, { action: 'approve', version: proposed.version });

    await bureau.goto(`${server.url}/rewards/${due.id}`);
    await bureau.getByTestId('reward-act-pay').click();
    const modal = bureau.locator('.ant-modal:visible');
    await modal.locator('input[type=date]').fill(new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10));
    await modal.locator('.ant-select').click();
    await bureau.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '银行转账' }).click();
    await modal.getByLabel('收据编号').fill('HD-2026-0001');
    // The voucher as a photo from disk, through the browser's own file chooser.
    const dir = await mkdtemp(path.join(tmpdir(), 'voucher-'));
    const slip = path.join(dir, 'bank-slip.jpg');
    await writeFile(slip, await cameraJpeg(bureau, '#f0f0f0'));
    const [chooser] = await Promise.all([bureau.waitForEvent('filechooser'), bureau.getByTestId('reward-receipt-button').click()]);
    await chooser.setFiles(slip);
    await modal.getByText('bank-slip.jpg', { exact: true }).waitFor();
    await rm(dir, { recursive: true });
    await bureau.getByTestId('reward-act-ok').click();

    await expect.poll(() => bureau.getByTestId('reward-status').innerText(), { timeout: 10_000 }).toBe('已发放');
    const receipt = bureau.getByTestId('reward-receipt');
    expect(await receipt.innerText()).toBe('bank-slip.jpg');
    const served = await bureau.evaluate(
      async (href) => {
        const res = await fetch(href);
        return { status: res.status, type: res.headers.get('content-type') };
      },
      (await receipt.getAttribute('href'))!,
    );
    expect(served).toEqual({ status: 200, type: 'image/jpeg' });
  });
});
