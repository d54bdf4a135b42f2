import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { assertNoAxeViolations } from './support/accessibility.ts';
import { setUpBrowserTest } from './support/browser-test.ts';
import { desktop, phone, scrollsSideways } from './support/screens.ts';

/** A write to the API from the signed-in page, with the CSRF header as the web app sends it. */
async function postFromPage(page: Page, path: string, body: unknown): Promise<{ status: number; data: unknown }> {
  return page.evaluate(
    async ({ path, body }) => {
      const csrf = document.cookie
        .split(';')
        .map((part) => part.trim().split('='))
        .find(([name]) => name === 'varn_csrf')?.[1];
      const response = await fetch(path, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-csrf-token': decodeURIComponent(csrf ?? ''),
          'idempotency-key': crypto.randomUUID(),
        },
        body: JSON.stringify(body),
      });
      const text = await response.text();
      return { status: response.status, data: text ? JSON.parse(text) : null };
    },
    { path, body },
  );
}

/** The header's link, found by its whole accessible name, e.g. "Aviseringar (1 oläst)". */
function notificationsLink(page: Page, name: string) {
  return page.getByRole('banner').getByRole('link', { name, exact: true });
}

// An employee reports; the manager is told in the header, reads the notification and follows it to the
// incident. The manager acknowledges; the employee is told and marks that read with the button, on a phone.
describe('notifications', () => {
  const browserTest = setUpBrowserTest();
  let incidentId = '';

  test("the manager sees the employee's report in the header and opens it from the notifications page", async () => {
    await browserTest.withPage({ signedInAs: 'employee', context: desktop }, async (page) => {
      const { status, data } = await postFromPage(page, '/api/incidents', {
        kind: 'incident',
        types: ['threat'],
        occurredAt: new Date(Date.now() - 600_000).toISOString(),
        place: { kind: 'free', description: 'Receptionen' },
        context: 'phone',
        description: 'En uppringare hotade att komma hit och ta igen det.',
      });
      assert.equal(status, 201, JSON.stringify(data));
      incidentId = (data as { id: string }).id;
    });

    await browserTest.withPage({ signedInAs: 'manager', context: desktop }, async (page) => {
      await notificationsLink(page, 'Aviseringar (1 oläst)').click();
      await page.getByRole('heading', { level: 1, name: 'Aviseringar' }).waitFor();
      const card = page
        .getByRole('listitem')
        .filter({ has: page.getByRole('link', { name: /^Ny händelse rapporterad – \d{4}-\d{2}-\d{2} \d{2}:\d{2}$/ }) });
      await card.getByText('Oläst', { exact: true }).waitFor();
      await card.getByRole('button', { name: 'Markera som läst' }).waitFor();
      await assertNoAxeViolations(page, 'the notifications page');

      await card.getByRole('link').click();
      await page.getByRole('heading', { level: 1, name: 'Händelse: Hot' }).waitFor();
      assert.equal(new URL(page.url()).pathname, `/handelser/${incidentId}`);
      // Opening it marked it read: the count is gone from the header.
      await notificationsLink(page, 'Aviseringar').waitFor();

      await notificationsLink(page, 'Aviseringar').click();
      await page.getByRole('heading', { level: 1, name: 'Aviseringar' }).waitFor();
      await page.getByRole('link', { name: /^Ny händelse rapporterad – / }).waitFor();
      assert.equal(await page.getByText('Oläst', { exact: true }).count(), 0, 'the opened notification is unread');
      assert.equal(await page.getByRole('button', { name: 'Markera som läst' }).count(), 0);

      const { status } = await postFromPage(page, `/api/incidents/${incidentId}/status`, {
        status: 'acknowledged',
        comment: '',
      });
      assert.equal(status, 200);
    });
  });

  test('the employee is told the report was acknowledged and marks it read, on a 360 px phone', async () => {
    assert.ok(incidentId, 'the report of the first test is missing');
    await browserTest.withPage({ signedInAs: 'employee', context: phone }, async (page) => {
      // The link sits outside the folded menu, so the count shows on a phone too.
      await notificationsLink(page, 'Aviseringar (1 oläst)').click();
      await page.getByRole('heading', { level: 1, name: 'Aviseringar' }).waitFor();
      const link = page.getByRole('link', { name: /^Din rapport har kvitterats – / });
      await link.waitFor();
      assert.equal(await scrollsSideways(page), false, 'the notifications page scrolls sideways at 360 px');
      await assertNoAxeViolations(page, 'the notifications page at 360 px');

      await page.getByRole('button', { name: 'Markera som läst' }).click();
      await page.getByRole('status').filter({ hasText: 'Aviseringen är markerad som läst.' }).waitFor();
      await notificationsLink(page, 'Aviseringar').waitFor();
      assert.equal(await page.getByRole('button', { name: 'Markera som läst' }).count(), 0);
      assert.equal(
        await link.evaluate((element) => element === document.activeElement),
        true,
        'focus is not on the link after the button went',
      );
      assert.equal(await scrollsSideways(page), false, 'the notifications page scrolls sideways at 360 px');
      await assertNoAxeViolations(page, 'the notifications page at 360 px, all read');
    });
  });

  test('an overdue measure reminds its owner: the reminder is listed and its link opens the measure', async () => {
    await browserTest.withPage({ signedInAs: 'manager', context: desktop }, async (page) => {
      const { personId, unitId } = await page.evaluate(async () => {
        const me = await (await fetch('/api/auth/me')).json();
        const units = (await (await fetch('/api/org-units')).json()).items as { id: string; code: string }[];
        return { personId: me.personId as string, unitId: units.find((unit) => unit.code === 'AMF-JT-CITY')?.id };
      });
      const title = 'Besöksrummet får en andra utgång';
      // Due two days ago: the overdue reminder's morning has passed, so the queue fires it at once.
      const dueOn = new Date(Date.now() - 2 * 86_400_000).toISOString().slice(0, 10);
      const { status, data } = await postFromPage(page, '/api/measures', {
        title,
        category: 'access_control',
        ownerPersonId: personId,
        orgUnitId: unitId,
        dueOn,
      });
      assert.equal(status, 201, JSON.stringify(data));
      const measureId = (data as { id: string }).id;
      for (let waited = 0; waited < 20_000; waited += 250) {
        const listed = await page.evaluate(
          async (id) =>
            ((await (await fetch('/api/notifications')).json()).items as { subject: { id: string } }[]).some(
              (item) => item.subject.id === id,
            ),
          measureId,
        );
        if (listed) break;
        await page.waitForTimeout(250);
      }

      await page.goto(browserTest.url('/aviseringar'));
      await page.getByRole('heading', { level: 1, name: 'Aviseringar' }).waitFor();
      const link = page.getByRole('link', { name: /^Påminnelse: en åtgärd har passerat sitt slutdatum – / });
      await link.waitFor();
      await notificationsLink(page, 'Aviseringar (1 oläst)').waitFor();
      await assertNoAxeViolations(page, 'the notifications page with a reminder');

      await link.click();
      await page.getByRole('heading', { level: 1, name: title }).waitFor();
      assert.equal(new URL(page.url()).pathname, `/atgarder/${measureId}`);
      await assertNoAxeViolations(page, 'the measure opened from its reminder');
    });
  });
});
