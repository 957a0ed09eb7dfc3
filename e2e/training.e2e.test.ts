// The online exam in real Chromium on a phone-sized page: the enterprise principal picks the demo paper and a person,
// starts (the questions arrive now), answers every question and submits; the score computed on the server is shown.
// Before it, the district officer builds a paper from draw rules (组卷) and the principal finds it among the papers.
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

describe('组卷 by the district officer', () => {
  it('builds a paper from draw rules, shows the full mark as typed, and the enterprise sees the paper', async () => {
    const desk = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const officer = await desk.newPage();
    await loginThroughForm(officer, server.url, 'officer');
    // Navigating before the login has answered would abort it and land on the login page.
    await officer.waitForSelector('[data-testid=current-user]');
    await officer.goto(`${server.url}/exam-bank`);
    const builder = officer.getByTestId('paper-builder');
    await builder.waitFor();
    await builder.getByLabel('试卷名称').fill('危险作业专项考试');
    await builder.getByRole('combobox', { name: '主题' }).first().fill('安全生产法规');
    await builder.getByLabel('题数').first().fill('3');
    await builder.getByLabel('每题分值').first().fill('20');
    await builder.getByRole('button', { name: /添加规则/ }).click();
    await builder.getByRole('combobox', { name: '主题' }).nth(1).fill('危险作业');
    await builder.getByRole('combobox', { name: '题型' }).nth(1).click({ force: true }); // the shown value overlays the input
    await officer.locator('.ant-select-item-option', { hasText: '多选题' }).click();
    await builder.getByLabel('题数').nth(1).fill('1');
    await builder.getByLabel('每题分值').nth(1).fill('40');
    await expect.poll(() => builder.getByTestId('paper-full-mark').textContent()).toBe('满分 100 分');
    await builder.getByRole('button', { name: /生成试卷/ }).click();
    await officer.getByText('试卷已生成').waitFor();
    await officer.getByRole('cell', { name: '危险作业专项考试' }).waitFor();
    await desk.close();
    await ent.goto(`${server.url}/exam`);
    await ent.getByTestId('exam-papers').getByText('危险作业专项考试').first().waitFor();
  });
});

describe('online exam on a phone', () => {
  it('starts an exam, answers every question, submits and sees the score', async () => {
    await ent.goto(`${server.url}/exam`);
    // The officer's paper from the test above is listed too: work inside the demo paper's own item.
    const paper = ent.getByTestId('exam-papers').locator('.ant-list-item').filter({ hasText: '安全生产知识考试' }).first();
    await paper.waitFor();
    await paper.getByTestId('exam-person').click();
    await ent.locator('.ant-select-item-option').first().click();
    await paper.getByRole('button', { name: /开始考试/ }).click();
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
