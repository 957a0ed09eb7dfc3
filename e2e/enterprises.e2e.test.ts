// Issue 3's browser flows: find a unit by two Chinese characters, open its file, edit and save;
// import the template with a bad row and see that row's error.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { completeCreditCode } from '../server/src/reference/credit-code';
import { launchBrowser } from './src/browser';
import { startServer, type RunningServer } from './src/server';
import { loginThroughForm } from './src/login';
import { openEnterpriseSection } from './src/sections';

let server: RunningServer;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
  await loginThroughForm(page, server.url, 'street');
  await page.waitForSelector('[data-testid=current-user]');
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('enterprise file', () => {
  it('finds a unit by two characters, opens its file, edits and saves', async () => {
    await page.goto(`${server.url}/enterprises`);
    const search = page.getByPlaceholder('企业名称（两个字即可）或信用代码');
    await search.fill('宏达');
    await search.press('Enter');
    const link = page.getByRole('link', { name: '深圳市龙岗区宏达五金制品有限公司' });
    await link.waitFor();
    await link.click();
    await expect(page.getByTestId('enterprise-title').innerText()).resolves.toBe('深圳市龙岗区宏达五金制品有限公司');

    await page.getByRole('button', { name: /编\s*辑/ }).click();
    const employees = page.getByLabel('从业人数');
    await employees.fill('321');
    await page.getByTestId('save-enterprise').click();
    await page.getByTestId('enterprise-title').waitFor();
    await expect(page.getByText('321', { exact: true }).first().isVisible()).resolves.toBe(true);
    await page.getByRole('tab', { name: '变更记录' }).click();
    await expect(
      page
        .getByText(/employees/)
        .first()
        .waitFor(),
    ).resolves.toBeUndefined();
  });

  it('keeps a search in the address: a shared link and the way back from a file show the same list', async () => {
    await page.goto(`${server.url}/enterprises`);
    const search = page.getByPlaceholder('企业名称（两个字即可）或信用代码');
    await search.fill('宏达');
    await search.press('Enter');
    await page.waitForURL(/[?&]q=%E5%AE%8F%E8%BE%BE/);
    await page.getByRole('link', { name: '深圳市龙岗区宏达五金制品有限公司' }).click();
    await page.getByTestId('enterprise-title').waitFor();
    await page.goBack();
    await page.getByRole('link', { name: '深圳市龙岗区宏达五金制品有限公司' }).waitFor();
    await expect(search.inputValue()).resolves.toBe('宏达');
    const names = await page.locator('tbody tr td:first-child a').allInnerTexts();
    expect(names.length).toBeGreaterThan(0);
    expect(names.every((n) => n.includes('宏达'))).toBe(true);

    // A shared link with a bad value: the rest of it still applies.
    await page.goto(`${server.url}/enterprises?q=${encodeURIComponent('五金')}&page=abc&sector=nonsense`);
    await page.locator('tbody tr td:first-child a').first().waitFor();
    await expect(search.inputValue()).resolves.toBe('五金');
    const found = await page.locator('tbody tr td:first-child a').allInnerTexts();
    expect(found.every((n) => n.includes('五金'))).toBe(true);
  });

  it("shows a street officer the principal's phone masked and reveals it with a reason", async () => {
    await page.goto(`${server.url}/enterprises`);
    const search = page.getByPlaceholder('企业名称（两个字即可）或信用代码');
    await search.fill('宏达');
    await search.press('Enter');
    await page.getByRole('link', { name: '深圳市龙岗区宏达五金制品有限公司' }).click();
    const phone = page.getByTestId('principal-phone');
    await phone.waitFor();
    await expect(phone.innerText()).resolves.toMatch(/^1\d{2}\*{4}\d{4}$/);
    await page.getByTestId('reveal-contacts').click();
    await page.getByLabel('查看原因').fill('核实隐患整改情况');
    await page
      .getByRole('button', { name: /查\s*看/ })
      .last()
      .click();
    await expect(
      page.waitForFunction(() => /^1\d{10}$/.test(document.querySelector('[data-testid=principal-phone]')?.textContent ?? '')),
    ).resolves.toBeTruthy();
    await expect(page.getByTestId('reveal-contacts').count()).resolves.toBe(0);
  });

  it('opens every section of the file on a phone, the last ones included', async () => {
    const phone = await (await browser.newContext({ viewport: { width: 390, height: 844 } })).newPage();
    await loginThroughForm(phone, server.url, 'street');
    await phone.waitForSelector('[data-testid=current-user]');
    const id = await phone.evaluate(async () => (await (await fetch('/api/enterprises?q=宏达五金')).json()).items[0].id as string);
    await phone.goto(`${server.url}/enterprises/${id}`);
    await phone.getByTestId('enterprise-title').waitFor();
    // The actions sit in the page, not squeezed beside the title.
    await expect(phone.getByRole('button', { name: /编\s*辑/ }).isVisible()).resolves.toBe(true);
    await openEnterpriseSection(phone, '信用');
    await phone.getByTestId('credit-grade').waitFor();
    await openEnterpriseSection(phone, '变更记录');
    await expect(
      phone
        .getByText(/employees/)
        .first()
        .waitFor(),
    ).resolves.toBeUndefined();
    await phone.context().close();
  });

  it('imports the template with a bad row and explains that row', async () => {
    const res = await page.request.get(`${server.url}/api/enterprises/import-template`);
    expect(res.status()).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await res.body()) as unknown as ArrayBuffer);
    const sheet = wb.getWorksheet('企业名录')!;
    // Required columns are marked with a trailing * in the template.
    const headers = (sheet.getRow(1).values as unknown[]).map((v) => String(v ?? '').replace(/\*$/, ''));
    const col = (h: string) => headers.indexOf(h);
    const good = completeCreditCode('91440307MA5E2E2E2');
    const rows = [
      {
        企业名称: '深圳市龙岗区端到端测试机械有限公司',
        统一社会信用代码: good,
        经营地址: '龙城街道测试路 1 号',
        所属区划代码: '440307015001',
        监管行业: '机械',
      },
      {
        企业名称: '深圳市龙岗区坏数据有限公司',
        统一社会信用代码: '91440307MA5E2E2E2Z',
        经营地址: '龙城街道测试路 2 号',
        所属区划代码: '440307015001',
        监管行业: '机械',
      },
    ];
    rows.forEach((r, i) => {
      const row = sheet.getRow(i + 2);
      for (const [h, v] of Object.entries(r)) row.getCell(col(h)).value = v;
      row.commit();
    });
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'anjian-import-')), '导入.xlsx');
    await wb.xlsx.writeFile(file);

    await page.goto(`${server.url}/enterprises/import`);
    await page.locator('input[type=file]').setInputFiles(file);
    await page.getByTestId('import-check').click();
    const errors = page.getByTestId('import-errors');
    await errors.waitFor();
    const text = await errors.innerText();
    expect(text).toContain('3'); // the spreadsheet row of the bad code (header is row 1)
    expect(text).toMatch(/校验/);
    expect(text).toContain('统一社会信用代码'); // the column as the file's header names it, not the field's key
    expect(text).not.toContain('creditCode');
    // The real import writes, audits and refreshes statistics: on a loaded CI machine it can take a while.
    const imported = page.waitForResponse((r) => r.url().includes('/api/enterprises/import?dryRun=false'), { timeout: 120_000 });
    await page.getByTestId('import-confirm').click();
    expect((await imported).status()).toBe(200);
    await page.getByText('导入完成').waitFor({ timeout: 30_000 });
    const check = await page.request.get(`${server.url}/api/enterprises?q=${encodeURIComponent('端到端测试')}`);
    expect((await check.json()).total).toBe(1);
  });
});
