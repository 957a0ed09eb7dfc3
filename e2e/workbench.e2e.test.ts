// Each role's home page shows its work and its figures on the demo district, and a figure opens the list behind it:
// district officer and street officer at desk width, the enterprise and the grid inspector on a phone.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from './src/browser';
import { startServer, type RunningServer } from './src/server';
import { loginThroughForm } from './src/login';

let server: RunningServer;
let browser: Browser;
const shots = fs.mkdtempSync(path.join(os.tmpdir(), 'anjian-workbench-'));

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function open(username: string, viewport: { width: number; height: number }): Promise<Page> {
  const page = await (await browser.newContext({ viewport })).newPage();
  await loginThroughForm(page, server.url, username);
  await page.getByTestId('workbench-todo').waitFor();
  return page;
}

const desk = { width: 1280, height: 900 };
const phone = { width: 390, height: 844 };
const figureKeys = async (page: Page) =>
  (await page.locator('[data-testid^=figure-]').evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')))).map((s) =>
    String(s).slice('figure-'.length),
  );

describe('workbench', () => {
  it("shows the district officer the district's figures by street, and a figure opens its list", async () => {
    const page = await open('officer', desk);
    const keys = await figureKeys(page);
    for (const k of [
      'overdueHazards',
      'openMajorHazards',
      'inspectionsThisMonth',
      'casesPastLimit',
      'accidentsThisYear',
      'deathsThisYear',
    ]) {
      expect(keys, k).toContain(k);
    }
    // One row per street of 龙岗区 (11 streets in the plans; the division data may hold more units at that level).
    await expect.poll(() => page.getByTestId('workbench-breakdown').locator('tbody tr').count()).toBeGreaterThanOrEqual(11);
    await page.screenshot({ path: path.join(shots, 'officer.png'), fullPage: true });
    await page.getByTestId('figure-overdueHazards').click();
    await page.waitForURL(/\/hazards\?tab=overdue$/);
    await expect.poll(() => page.getByTestId('hazard-tabs').locator('.ant-segmented-item-selected').innerText()).toMatch(/^逾期/);
  });

  it('pages the officer’s work ten at a time, filters it by kind, and links a kind with more to its full list', async () => {
    const page = await open('officer', desk);
    const items = page.getByTestId('todo-item');
    // The demo's officer has 141 hidden dangers awaiting acceptance: the workbench lists 20, a page shows 10.
    await expect.poll(() => items.count()).toBe(10);
    const accept = page.getByTestId('todo-kinds').locator('[data-kind=hazard_accept]');
    expect(await accept.innerText()).toMatch(/^隐患待验收 20\+$/);
    await accept.click();
    await expect.poll(() => page.locator('[data-testid=todo-item]:not([data-kind=hazard_accept])').count()).toBe(0);
    await page.getByTestId('workbench-todo').locator('.ant-pagination-item', { hasText: '2' }).click();
    await expect.poll(() => items.count()).toBe(10);
    await page.getByTestId('todo-more').getByRole('link', { name: '查看全部“隐患待验收”' }).click();
    await page.waitForURL(/\/hazards\?tab=awaiting_acceptance$/);
    await expect.poll(() => page.getByTestId('hazard-tabs').locator('.ant-segmented-item-selected').innerText()).toMatch(/^待验收 141/);
  });

  it("shows the street officer the street's figures by community", async () => {
    const page = await open('street', desk);
    expect(await figureKeys(page)).toContain('overdueHazards');
    expect(await page.getByTestId('workbench-breakdown').locator('tbody tr').count()).toBeGreaterThan(0);
    await page.screenshot({ path: path.join(shots, 'street.png'), fullPage: true });
  });

  it('shows the enterprise its own work on a phone, without district figures', async () => {
    const page = await open('ent_safety', phone);
    const keys = await figureKeys(page);
    expect(keys).toEqual(expect.arrayContaining(['openHazards', 'overdueHazards', 'checkTasksDue', 'checksDoneThisMonth']));
    expect(keys).not.toContain('inspectionsThisMonth');
    expect(await page.getByTestId('workbench-breakdown').count()).toBe(0);
    // Every item links to its record.
    for (const href of await page
      .getByTestId('todo-item')
      .locator('a')
      .evaluateAll((as) => as.map((a) => a.getAttribute('href')))) {
      expect(href).toMatch(/^\/(hazards|checks\/tasks)\/[0-9a-f-]{36}$/);
    }
    await page.screenshot({ path: path.join(shots, 'enterprise.png'), fullPage: true });
  });

  it('shows the grid inspector its grid on a phone', async () => {
    const page = await open('grid', phone);
    expect(await figureKeys(page)).toEqual(expect.arrayContaining(['enterprisesInScope', 'openHazards', 'overdueHazards']));
    await page.screenshot({ path: path.join(shots, 'grid.png'), fullPage: true });
    // The demo grid's units never visited or due are its work today; one opens the visit form for that unit.
    const visits = page.locator('[data-testid=todo-item][data-kind=grid_visit]');
    await expect.poll(() => visits.count()).toBeGreaterThan(0);
    expect(await visits.first().innerText()).toContain('网格巡查到期');
    await visits.first().locator('a').click();
    await page.waitForURL(/\/grid\/visit\/[0-9a-f-]{36}$/);
  });
});
