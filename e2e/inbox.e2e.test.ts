// The inbox in real Chromium against the built platform: a street officer reports a hidden danger at the
// enterprise; the domain event reaches the notifications consumer through the job queue; the enterprise's
// safety manager sees the header badge, opens the inbox, follows the link to the record, and marks all read.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from './src/browser';
import { startServer, type RunningServer } from './src/server';
import { loginThroughForm } from './src/login';
import { apiAs } from './src/api';

let server: RunningServer;
let browser: Browser;
let ent: Page;
let officer: Page;
const description = `e2e 消息 配电箱门缺失 ${Date.now()}`;

const badge = async (page: Page) => {
  const text = await page
    .getByTestId('unread-badge')
    .locator('.ant-scroll-number')
    .first()
    .getAttribute('title')
    .catch(() => null);
  return text === null ? 0 : Number(text);
};

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  const desk = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  ent = await desk.newPage();
  officer = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
  await loginThroughForm(ent, server.url, 'ent_safety');
  await ent.waitForSelector('[data-testid=current-user]');
  await loginThroughForm(officer, server.url, 'street');
  await officer.waitForSelector('[data-testid=current-user]');
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('inbox', () => {
  it('shows a new notice in the header and the inbox, links to the record, and marks all read', async () => {
    await ent.goto(`${server.url}/inbox`);
    await ent.getByTestId('inbox-table').waitFor();
    const enterpriseId: string = await ent.evaluate(async () => (await (await fetch('/api/me')).json()).user.enterpriseId);
    const unread = (): Promise<number> =>
      ent.evaluate(async () => (await (await fetch('/api/notifications/unread-count')).json()).unread as number);
    // The demo's daily reminder jobs run at start and fill inboxes in the background: wait until they are done.
    let last = -1;
    await expect
      .poll(
        async () => {
          const now = await unread();
          const settled = now === last;
          last = now;
          return settled;
        },
        { timeout: 60_000, interval: 2_000 },
      )
      .toBe(true);

    // The street officer reports a hidden danger found on an inspection of the enterprise.
    const hazard = await apiAs<{ id: string }>(officer, 'POST', '/api/hazards', {
      enterpriseId,
      source: 'government_inspection',
      description,
      location: '二号车间东侧',
      category: 'unsafe_condition',
      accidentType: '05',
      grade: 'general',
    });
    expect(hazard.id).toBeTruthy();

    // The relay and the consumer run in the background; the notice about this hidden danger appears within seconds.
    await expect
      .poll(
        async () =>
          ent.evaluate(async (id) => {
            const page = await (await fetch('/api/notifications?unread=true&pageSize=100')).json();
            return (page.items as { entityId: string | null }[]).some((n) => n.entityId === id);
          }, hazard.id),
        { timeout: 40_000, interval: 500 },
      )
      .toBe(true);
    await ent.reload();
    await ent.getByTestId('inbox-table').waitFor();
    // The header counts what the API counts.
    await expect.poll(async () => (await badge(ent)) === (await unread()), { timeout: 10_000 }).toBe(true);
    expect(await unread()).toBeGreaterThan(0);

    // The notice links to the hidden danger.
    const link = ent.locator(`[data-testid=inbox-table] a[data-testid=notice-link][href$="/hazards/${hazard.id}"]`).first();
    await expect(link.innerText()).resolves.toContain('新登记的隐患待制定整改');
    await link.click();
    await ent.waitForURL(`**/hazards/${hazard.id}`);
    await ent.getByText(description).first().waitFor();

    // Following it marked it read; then everything is marked read in bulk.
    await ent.goto(`${server.url}/inbox`);
    await ent.getByTestId('inbox-table').waitFor();
    if ((await unread()) > 0) await ent.getByTestId('mark-all').click();
    await expect.poll(() => badge(ent), { timeout: 10_000 }).toBe(0);
    await expect(ent.getByTestId('inbox-unread').innerText()).resolves.toBe('未读 0 条');
    await ent.getByTestId('inbox-filter').getByText('全部').click();
    await ent.locator('[data-testid=inbox-table] tr').filter({ hasText: '新登记的隐患待制定整改' }).first().waitFor();
  }, 150_000);
});
