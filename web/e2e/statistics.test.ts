import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Locator, Page } from 'playwright-core';
import { assertNoAxeViolations } from './support/accessibility.ts';
import { setUpBrowserTest } from './support/browser-test.ts';
import { desktop, openFromMenu, phone } from './support/screens.ts';

// Three reports of Jobbtorg City in the first quarter of 2025 (no other test reports in 2025).
const reports = [
  {
    types: ['threat'],
    occurredAt: '2025-01-10T09:00:00Z',
    context: 'drop_in',
    personOfConcern: { isKnown: true, relation: 'client', gangCrimeLink: 'suspected' },
    policeReport: { status: 'made', reportedBy: 'manager' },
  },
  { types: ['threat', 'harassment'], occurredAt: '2025-01-20T13:00:00Z', context: 'phone' },
  { types: ['violence'], occurredAt: '2025-02-05T10:00:00Z', context: 'drop_in' },
];

/** Opens "Statistik" from the menu and filters to the first quarter of 2025. */
async function openFirstQuarter(page: Page) {
  await openFromMenu(page, 'Statistik');
  await page.getByRole('heading', { level: 1, name: 'Statistik' }).waitFor();
  await page.getByLabel('Från och med').fill('2025-01-01');
  await page.getByLabel('Till och med').fill('2025-03-31');
  await page.getByRole('button', { name: 'Filtrera' }).click();
  await page.getByText('Period: 2025-01-01 – 2025-03-31').waitFor();
}

/** The value of a key figure by its label. */
function keyFigure(page: Page, label: string): Locator {
  return page
    .locator('.statistics-figure')
    .filter({ has: page.getByText(label, { exact: true }) })
    .locator('dd');
}

/** Opens a chart's table and reads its rows as [label, count]. */
async function tableRows(page: Page, title: string): Promise<string[][]> {
  const section = page.getByRole('region', { name: title });
  await section.getByText('Visa som tabell').click();
  const table = section.getByRole('table', { name: title });
  await table.waitFor();
  const rows = await table.locator('tbody tr').all();
  return Promise.all(
    rows.map(async (row) => [
      (await row.locator('th').textContent()) ?? '',
      (await row.locator('td').textContent()) ?? '',
    ]),
  );
}

describe('statistics', () => {
  const browserTest = setUpBrowserTest();

  test('reports exist: the employee files three through the API', async () => {
    await browserTest.withPage({ signedInAs: 'employee', context: desktop }, async (page) => {
      const cookies = await page.context().cookies();
      const csrf = cookies.find((cookie) => cookie.name === 'varn_csrf')?.value ?? '';
      for (const report of reports) {
        const response = await page.request.post(browserTest.url('/api/incidents'), {
          headers: { 'x-csrf-token': csrf },
          data: {
            kind: 'incident',
            place: { kind: 'free', description: 'Receptionen' },
            description: 'En besökare hotade personalen.',
            ...report,
          },
        });
        assert.equal(response.status(), 201, await response.text());
      }
    });
  });

  test('the security coordinator sees the figures, the charts and their tables', async () => {
    await browserTest.withPage({ signedInAs: 'security_coordinator', context: desktop }, async (page) => {
      await openFirstQuarter(page);
      assert.equal(await keyFigure(page, 'Rapporter').textContent(), '3');
      // Intl writes a no-break space before the per cent sign.
      assert.match((await keyFigure(page, 'Polisanmälda').textContent()) ?? '', /^33,3\s% \(1 av 3\)$/);
      assert.equal(
        await keyFigure(page, 'Koppling till gängkriminalitet, misstänkt eller bekräftad').textContent(),
        '1',
      );

      // The chart is one picture with a summary for screen readers; its drawing shows the bars.
      const monthChart = page.getByRole('img', {
        name: /^Rapporter per månad, stapeldiagram\. Flest: jan\. 2025 med 2\./,
      });
      await monthChart.waitFor();
      assert.ok((await monthChart.locator('.recharts-bar-rectangle').count()) >= 2, 'no bars drawn');

      assert.deepEqual(await tableRows(page, 'Rapporter per månad'), [
        ['jan. 2025', '2'],
        ['feb. 2025', '1'],
        ['mars 2025', '0'],
      ]);
      assert.deepEqual(await tableRows(page, 'Rapporter per typ'), [
        ['Hot', '2'],
        ['Våld', '1'],
        ['Trakasserier', '1'],
        ['Skadegörelse', '0'],
        ['Annat', '0'],
      ]);
      assert.deepEqual((await tableRows(page, 'Rapporter per situation')).slice(0, 2), [
        ['Besök utan tidsbokning (drop-in)', '2'],
        ['Telefonsamtal', '1'],
      ]);
      assert.deepEqual(await tableRows(page, 'Rapporter per organisationsdel'), [['Jobbtorg City', '3']]);
      await assertNoAxeViolations(page, 'the statistics page with its tables open');
    });
  });

  test('the board reader, on a phone, sees aggregates and a small link count withheld', async () => {
    await browserTest.withPage({ signedInAs: 'board_reader', context: phone }, async (page) => {
      await openFirstQuarter(page);
      assert.equal(await keyFigure(page, 'Rapporter').textContent(), '3');
      assert.equal(
        await keyFigure(page, 'Koppling till gängkriminalitet, misstänkt eller bekräftad').textContent(),
        'färre än 5',
      );
      await page.getByRole('img', { name: /^Rapporter per typ, stapeldiagram/ }).waitFor();
      assert.deepEqual(await tableRows(page, 'Rapporter per månad'), [
        ['jan. 2025', '2'],
        ['feb. 2025', '1'],
        ['mars 2025', '0'],
      ]);
      assert.equal(
        await page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth),
        false,
        'the statistics page scrolls sideways at 360 px',
      );
      await assertNoAxeViolations(page, 'the statistics page at 360 px');
    });
  });
});
