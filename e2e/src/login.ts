import type { Page } from 'playwright-core';

export const DEMO_PASSWORD = 'Anjian@2026';

/** Logs in through the real login form (labels are Chinese by default). */
export async function loginThroughForm(page: Page, baseUrl: string, username: string, password = DEMO_PASSWORD) {
  await page.goto(`${baseUrl}/login`);
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: /登\s*录/ }).click();
}

/** Every entry of the main menu, those inside closed groups too (the menu renders them hidden). */
export async function menuLabels(page: Page): Promise<string[]> {
  await page.waitForSelector('[data-testid=main-menu] .ant-menu-item');
  return (await page.locator('[data-testid=main-menu] .ant-menu-item').allTextContents()).map((s) => s.trim());
}

/** Clicks a main-menu entry by its label, opening its group first when the entry sits in a closed one. */
export async function openMenuEntry(page: Page, label: string): Promise<void> {
  const entry = page.locator('[data-testid=main-menu] .ant-menu-item', { hasText: label }).first();
  if (!(await entry.isVisible())) {
    // `has` is matched inside each candidate, so it names the entry relative to the group.
    const inGroup = page.locator('.ant-menu-item', { hasText: label });
    const group = page.locator('[data-testid=main-menu] .ant-menu-submenu', { has: inGroup }).first();
    await group.locator('.ant-menu-submenu-title').first().click();
    await entry.waitFor({ state: 'visible' });
  }
  await entry.click();
}
