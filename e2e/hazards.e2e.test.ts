// The hidden-danger loop in real Chromium: the enterprise's safety manager reports a major hidden danger with a
// photo from a phone-sized page, the street officer sees it on the board, the enterprise starts and submits the
// rectification with its treatment plan, the officer accepts it, it closes and the statistics move.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
let officer: Page;
const description = `e2e 抛光工位除尘管道积尘严重 ${Date.now()}`;

interface Totals {
  found: number;
  rectified: number;
}

async function totals(page: Page): Promise<Totals> {
  return page.evaluate(async () => (await (await fetch('/api/hazards/stats?groupBy=grade')).json()).total);
}

async function runAction(page: Page, action: string, fill: (modal: Page) => Promise<void>) {
  await page.getByTestId(`action-${action}`).click();
  await fill(page);
  await page.getByTestId('action-confirm').click();
  await page.locator('.ant-modal').waitFor({ state: 'hidden' });
}

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  // Phone-sized, like the foundation flows (mobile emulation's 8 px classic scrollbar skews clicks in modals).
  phone = await browser.newContext({ viewport: { width: 390, height: 844 } });
  desk = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  ent = await phone.newPage();
  officer = await desk.newPage();
  await loginThroughForm(ent, server.url, 'ent_safety');
  await ent.waitForSelector('[data-testid=current-user]');
  await loginThroughForm(officer, server.url, 'street');
  await officer.waitForSelector('[data-testid=current-user]');
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('hidden-danger loop', () => {
  it('report with a photo on the phone → board → rectify and submit → accept → closed, statistics move', async () => {
    const before = await totals(officer);

    // 1. The enterprise reports it from its phone, with a photo from the camera input.
    await ent.goto(`${server.url}/hazards`);
    await ent.getByTestId('hazard-report-button').click();
    await ent.getByTestId('hazard-description').fill(description);
    await ent.setInputFiles('[data-testid=photo-input]', { name: '现场照片.jpg', mimeType: 'image/jpeg', buffer: await cameraJpeg(ent) });
    await ent.locator('[data-testid=attachments] img').first().waitFor();
    await ent.getByText('重大事故隐患', { exact: true }).click();
    await ent.getByTestId('hazard-submit').click();
    await ent.getByTestId('hazard-timeline').waitFor();
    // Polled: a state's label comes from the code tables, which can arrive after the page (the raw code shows until then).
    await expect.poll(() => ent.getByTestId('hazard-state').first().innerText(), { timeout: 10_000 }).toBe('已登记');
    await expect(ent.locator('[data-testid=hazard-photos] img').count()).resolves.toBe(1);
    const hazardUrl = ent.url();

    // 2. The street officer finds it on the supervision board.
    await officer.goto(`${server.url}/hazards`);
    const search = officer.getByPlaceholder('编号、描述或企业名称');
    await search.fill(description.slice(-13));
    await search.press('Enter');
    const row = officer.getByTestId('hazard-row').filter({ hasText: description });
    await row.waitFor();
    await row.getByRole('link').click();
    await officer.getByTestId('hazard-timeline').waitFor();
    await expect(officer.getByText(description).first().isVisible()).resolves.toBe(true);
    // A major hidden danger: the officer is not the one to rectify it.
    await expect(officer.getByTestId('action-submit_for_acceptance').count()).resolves.toBe(0);

    // 3. The enterprise starts the rectification and submits it with its treatment plan and 五落实.
    await ent.goto(hazardUrl);
    await runAction(ent, 'start_rectification', async (p) => {
      await p.locator('#responsiblePerson').fill('陈海燕');
    });
    await expect.poll(() => ent.getByTestId('hazard-state').first().innerText(), { timeout: 10_000 }).toBe('整改中');
    await runAction(ent, 'submit_for_acceptance', async (p) => {
      await p.getByTestId('evidence-rectificationRecord').fill('已清理管道积尘，加装定期清扫制度');
      const plan = [
        'goals_and_tasks',
        'methods_and_measures',
        'funds_and_materials',
        'organisation_and_personnel',
        'time_limit_and_requirements',
        'safety_measures_and_emergency_plan',
      ];
      for (const part of plan) await p.locator(`#treatmentPlan_${part}`).fill('已落实');
      for (const key of ['measures', 'funds', 'time_limit', 'responsible_person', 'emergency_plan'])
        await p.locator(`#implementations_${key}`).fill('已落实');
    });
    await expect.poll(() => ent.getByTestId('hazard-state').first().innerText(), { timeout: 10_000 }).toBe('待验收');
    // The enterprise may not sign off a major hidden danger itself.
    await expect(ent.getByTestId('action-accept').count()).resolves.toBe(0);

    // 4. The officer accepts; it closes.
    await officer.reload();
    await runAction(officer, 'accept', async (p) => {
      await p.getByTestId('evidence-acceptanceOpinion').fill('现场复查合格');
    });
    await expect.poll(() => officer.getByTestId('hazard-state').first().innerText(), { timeout: 10_000 }).toBe('已销号');
    const steps = await officer.getByTestId('hazard-timeline').innerText();
    for (const s of ['登记隐患', '下达整改', '提交验收', '验收通过']) expect(steps).toContain(s);

    // 5. The statistics moved, and the statistics page draws them.
    const after = await totals(officer);
    expect(after.found).toBe(before.found + 1);
    expect(after.rectified).toBe(before.rectified + 1);
    await officer.goto(`${server.url}/hazard-stats`);
    await officer.locator('[data-testid=hazard-chart] canvas').waitFor();
    await expect(officer.getByTestId('hazard-stats-table').getByText('合计').isVisible()).resolves.toBe(true);
  });

  it('the street officer re-grades a general one reported from the phone to major, and the enterprise loses 立查立改', async () => {
    const text = `e2e 配电箱门缺失 ${Date.now()}`;
    await ent.goto(`${server.url}/hazards`);
    await ent.getByTestId('hazard-report-button').click();
    await ent.getByTestId('hazard-description').fill(text);
    await ent.getByTestId('hazard-submit').click();
    await ent.getByTestId('hazard-timeline').waitFor();
    await ent.getByTestId('action-fix_on_the_spot').waitFor();
    const hazardUrl = ent.url();

    await officer.goto(hazardUrl);
    await officer.getByTestId('action-regrade').click();
    await officer.getByTestId('regrade-reason').fill('现场核查：配电室无门且临近粉尘作业区，构成重大事故隐患');
    await officer.getByTestId('step-confirm').click();
    await officer.locator('.ant-modal').waitFor({ state: 'hidden' });
    const timeline = officer.getByTestId('hazard-timeline');
    await timeline.getByText('调整隐患等级').waitFor();
    await expect(timeline.innerText()).resolves.toContain('现场核查');

    await ent.reload();
    await ent.getByTestId('hazard-timeline').getByText('调整隐患等级').waitFor();
    await expect(ent.getByText('重大', { exact: true }).first().isVisible()).resolves.toBe(true);
    await expect(ent.getByTestId('action-fix_on_the_spot').count()).resolves.toBe(0);
  });

  it("keeps the board's tab and search in the address: Back from a hidden danger shows the same board", async () => {
    await officer.goto(`${server.url}/hazards`);
    const search = officer.getByPlaceholder('编号、描述或企业名称');
    await search.fill('配电箱门缺失');
    await search.press('Enter');
    await officer
      .getByTestId('hazard-tabs')
      .getByText(/^已登记/)
      .click();
    await officer.waitForURL(/tab=reported/);
    expect(officer.url()).toContain(`q=${encodeURIComponent('配电箱门缺失')}`);
    const rows = officer.getByTestId('hazard-row');
    await rows.first().getByRole('link').click();
    await officer.getByTestId('hazard-timeline').waitFor();
    await officer.goBack();
    await rows.first().waitFor();
    await expect(search.inputValue()).resolves.toBe('配电箱门缺失');
    await expect(officer.getByTestId('hazard-tabs').locator('.ant-segmented-item-selected').innerText()).resolves.toMatch(/^已登记/);
    const texts = await rows.allInnerTexts();
    expect(texts.every((r) => r.includes('配电箱门缺失'))).toBe(true);
  });
});
