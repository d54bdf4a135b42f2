import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { assertNoAxeViolations } from './support/accessibility.ts';
import { setUpBrowserTest } from './support/browser-test.ts';

describe('language', () => {
  const browserTest = setUpBrowserTest();

  test('switching to English changes the text and <html lang>, and the choice survives a reload', async () => {
    await browserTest.withPage({ signedInAs: 'security_department' }, async (page) => {
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
    });
  });
});
