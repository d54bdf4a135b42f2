import { generate } from 'otplib';
import type { Page } from 'playwright-core';
import type { DemoLogin } from './test-server.ts';

const codePeriodSeconds = 30;

/** Signs in through the sign-in page, typing the one-time code (enrolling the app first if asked). */
export async function signIn(page: Page, baseUrl: string, login: DemoLogin): Promise<void> {
  await page.goto(`${baseUrl}/sign-in`);
  await page.getByLabel('E-postadress').fill(login.email);
  await page.getByLabel('Lösenord').fill(login.password);
  await page.getByRole('button', { name: 'Logga in' }).click();

  const codeField = page.getByRole('textbox', { name: 'Engångskod' });
  const welcome = page.getByRole('heading', { level: 1, name: /^Välkommen/ });
  await codeField.or(welcome).first().waitFor();
  if (await welcome.isVisible()) return;

  // A first sign-in shows the secret to enrol; otherwise the demo log-in carries it.
  const shownSecret = await page
    .locator('[data-secret]')
    .getAttribute('data-secret', { timeout: 500 })
    .catch(() => null);
  const secret = shownSecret ?? login.totpSecret;
  if (!secret) throw new Error(`${login.email} was asked for a code but has no TOTP secret`);

  for (let attempt = 0; attempt < 2; attempt += 1) {
    await codeField.fill(await generate({ secret }));
    await page.getByRole('button', { name: 'Verifiera' }).click();
    const rejected = page.getByRole('heading', { name: 'Koden stämmer inte.' });
    await welcome.or(rejected).first().waitFor();
    if (await welcome.isVisible()) return;
    // A code may be refused as already used: wait for the next period and try once more.
    const secondsLeft = codePeriodSeconds - (Math.floor(Date.now() / 1000) % codePeriodSeconds);
    await page.waitForTimeout((secondsLeft + 1) * 1000);
  }
  throw new Error(`The one-time code for ${login.email} was refused twice`);
}

export async function signOut(page: Page): Promise<void> {
  const menuButton = page.getByRole('button', { name: 'Meny' });
  if (await menuButton.isVisible()) {
    if ((await menuButton.getAttribute('aria-expanded')) !== 'true') await menuButton.click();
  }
  await page.getByRole('button', { name: 'Logga ut' }).click();
  await page.getByRole('heading', { level: 1, name: 'Logga in' }).waitFor();
}
