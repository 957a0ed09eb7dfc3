// The flows a user must never lose: each demo role logs in and sees its menu, is refused
// outside its scope, and an account locks after 5 bad passwords.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser } from './src/browser';
import { startServer, type RunningServer } from './src/server';
import { loginThroughForm, menuLabels } from './src/login';

let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  const code = await server?.stop();
  expect(code).toBe(0); // clean shutdown on SIGTERM (checkpoint + close)
});

const expectedMenus: Record<string, string[]> = {
  admin: ['工作台', '辖区与机构', '用户管理'],
  auditor: ['工作台', '辖区与机构', '审计日志'],
  leader: ['工作台', '辖区与机构'],
  officer: ['工作台', '辖区与机构'],
  street: ['工作台', '辖区与机构'],
  grid: ['工作台', '辖区与机构'],
  zhujian: ['工作台', '辖区与机构'],
  park: ['工作台', '辖区与机构'],
  citizen: ['工作台'],
};

describe('demo roles', () => {
  for (const [username, menu] of Object.entries(expectedMenus)) {
    it(`${username} logs in and sees exactly its menu`, async () => {
      const ctx = await browser.newContext({ viewport: { width: 1280, height: 800 } });
      const page = await ctx.newPage();
      await loginThroughForm(page, server.url, username);
      expect(await menuLabels(page)).toEqual(menu);
      await ctx.close();
    });
  }
});

describe('scope', () => {
  it('a street officer is refused the user admin page and other streets', async () => {
    const ctx = await browser.newContext({ viewport: { width: 390, height: 844 } }); // phone-sized
    const page = await ctx.newPage();
    await loginThroughForm(page, server.url, 'street');
    await page.waitForSelector('[data-testid=current-user]');
    await page.goto(`${server.url}/users`);
    await expect(page.getByText('无权访问此页面').waitFor()).resolves.toBeUndefined();
    const api = await page.evaluate(async () => {
      const users = await fetch('/api/users');
      const own = await (await fetch('/api/areas?parent=440307015')).json();
      const other = await (await fetch('/api/areas?parent=440307014')).json();
      return { users: users.status, own: own.length, other: other.length };
    });
    expect(api.users).toBe(403);
    expect(api.own).toBeGreaterThan(0); // 龙城街道's communities
    expect(api.other).toBe(0); // 布吉街道 is not the street officer's
    await ctx.close();
  });
});

describe('lock-out', () => {
  it('locks the account after 5 bad passwords, even for the right one', async () => {
    const ctx = await browser.newContext();
    const page = await ctx.newPage();
    for (let i = 1; i <= 5; i++) {
      await loginThroughForm(page, server.url, 'leader', `Wrong-Pass-${i}`);
      const text = await page.getByTestId('login-error').innerText();
      expect(text).toContain(i < 5 ? '用户名或密码错误' : '账号已锁定');
    }
    await loginThroughForm(page, server.url, 'leader');
    expect(await page.getByTestId('login-error').innerText()).toContain('账号已锁定');
    await ctx.close();
  });
});
