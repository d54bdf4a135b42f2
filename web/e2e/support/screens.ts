import type { Page } from 'playwright-core';

/** The narrowest phone the app is built for, and a desktop, both on Stockholm time. */
export const phone = { viewport: { width: 360, height: 740 }, timezoneId: 'Europe/Stockholm' };
export const desktop = { timezoneId: 'Europe/Stockholm' };

/** Whether the page is wider than the screen (nothing may scroll sideways on a phone). */
export async function scrollsSideways(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth);
}

/** Follows a link of the main menu, opening it first where it is folded behind "Meny" (on a phone). */
export async function openFromMenu(page: Page, label: string) {
  const menuButton = page.getByRole('button', { name: 'Meny' });
  if ((await menuButton.isVisible()) && (await menuButton.getAttribute('aria-expanded')) !== 'true') {
    await menuButton.click();
  }
  await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: label, exact: true }).click();
}
