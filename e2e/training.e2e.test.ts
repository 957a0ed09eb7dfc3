// The online exam in real Chromium on a phone-sized page: the enterprise principal picks the demo paper and a person,
// starts (the questions arrive now), answers every question and submits; the score computed on the server is shown.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from './src/browser';
import { startServer, type RunningServer } from './src/server';
import { loginThroughForm } from './src/login';

let server: RunningServer;
let browser: Browser;
let ent: Page;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  const phone = await browser.newContext({ viewport: { width: 390, height: 844 } });
  ent = await phone.newPage();
  await loginThroughForm(ent, server.url, 'ent_boss');
  await ent.waitForSelector('[data-testid=current-user]');
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('online exam on a phone', () => {
  it('starts an exam, answers every question, submits and sees the score', async () => {
    await ent.goto(`${server.url}/exam`);
    await ent.getByTestId('exam-papers').getByText('安全生产知识考试').first().waitFor();
    await ent.getByTestId('exam-person').first().click();
    await ent.locator('.ant-select-item-option').first().click();
    await ent
      .getByRole('button', { name: /开始考试/ })
      .first()
      .click();
    const sheet = ent.getByTestId('exam-sheet');
    await sheet.waitFor();
    const cards = sheet.locator('.ant-card');
    await expect.poll(() => cards.count()).toBe(5);
    for (let i = 0; i < 5; i++) await cards.nth(i).locator('.ant-radio-wrapper, .ant-checkbox-wrapper').first().click();
    await ent.getByTestId('exam-submit').click();
    const result = ent.getByTestId('exam-result');
    await result.waitFor();
    expect(await result.textContent()).toMatch(/得分\s*\d+\s*\/\s*100/);
    // The page fits the phone: nothing wider than the viewport.
    expect(await ent.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  });
});
