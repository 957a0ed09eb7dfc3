// 应急 in real Chromium: the enterprise's safety manager sends an accident 快报 from a phone-sized page (time, kind,
// GB 6441 type, place, casualties, description, a photo from the camera); it reaches the duty desk like a call — the
// leader on duty finds it in the inbox and acknowledges it on the incident's page; the duty officer sees it in the
// incident list marked as an enterprise's 快报; the enterprise follows its state. The duty officer takes a call on a
// phone-sized page (the area defaults to the officer's own), the leader on duty finds it in the inbox, the nearest
// medical team is called out, and a click on the map lists the nearest teams.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from './src/browser';
import { startServer, type RunningServer } from './src/server';
import { loginThroughForm } from './src/login';
import { cameraJpeg } from './src/camera';

let server: RunningServer;
let browser: Browser;
let ent: Page;
let leader: Page;
let officer: Page;
const place = `e2e 宏达五金冲压车间 ${Date.now()}`;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  const desk = () => browser.newContext({ viewport: { width: 1280, height: 900 } });
  ent = await (await browser.newContext({ viewport: { width: 390, height: 844 } })).newPage();
  leader = await (await desk()).newPage();
  officer = await (await desk()).newPage();
  for (const [page, who] of [
    [ent, 'ent_safety'],
    [leader, 'leader'],
    [officer, 'officer'],
  ] as const) {
    await loginThroughForm(page, server.url, who);
    await page.waitForSelector('[data-testid=current-user]');
  }
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('快报 from a phone', () => {
  it('the enterprise reports; the leader on duty sees it in the inbox and acknowledges; the duty officer sees it', async () => {
    await ent.goto(`${server.url}/emergency/flash-reports/new`);
    const form = ent.getByTestId('flash-report');
    await form.waitFor();
    await ent.getByTestId('flash-type').fill('P01');
    await ent.getByTestId('flash-address').fill(place);
    await ent.getByTestId('flash-injured').fill('1');
    await ent.getByTestId('flash-description').fill('冲压机夹伤一名操作工，已送医');
    // The same photo picked twice through the file chooser, from a file on disk: as in a real browser, a second pick
    // of the file the input already holds fires no change event unless the picker cleared its value after the first.
    const dir = await mkdtemp(path.join(tmpdir(), 'flash-'));
    const scene = path.join(dir, 'scene.jpg');
    await writeFile(scene, await cameraJpeg(ent));
    for (const n of [1, 2]) {
      const [chooser] = await Promise.all([ent.waitForEvent('filechooser'), form.getByRole('button', { name: '拍照/选择照片' }).click()]);
      await chooser.setFiles(scene);
      await expect.poll(() => form.getByText('scene.jpg', { exact: true }).count()).toBe(n);
    }
    await rm(dir, { recursive: true });
    await ent.getByTestId('flash-submit').click();
    await ent.waitForURL(/\/emergency\/flash-reports\/[0-9a-f-]{36}$/);
    const id = ent.url().split('/').pop()!;
    await ent.getByText('企业快报').first().waitFor();
    expect(await ent.locator('.ant-timeline').innerText()).toContain('带班领导');

    // The leader on duty: the inbox has it, the incident's page shows its timeline and takes the acknowledgement.
    await leader.goto(`${server.url}/inbox`);
    await leader.getByText(`企业快报：${place}`).first().waitFor();
    await leader.goto(`${server.url}/emergency/incidents/${id}`);
    await leader.getByText(place).first().waitFor();
    await leader.getByRole('button', { name: '确认收悉' }).click();
    await leader.getByText('领导已确认').first().waitFor();

    // The duty officer's list marks it as an enterprise's 快报.
    await officer.goto(`${server.url}/emergency/incidents`);
    const row = officer.locator('tr', { hasText: place });
    await row.getByText('企业快报').waitFor();

    // The enterprise follows the state on its phone.
    await ent.goto(`${server.url}/emergency/flash-reports`);
    await ent.locator('.ant-list-item', { hasText: place }).getByText('领导已确认').waitFor();
  });
});

describe('接警 on a phone and the nearest team on the map', () => {
  it('the duty officer records a call; the leader on duty has it; the nearest team is called out and found on the map', async () => {
    const phone = await (await browser.newContext({ viewport: { width: 390, height: 844 } })).newPage();
    await loginThroughForm(phone, server.url, 'officer');
    await phone.waitForSelector('[data-testid=current-user]');
    await phone.goto(`${server.url}/emergency/incidents/new`);
    const form = phone.getByTestId('incident-intake');
    await form.waitFor();
    const call = `e2e 龙城广场东侧厂房 ${Date.now()}`;
    await form.getByLabel('地点').fill(call);
    await form.getByLabel('经度').fill('114.2478');
    await form.getByLabel('纬度').fill('22.7219');
    await form.getByPlaceholder('P01').fill('P01');
    await form.getByLabel('受伤').fill('2');
    await form.getByLabel('情况').fill('车间起火后有人受伤');
    await form.getByRole('button', { name: /登记并通知带班领导/ }).click();
    await phone.waitForURL(/\/emergency\/incidents\/[0-9a-f-]{36}$/);
    const timeline = phone.locator('.ant-timeline');
    await timeline
      .getByText(/带班领导/)
      .first()
      .waitFor();
    // The nearest medical team (龙岗区人民医院, about 0.3 km away) is among those called out.
    await timeline
      .getByText(/医疗救护队/)
      .first()
      .waitFor();

    await leader.goto(`${server.url}/inbox`);
    await leader.getByText(`接警：${call}`).first().waitFor();

    // The map: a click near the call lists the nearest teams, depots and shelters.
    await officer.goto(`${server.url}/emergency/map`);
    const map = officer.getByTestId('enterprise-map');
    await map.waitFor();
    await officer.locator('.leaflet-container').waitFor();
    const box = (await map.boundingBox())!;
    await officer.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    const popup = officer.getByTestId('nearest-popup');
    await popup.waitFor();
    expect(await popup.innerText()).toMatch(/救援队|救护队/);
    // Coloured by credit grade, the legend names the grades the draw weighs (差异化监管).
    await officer.getByText('按信用着色').click();
    await officer.getByText('D D级（严重失信）').waitFor();
    await officer.getByText('未评级').waitFor();
    await phone.context().close();
  });
});
