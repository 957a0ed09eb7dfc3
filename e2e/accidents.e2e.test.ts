// The accident flow in real Chromium: the district officer registers an accident with 2 deaths and sees it
// graded 一般 as the numbers are typed; a third death inside the 补报 window regrades it to 较大; the
// follow-up duties of a fatal accident are listed on its page.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from './src/browser';
import { startServer, type RunningServer } from './src/server';
import { loginThroughForm } from './src/login';

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

/** Opens a Select by its label and clicks an option, once any other dropdown has finished closing. */
async function pick(label: string | RegExp, option?: string) {
  await expect.poll(() => page.locator('.ant-select-dropdown:visible, .ant-cascader-dropdown:visible').count()).toBe(0);
  await page.getByLabel(label, { exact: typeof label === 'string' }).click();
  const options = page.locator('.ant-select-dropdown:visible .ant-select-item-option');
  await (option ? options.filter({ hasText: option }).first() : options.first()).click();
}

describe('accident registration and 补报 regrading', () => {
  it('2 deaths → 一般; a third death within the window → 较大; follow-ups listed', async () => {
    await page.goto(`${server.url}/accidents`);
    await page.getByTestId('accident-new').click();

    await page.locator('.ant-form-item', { hasText: '发生地区划' }).locator('.ant-select-selector').click();
    await page.locator('.ant-cascader-menu-item').first().click();
    await page.keyboard.press('Escape');
    await page.getByTestId('accident-address').fill('e2e 测试路8号 冲压车间');
    await page.getByTestId('accident-unitName').fill('e2e 测试五金制品厂');
    await pick('事故类型', '工矿商贸');
    await pick(/事故类别/);
    await page.getByLabel('死亡（人）').fill('2');
    await page.getByTestId('accident-level-preview').getByText('一般事故').waitFor();

    await page.getByTestId('accident-save').click();
    await page.waitForURL(/\/accidents\/[0-9a-f-]{36}$/);
    expect(await page.getByTestId('accident-level').first().innerText()).toContain('一般');

    await page.getByTestId('accident-edit').click();
    await page.waitForURL(/\/edit$/);
    const deaths = page.getByLabel('死亡（人）');
    await expect.poll(() => deaths.inputValue()).toBe('2');
    await deaths.fill('3');
    await page.getByTestId('accident-level-preview').getByText('较大事故').waitFor();
    await page.getByTestId('accident-changeNote').fill('一名重伤人员经抢救无效死亡');
    await page.getByTestId('accident-save').click();
    await page.waitForURL(/\/accidents\/[0-9a-f-]{36}$/);

    await page.getByTestId('accident-level').first().getByText('较大事故').waitFor();
    expect(await page.getByTestId('accident-deaths').innerText()).toBe('3');
    const duties = page.getByTestId('follow-ups');
    await duties.getByText('约谈并通报企业主要负责人').waitFor();
    for (const duty of ['主要负责人安全生产再培训', '事故警示教育', '“一案双查”']) {
      expect(await duties.innerText()).toContain(duty);
    }
    await page
      .getByTestId('accident-timeline')
      .getByText(/伤亡补报/)
      .waitFor();
  });

  it("keeps the ledger's search in the address: Back from an accident shows the same list", async () => {
    await page.goto(`${server.url}/accidents`);
    const search = page.getByPlaceholder('地点或单位名称');
    await search.fill('e2e 测试五金');
    await search.press('Enter');
    await page.waitForURL(/[?&]q=/);
    const row = page.locator('tbody tr', { hasText: 'e2e 测试五金制品厂' }).first();
    await row.getByRole('link').click();
    await page.getByTestId('accident-level').first().waitFor();
    await page.goBack();
    await row.waitFor();
    await expect(search.inputValue()).resolves.toBe('e2e 测试五金');
    const rows = await page.locator('tbody tr.ant-table-row').allInnerTexts();
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r.includes('e2e 测试'))).toBe(true);
  });
});
