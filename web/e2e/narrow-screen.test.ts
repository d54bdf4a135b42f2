import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { assertNoAxeViolations } from './support/accessibility.ts';
import { setUpBrowserTest } from './support/browser-test.ts';
import { signOut } from './support/sign-in.ts';

// A phone, 360 px wide: the navigation folds behind a disclosure button and nothing scrolls sideways.
describe('on a 360 px wide screen', () => {
  const browserTest = setUpBrowserTest();
  const phone = { viewport: { width: 360, height: 740 } };

  test('the start page fits and the menu opens and closes with the keyboard', async () => {
    await browserTest.withPage({ signedInAs: 'administrator', context: phone }, async (page) => {
      const hasSidewaysScroll = await page.evaluate(
        () => document.documentElement.scrollWidth > document.documentElement.clientWidth,
      );
      assert.equal(hasSidewaysScroll, false, 'the start page scrolls sideways at 360 px');

      const menuButton = page.getByRole('button', { name: 'Meny' });
      const navigation = page.getByRole('navigation', { name: 'Huvudmeny' });
      assert.equal(await menuButton.getAttribute('aria-expanded'), 'false');
      assert.equal(await navigation.isVisible(), false, 'the navigation shows before the menu is opened');
      await assertNoAxeViolations(page, 'the start page at 360 px with the menu closed');

      await menuButton.focus();
      await page.keyboard.press('Enter');
      assert.equal(await menuButton.getAttribute('aria-expanded'), 'true');
      assert.equal(await navigation.isVisible(), true);
      await assertNoAxeViolations(page, 'the start page at 360 px with the menu open');

      await page.keyboard.press('Tab');
      const focused = await page.evaluate(() => document.activeElement?.textContent);
      assert.equal(focused, 'Start', 'Tab after the menu button does not reach the first menu item');

      await navigation.getByRole('link', { name: 'Personer' }).click();
      await page.getByRole('heading', { level: 1, name: 'Personer' }).waitFor();
      assert.equal(await menuButton.getAttribute('aria-expanded'), 'false', 'the menu stays open after navigating');
      assert.equal(
        await page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth),
        false,
        'the people page scrolls sideways at 360 px',
      );
      await assertNoAxeViolations(page, 'the people page at 360 px');
      await signOut(page);
    });
  });
});
