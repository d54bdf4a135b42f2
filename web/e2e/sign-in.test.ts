import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { assertNoAxeViolations } from './support/accessibility.ts';
import { setUpBrowserTest } from './support/browser-test.ts';

describe('sign-in', () => {
  const browserTest = setUpBrowserTest();

  test('a wrong password shows the Swedish error in a focused summary', async () => {
    await browserTest.withPage({}, async (page) => {
      await page.goto(browserTest.url('/sign-in'));
      assert.equal(await page.title(), 'Logga in – Värn');
      await assertNoAxeViolations(page, 'the sign-in page');

      await page.getByLabel('E-postadress').fill(browserTest.loginOf('employee').email);
      await page.getByLabel('Lösenord').fill('inte-rätt-lösenord');
      await page.getByRole('button', { name: 'Logga in' }).click();

      const summary = page.getByRole('region', { name: 'Fel e-postadress eller lösenord.' });
      await summary.waitFor();
      assert.equal(await summary.evaluate((element) => element === document.activeElement), true);
      await assertNoAxeViolations(page, 'the sign-in page with an error');
    });
  });

  test('an invalid e-mail address is reported next to the field before anything is sent', async () => {
    await browserTest.withPage({}, async (page) => {
      await page.goto(browserTest.url('/sign-in'));
      await page.getByLabel('E-postadress').fill('inte-en-adress');
      await page.getByRole('button', { name: 'Logga in' }).click();
      await page.getByRole('heading', { name: 'Formuläret innehåller fel' }).waitFor();
      const email = page.getByLabel('E-postadress');
      assert.equal(await email.getAttribute('aria-invalid'), 'true');
      const describedBy = (await email.getAttribute('aria-describedby')) ?? '';
      assert.ok(describedBy.length > 0, 'the error is not linked to the field');
      await assertNoAxeViolations(page, 'the sign-in page with field errors');
    });
  });

  test('a signed-out visit to a page goes to sign-in and back to the page afterwards', async () => {
    await browserTest.withPage({}, async (page) => {
      await page.goto(browserTest.url('/organisation'));
      await page.getByRole('heading', { level: 1, name: 'Logga in' }).waitFor();
      const login = browserTest.loginOf('board_reader');
      await page.getByLabel('E-postadress').fill(login.email);
      await page.getByLabel('Lösenord').fill(login.password);
      await page.getByRole('button', { name: 'Logga in' }).click();
      await page.getByRole('heading', { level: 1, name: 'Organisation' }).waitFor();
      assert.equal(new URL(page.url()).pathname, '/organisation');
    });
  });

  test('the first Tab reaches the skip link, which moves focus to the main content', async () => {
    await browserTest.withPage({}, async (page) => {
      await page.goto(browserTest.url('/sign-in'));
      await page.getByRole('heading', { level: 1, name: 'Logga in' }).waitFor();
      await page.keyboard.press('Tab');
      const skipLink = page.getByRole('link', { name: 'Hoppa till innehållet' });
      assert.equal(await skipLink.evaluate((element) => element === document.activeElement), true);
      assert.equal(await skipLink.isVisible(), true, 'the focused skip link is not visible');
      await page.keyboard.press('Enter');
      await page.waitForFunction(() => document.activeElement?.id === 'main-content');
      await page.keyboard.press('Tab');
      assert.equal(await page.evaluate(() => document.activeElement?.id), 'sign-in-email');
    });
  });

  test('TOTP enrolment shows the QR code and the secret as text (the enrolment answer is stubbed)', async () => {
    // The demo accounts are enrolled already; the server's own tests cover enrolment end to end.
    const onePixelPng =
      'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=';
    await browserTest.withPage({}, async (page) => {
      await page.route('**/api/auth/sign-in', (route) =>
        route.fulfill({
          status: 200,
          contentType: 'application/json',
          body: JSON.stringify({
            status: 'second_factor_enrolment_required',
            enrolment: {
              secret: 'JBSWY3DPEHPK3PXP',
              otpauthUrl: 'otpauth://totp/V%C3%A4rn',
              qrCodeDataUrl: onePixelPng,
            },
          }),
        }),
      );
      await page.goto(browserTest.url('/sign-in'));
      await page.getByLabel('E-postadress').fill('ny.chef@demo.varn.se');
      await page.getByLabel('Lösenord').fill('ett-lösenord');
      await page.getByRole('button', { name: 'Logga in' }).click();
      await page.getByRole('heading', { level: 1, name: 'Aktivera tvåstegsverifiering' }).waitFor();
      assert.equal(await page.title(), 'Aktivera tvåstegsverifiering – Värn');
      await page.getByRole('img', { name: 'QR-kod för att lägga till Värn i en autentiseringsapp' }).waitFor();
      await page.getByText('JBSW Y3DP EHPK 3PXP').waitFor();
      await page.getByRole('textbox', { name: 'Engångskod' }).waitFor();
      await assertNoAxeViolations(page, 'the TOTP enrolment step');
    });
  });
});
