// The enterprise file on a phone lists its sections in a select (the tab strip would scroll under the finger).
import type { Page } from 'playwright-core';

/**
 * Picks a section and waits until the select shows it. A tap that lands while the previous choice's dropdown is
 * still fading out hits the fading list, which no longer takes clicks, and the section stays as it was: the
 * pick is then made again, as a user would.
 */
export async function openEnterpriseSection(page: Page, name: string): Promise<void> {
  const select = page.getByTestId('enterprise-section');
  for (let attempt = 1; ; attempt++) {
    await select.click();
    await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option', { hasText: name }).first().click();
    const shown = await select
      .locator('.ant-select-selection-item', { hasText: name })
      .waitFor({ timeout: 5_000 })
      .then(() => true)
      .catch(() => false);
    if (shown) return;
    if (attempt === 3) throw new Error(`the section select did not switch to ${name}`);
  }
}
