import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { assertNoAxeViolations } from './support/accessibility.ts';
import { launchBrowser } from './support/browser.ts';
import { signIn } from './support/sign-in.ts';
import { loginOf, startTestServer, type TestServer } from './support/test-server.ts';

describe('language', () => {
  let server: TestServer;
  let browser: Browser;

  before(async () => {
    browser = await launchBrowser();
    server = await startTestServer();
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  test('switching to English changes the text and <html lang>, and the choice survives a reload', async () => {
    const context = await browser.newContext({ locale: 'sv-SE' });
    const page = await context.newPage();
    try {
      await signIn(page, server.url, loginOf(server, 'security_department'));
      const html = page.locator('html');
      assert.equal(await html.getAttribute('lang'), 'sv');
      const navigation = page.getByRole('navigation', { name: 'Huvudmeny' });
      await navigation.getByRole('link', { name: 'Platser' }).waitFor();

      await page.getByRole('button', { name: 'English' }).click();
      await page.getByRole('navigation', { name: 'Main menu' }).getByRole('link', { name: 'Sites' }).waitFor();
      assert.equal(await html.getAttribute('lang'), 'en');
      await page.getByRole('heading', { level: 1, name: /^Welcome/ }).waitFor();
      assert.equal(await page.title(), 'Start – Värn');
      await page.getByRole('button', { name: 'Sign out' }).waitFor();
      await assertNoAxeViolations(page, 'the start page in English');

      await page.reload();
      await page.getByRole('heading', { level: 1, name: /^Welcome/ }).waitFor();
      assert.equal(await html.getAttribute('lang'), 'en');

      await page.getByRole('button', { name: 'Svenska' }).click();
      await page.getByRole('heading', { level: 1, name: /^Välkommen/ }).waitFor();
      assert.equal(await html.getAttribute('lang'), 'sv');
    } finally {
      await context.close();
    }
  });
});
