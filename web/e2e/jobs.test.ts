import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { assertNoAxeViolations } from './support/accessibility.ts';
import { launchBrowser } from './support/browser.ts';
import { signIn } from './support/sign-in.ts';
import type { DemoLogin } from './support/test-server.ts';

type FailedEmailServer = {
  url: string;
  demoLogins: DemoLogin[];
  mailbox: { isRejecting: boolean; mails: unknown[] };
  stop(): Promise<void>;
};

// Loaded by URL so that the web project's type check does not pull in the server's sources.
const modulePath = new URL('../../server/src/testing/failed-email-server.ts', import.meta.url).href;

// The mail server refused a report's e-mails until they failed for good. The administrator finds them
// on "Utskick och jobb", on a phone, and runs one again once the mail server takes mail.
describe('failed jobs', () => {
  let browser: Browser;
  let server: FailedEmailServer;
  before(async () => {
    browser = await launchBrowser();
    const { startServerWithFailedEmails } = (await import(modulePath)) as {
      startServerWithFailedEmails(): Promise<FailedEmailServer>;
    };
    server = await startServerWithFailedEmails();
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  test('the administrator sees the failed e-mails and runs one again', async () => {
    const context = await browser.newContext({
      locale: 'sv-SE',
      timezoneId: 'Europe/Stockholm',
      viewport: { width: 360, height: 740 },
    });
    try {
      const page = await context.newPage();
      const administrator = server.demoLogins.find((login) => login.role === 'administrator') as DemoLogin;
      await signIn(page, server.url, administrator);
      await page.getByRole('button', { name: 'Meny' }).click();
      await page.getByRole('link', { name: 'Utskick och jobb' }).click();
      await page.getByRole('heading', { level: 1, name: 'Utskick och jobb' }).waitFor();

      const cards = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: /^E-post/ }) });
      await cards.first().waitFor();
      assert.equal(await cards.count(), 3);
      const first = cards.first();
      assert.match(await first.getByRole('heading').innerText(), /E-post\s+Misslyckat/);
      assert.match(await first.innerText(), /7 av 7/);
      assert.match(await first.innerText(), /550/);
      assert.doesNotMatch(await page.locator('main').innerText(), /@/, 'no recipient address on the page');
      assert.equal(
        await page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth),
        false,
        'the page fits a 360 px phone',
      );
      await assertNoAxeViolations(page, 'the failed jobs');

      server.mailbox.isRejecting = false;
      await first.getByRole('button', { name: 'Kör igen' }).click();
      await page.getByRole('status').getByText('Jobbet är köat igen och körs inom kort.').waitFor();
      for (let waited = 0; server.mailbox.mails.length < 1 && waited < 20_000; waited += 200) {
        await page.waitForTimeout(200);
      }
      assert.equal(server.mailbox.mails.length, 1, 'the e-mail run again arrives');
      await assertNoAxeViolations(page, 'the failed jobs after a retry');
    } finally {
      await context.close();
    }
  });

  test('without failed jobs the page says so', async () => {
    const context = await browser.newContext({ locale: 'sv-SE', timezoneId: 'Europe/Stockholm' });
    try {
      const page = await context.newPage();
      const administrator = server.demoLogins.find((login) => login.role === 'administrator') as DemoLogin;
      await signIn(page, server.url, administrator);
      // The two e-mails still failed are run again, one after the other.
      await page.goto(`${server.url}/jobb`);
      await page.getByRole('heading', { level: 1, name: 'Utskick och jobb' }).waitFor();
      const buttons = page.getByRole('button', { name: 'Kör igen' });
      await buttons.first().waitFor();
      for (let remaining = await buttons.count(); remaining > 0; remaining -= 1) {
        await buttons.first().click();
        for (let waited = 0; (await buttons.count()) >= remaining && waited < 10_000; waited += 100) {
          await page.waitForTimeout(100);
        }
        assert.equal(await buttons.count(), remaining - 1);
      }
      for (let waited = 0; server.mailbox.mails.length < 3 && waited < 20_000; waited += 200) {
        await page.waitForTimeout(200);
      }
      await page.reload();
      await page.getByText('Inga misslyckade utskick.').waitFor();
      await assertNoAxeViolations(page, 'the empty jobs page');
    } finally {
      await context.close();
    }
  });
});
