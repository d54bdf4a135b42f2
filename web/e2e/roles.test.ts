import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { assertNoAxeViolations } from './support/accessibility.ts';
import { setUpBrowserTest } from './support/browser-test.ts';
import { signOut } from './support/sign-in.ts';

// Every role of the demo tenant signs in, opens every page its navigation offers, and each page
// passes axe with no WCAG 2.1 A/AA violations.
describe('each role', () => {
  const browserTest = setUpBrowserTest();

  test('the demo tenant has a log-in for every role', () => {
    const { demoLogins } = browserTest.server;
    assert.ok(demoLogins.length >= 10, `only ${demoLogins.length} demo log-ins`);
  });

  test('signs in, visits every page of its navigation without accessibility violations, and signs out', async (t) => {
    for (const login of browserTest.server.demoLogins) {
      await t.test(login.role, async () => {
        await browserTest.withPage({ context: { timezoneId: 'Europe/Stockholm' } }, async (page) => {
          // Listening before signing in, so that errors on the sign-in page count too.
          const pageErrors: string[] = [];
          page.on('pageerror', (error) => pageErrors.push(error.message));
          await browserTest.signIn(page, login);
          assert.equal(await page.locator('html').getAttribute('lang'), 'sv');
          assert.equal(await page.getByRole('button', { name: 'Meny' }).isVisible(), false, 'a wide screen shows Meny');
          await assertNoAxeViolations(page, `the start page of ${login.role}`);

          const navigation = page.getByRole('navigation', { name: 'Huvudmeny' });
          const labels = await navigation.getByRole('link').allTextContents();
          assert.ok(labels.includes('Start'), `${login.role} lacks Start in the navigation: ${labels.join(', ')}`);

          for (const label of labels) {
            await navigation.getByRole('link', { name: label, exact: true }).click();
            const heading = page.getByRole('heading', { level: 1 });
            await heading.waitFor();
            // A page may load several parts at once: wait until none says it is loading.
            const loading = page.getByRole('status').filter({ hasText: 'Laddar' });
            while ((await loading.count()) > 0) await loading.first().waitFor({ state: 'detached' });
            assert.match(await page.title(), / – Värn$/, `the page ${label} has no title of its own`);
            assert.equal(await page.getByRole('alert').count(), 0, `${label} shows an error for ${login.role}`);
            await assertNoAxeViolations(page, `${label} as ${login.role}`);
          }

          await signOut(page);
          assert.deepEqual(pageErrors, []);
        });
      });
    }
  });
});
