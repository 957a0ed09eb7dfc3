// The enterprise file on a phone lists its sections in a select (the tab strip would scroll under the finger).
import type { Page } from 'playwright-core';

export async function openEnterpriseSection(page: Page, name: string): Promise<void> {
  await page.getByTestId('enterprise-section').click();
  await page.locator('.ant-select-item-option', { hasText: name }).first().click();
}
