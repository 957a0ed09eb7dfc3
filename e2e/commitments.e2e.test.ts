// 承诺制 and 八个一次 in real Chromium on a phone-sized page: the principal (demo ent_boss) draws a signature and signs
// the year's commitment, sees the QR code of the public page, records this month's inspection with a photo; the public
// page shows the signed commitment without a login. Before that, the district officer edits the commitment text in the
// app and the principal's page shows the new version.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from './src/browser';
import { startServer, type RunningServer } from './src/server';
import { loginThroughForm } from './src/login';
import { cameraJpeg } from './src/camera';

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

describe('the district officer edits the commitment text', () => {
  it('saves the default text as a new version, and the principal is shown it', async () => {
    const desk = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
    await loginThroughForm(desk, server.url, 'officer');
    await desk.waitForSelector('[data-testid=current-user]');
    await desk.goto(`${server.url}/commitment-texts`);
    const card = desk.getByTestId('commitment-texts');
    await card.getByLabel('标题').waitFor();
    const version = card.getByTestId('commitment-text-version');
    const before = await version.innerText();
    expect(before).not.toMatch(/default-\d/); // the number and date, never the internal id
    const title = `安全生产承诺书（e2e ${Date.now()}）`;
    await card.getByLabel('标题').fill(title);
    await card.getByRole('button', { name: /保存为新版本/ }).click();
    await desk.getByText('已保存为新版本').waitFor();
    await expect.poll(() => version.innerText()).not.toBe(before);
    expect(await version.innerText()).toMatch(/^第 \d+ 版 · 保存于 \d{4}-\d{2}-\d{2}$/);
    await desk.context().close();

    await ent.goto(`${server.url}/commitment`);
    await ent.getByTestId('commitment-body').waitFor();
    await ent.getByText(title).first().waitFor();
  });
});

describe('the principal on a phone', () => {
  it('signs the commitment with a drawn signature, and the workers read it without a login', async () => {
    await ent.goto(`${server.url}/commitment`);
    await ent.getByTestId('commitment-body').waitFor();
    await ent.getByLabel('承诺人姓名').fill('王建国');
    const pad = ent.getByTestId('signature-pad');
    const box = (await pad.boundingBox())!;
    await ent.mouse.move(box.x + 20, box.y + 40);
    await ent.mouse.down();
    await ent.mouse.move(box.x + 120, box.y + 80, { steps: 8 });
    await ent.mouse.move(box.x + 200, box.y + 30, { steps: 8 });
    await ent.mouse.up();
    await ent.getByTestId('sign-commitment').click();
    await ent.getByTestId('commitment-qr').waitFor();
    const link = (await ent
      .getByText(/\/public\/commitments\//)
      .first()
      .textContent())!.trim();
    expect(await ent.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

    const anonymous = await (await browser.newContext({ viewport: { width: 390, height: 844 } })).newPage();
    await anonymous.goto(link.replace(/^https?:\/\/[^/]+/, server.url));
    await anonymous.getByText('王建国').first().waitFor();
    await anonymous.context().close();
  });

  it('records this month’s inspection with a photo', async () => {
    await ent.goto(`${server.url}/duties`);
    await ent.getByTestId('record-this-month').click();
    await ent.getByLabel(/情况记录/).fill('带队检查车间消防通道和配电房');
    await ent
      .getByTestId('duty-photo-input')
      .setInputFiles({ name: 'inspection.jpg', mimeType: 'image/jpeg', buffer: await cameraJpeg(ent) });
    await ent.getByText('inspection.jpg').waitFor();
    await ent.getByTestId('submit-duty').click();
    await ent.getByText('已提交，待街道核查').waitFor();
    await ent
      .getByText(/待核查/)
      .first()
      .waitFor();
    expect(await ent.getByTestId('record-this-month').count()).toBe(0);
  });
});
