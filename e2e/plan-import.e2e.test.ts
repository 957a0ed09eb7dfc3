// The task-table import in real Chromium: the district officer opens the demo plan, chooses a Word table whose
// 责任单位 names a unit that does not exist — the preview lists it and confirm stays disabled — then a correct one
// (merged 工作项目 cell), confirms, and sees the new tasks in the plan's task list.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from './src/browser';
import { startServer, type RunningServer } from './src/server';
import { loginThroughForm } from './src/login';
import { wordTable } from '../server/src/modules/workplans/plan-table.fixtures';

let server: RunningServer;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
  await loginThroughForm(page, server.url, 'officer');
  await page.waitForSelector('[data-testid=current-user]');
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

describe('importing a plan’s task table', () => {
  it('previews problems, then imports a correct table', async () => {
    const plans = (await (await page.request.get(`${server.url}/api/workplans`)).json()) as { items: { id: string }[] };
    expect(plans.items.length).toBeGreaterThan(0);
    await page.goto(`${server.url}/workplans/${plans.items[0]!.id}`);
    await page.getByTestId('workplan-tasks').waitFor();
    const input = page.locator('input[type=file][accept=".docx,.xlsx"]');
    const bad = wordTable([['1.导入测试项目', '（1）开展导入测试。', '区应急管理局牵头，区不存在局配合落实']]);
    await input.setInputFiles({ name: 'bad.docx', mimeType: DOCX, buffer: bad });
    await page.getByTestId('workplan-import-problems').waitFor();
    expect(await page.getByTestId('workplan-import-problems').textContent()).toContain('未知单位“区不存在局”');
    expect(await page.getByTestId('workplan-import-confirm').isDisabled()).toBe(true);
    await page.getByRole('button', { name: /取\s*消/ }).click();

    const good = wordTable([
      ['1.导入测试项目', '（1）开展导入测试。', '区应急管理局牵头，各街道办配合落实'],
      ['', '（2）复核导入结果。', '区住房和建设局牵头落实'],
    ]);
    await input.setInputFiles({ name: 'good.docx', mimeType: DOCX, buffer: good });
    const report = page.getByTestId('workplan-import-report');
    await expect.poll(() => report.textContent()).toContain('1 个工作项目，2 条工作内容，2 项任务');
    await page.getByTestId('workplan-import-confirm').click();
    await expect.poll(() => report.textContent()).toContain('已导入');
    await page.getByRole('button', { name: /完\s*成/ }).click();
    await expect.poll(() => page.getByTestId('workplan-tasks').textContent()).toContain('（2）复核导入结果。');
  });
});
