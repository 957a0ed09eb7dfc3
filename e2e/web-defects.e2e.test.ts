// What a district user tripped over in the first hour (issue 11.4), each checked in the browser: labels instead of
// codes, no stray file pickers, confirmations with their scope and results, real plan progress, plain map messages,
// no refused requests from an enterprise's pages, a not-found page for a missing record.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser } from './src/browser';
import { startServer, type RunningServer } from './src/server';
import { loginThroughForm } from './src/login';

let server: RunningServer;
let browser: Browser;
const contexts: BrowserContext[] = [];

async function as(username: string, viewport = { width: 1280, height: 900 }): Promise<Page> {
  const ctx = await browser.newContext({ viewport });
  contexts.push(ctx);
  const page = await ctx.newPage();
  await loginThroughForm(page, server.url, username);
  await page.waitForSelector('[data-testid=current-user]');
  return page;
}

const getJson = (page: Page, url: string) => page.evaluate(async (u) => (await fetch(u)).json(), url);

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
});
afterAll(async () => {
  for (const c of contexts) await c.close();
  await browser?.close();
  await server?.stop();
});

describe('labels, not codes', () => {
  it('the hidden-danger timeline names grade, source and deadline unit in words', async () => {
    const page = await as('officer');
    const list = (await getJson(page, '/api/hazards?pageSize=50')) as { items: { id: string }[] };
    expect(list.items.length).toBeGreaterThan(0);
    await page.goto(`${server.url}/hazards/${list.items[0]!.id}`);
    const timeline = page.getByTestId('hazard-timeline');
    await timeline.getByTestId('timeline-field').first().waitFor();
    const text = await timeline.innerText();
    expect(text).toContain('隐患等级：');
    expect(text).toMatch(/隐患等级：(一般|重大)/);
    for (const raw of ['grade：', 'source：', 'deadlineUnit：', 'general', 'government_inspection', 'enterprise_self_check', 'calendar'])
      expect(text, raw).not.toContain(raw);
  });
});

describe('file pickers', () => {
  it('no native "Choose Files" picker shows under the photo buttons', async () => {
    const page = await as('officer', { width: 390, height: 844 });
    await page.goto(`${server.url}/hazards/new`);
    await page.locator('input[type=file]').first().waitFor({ state: 'attached' });
    const inputs = page.locator('input[type=file]');
    expect(await inputs.count()).toBeGreaterThan(0);
    for (let i = 0; i < (await inputs.count()); i++) expect(await inputs.nth(i).isVisible()).toBe(false);
  });
});

describe('confirmations', () => {
  it('双随机 results go public only after a confirmation, and the page says they did', async () => {
    const page = await as('officer');
    await page.goto(`${server.url}/enforcement-draws`);
    await page.getByTestId('draw-title').fill('e2e 公示确认');
    await page.getByTestId('draw-k').fill('2');
    await page.getByTestId('draw-submit').click();
    await page.getByTestId('draw-result').waitFor();
    await page.getByTestId('draw-publish').click();
    const confirm = page.locator('.ant-popconfirm');
    await expect(confirm.innerText()).resolves.toContain('不能撤回');
    const published = await getJson(page, '/api/public/draws');
    expect((published as { items: { title: string }[] }).items.map((d) => d.title)).not.toContain('e2e 公示确认');
    await confirm.getByRole('button', { name: /公\s*示/ }).click();
    await page.locator('.ant-message-success').waitFor();
    const after = (await getJson(page, '/api/public/draws')) as { items: { title: string }[] };
    expect(after.items.map((d) => d.title)).toContain('e2e 公示确认');
  });

  it('district-wide risk settings ask first, stating they apply to every enterprise', async () => {
    const page = await as('officer');
    await page.goto(`${server.url}/risks`);
    await page.getByTestId('risk-settings-save').click();
    const confirm = page.locator('.ant-modal-confirm');
    await expect(confirm.innerText()).resolves.toContain('全区所有企业');
    await confirm.getByRole('button', { name: /取\s*消/ }).click();
    await confirm.waitFor({ state: 'hidden' });
  });

  it('a street officer (no district settings permission) is not offered the settings', async () => {
    const page = await as('street');
    await page.goto(`${server.url}/penalties`);
    await page.waitForTimeout(500);
    expect(await page.getByTestId('enforcement-settings').count()).toBe(0);
  });
});

describe('plan and map', () => {
  it('the plan shows inspections done of those planned, apart from the share of the year elapsed', async () => {
    const page = await as('officer');
    await page.goto(`${server.url}/inspection-plan`);
    const done = page.getByTestId('plan-done');
    await done.waitFor();
    expect(await done.innerText()).toMatch(/全年完成 \d+\/\d+/);
    expect(await page.getByTestId('plan-elapsed').innerText()).toMatch(/时间已过 \d+%/);
    expect(await page.getByTestId('plan-progress').innerText()).not.toContain('全年进度');
  });

  it('the map never shows an environment variable to its user', async () => {
    const page = await as('officer');
    await page.goto(`${server.url}/enterprises/map`);
    await page.getByText('暂无底图').waitFor();
    expect(await page.content()).not.toContain('ANJIAN_');
  });
});

describe('enterprise accounts', () => {
  it('open their own file and never ask for the area tree (no 403 from their pages)', async () => {
    const page = await as('ent_safety');
    const refused: string[] = [];
    page.on('response', (r) => {
      if (r.status() === 403) refused.push(r.url());
    });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    for (const path of ['/enterprises', '/hazards', '/risks', '/checks', '/enforcement', '/penalties']) {
      await page.goto(`${server.url}${path}`);
      await page.waitForLoadState('networkidle');
    }
    expect(refused).toEqual([]);
    expect(errors).toEqual([]);
    await page.goto(`${server.url}/enterprises`);
    await page.waitForURL(/\/enterprises\/[0-9a-f-]{36}$/); // its own file, not a district list with filters
  });

  it('open every section of their file with one click on a 1366 px screen', async () => {
    // Fifteen sections are wider than the page: a scrolling strip lost the first click on a half-hidden tab (职业健康).
    const page = await as('ent_safety', { width: 1366, height: 768 });
    await page.goto(`${server.url}/enterprises`);
    await page.waitForURL(/\/enterprises\/[0-9a-f-]{36}$/);
    await page.getByRole('tab').first().waitFor();
    const names = await page.getByRole('tab').allInnerTexts();
    expect(names).toContain('职业健康');
    const missed: string[] = [];
    for (const name of names.reverse()) {
      const tab = page.getByRole('tab', { name, exact: true });
      await tab.click();
      if ((await tab.getAttribute('aria-selected')) !== 'true') missed.push(name);
    }
    expect(missed).toEqual([]);
  });
});

describe('not found', () => {
  it('a missing case or inspection shows a not-found page instead of loading forever', async () => {
    const page = await as('officer');
    for (const path of ['/enforcement/cases/', '/enforcement/inspections/']) {
      await page.goto(`${server.url}${path}00000000-0000-4000-8000-000000000000`);
      await expect(page.getByTestId('not-found').innerText()).resolves.toContain('不存在');
    }
  });
});
