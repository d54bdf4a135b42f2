import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { assertNoAxeViolations } from './support/accessibility.ts';
import { setUpBrowserTest } from './support/browser-test.ts';

const phone = { viewport: { width: 360, height: 740 }, timezoneId: 'Europe/Stockholm' };

async function totals(page: Page): Promise<string> {
  const region = page.getByRole('region', { name: 'Sammanlagt' });
  await region.waitFor();
  return region.innerText();
}

const fitsThePhone = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth);

// The seeds' PDV course for adult education (SFI and Komvux, 8 people): two hold it, one expires
// within 90 days, and yesterday's occasion at Komvux waits for its attendance list.
describe('training', () => {
  const browserTest = setUpBrowserTest();

  test('a coordinator records an occasion’s attendance and the coverage updates', async () => {
    await browserTest.withPage({ signedInAs: 'security_coordinator', context: phone }, async (page) => {
      await page.getByRole('button', { name: 'Meny' }).click();
      await page.getByRole('link', { name: 'Utbildning' }).click();
      await page.getByRole('heading', { level: 1, name: 'Utbildning' }).waitFor();
      await page.getByRole('link', { name: 'PDV – pågående dödligt våld' }).waitFor();
      await assertNoAxeViolations(page, 'the courses');
      assert.ok(await fitsThePhone(page), 'the courses fit a 360 px phone');

      await page.getByRole('link', { name: 'PDV – pågående dödligt våld' }).click();
      await page.getByRole('heading', { level: 1, name: 'PDV – pågående dödligt våld' }).waitFor();
      await page.getByRole('link', { name: /Komvux Stockholm, Kista/ }).waitFor();
      await assertNoAxeViolations(page, 'the course page');

      await page.getByRole('link', { name: 'Täckning' }).click();
      await page.getByRole('heading', { level: 1, name: 'Täckning' }).waitFor();
      const before = await totals(page);
      assert.match(before, /I målgruppen\s+8/);
      assert.match(before, /(^|\n)Giltig\s+2/);
      assert.match(before, /Går ut inom 90 dagar\s+1/);
      assert.match(before, /Saknas\s+5/);
      await page.getByRole('region', { name: /Täckning per enhet/ }).waitFor();
      await assertNoAxeViolations(page, 'the coverage page');
      assert.ok(await fitsThePhone(page), 'the coverage fits a 360 px phone');

      await page.goBack();
      await page.getByRole('link', { name: /Komvux Stockholm, Kista/ }).click();
      await page.getByRole('heading', { level: 1, name: /^Tillfälle / }).waitFor();
      const list = page.getByRole('group', { name: /Kryssa för dem som deltog/ });
      const boxes = list.getByRole('checkbox');
      await boxes.first().waitFor();
      assert.equal(await boxes.count(), 4);
      await assertNoAxeViolations(page, 'the attendance list');
      await boxes.nth(0).check();
      await boxes.nth(1).check();
      await page.getByRole('button', { name: 'Spara närvaro' }).click();
      await page.getByRole('status').getByText('Närvaron är sparad. 2 nya genomförda kurser registrerades.').waitFor();
      await assertNoAxeViolations(page, 'the attendance list when saved');

      await page.getByRole('link', { name: 'Till kursen' }).click();
      await page.getByRole('link', { name: 'Täckning' }).click();
      await page.getByRole('heading', { level: 1, name: 'Täckning' }).waitFor();
      const after = await totals(page);
      assert.match(after, /(^|\n)Giltig\s+4/);
      assert.match(after, /Saknas\s+3/);
      assert.match(after, /Andel med giltig kurs\s+63 %/);
    });
  });

  test('a CSV export with a bad row is refused with a report per row', async () => {
    await browserTest.withPage({ signedInAs: 'security_coordinator', context: phone }, async (page) => {
      await page.goto(browserTest.url('/utbildning'));
      await page.getByRole('link', { name: 'Hot och våld – grunder' }).click();
      await page.getByRole('link', { name: 'Importera genomförda' }).click();
      await page.getByRole('heading', { level: 1, name: /Importera genomförda: Hot och våld/ }).waitFor();
      await page.getByLabel('CSV-fil').setInputFiles({
        name: 'export.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from('employee_number;email;completed_on\nOKÄND-1;;2026-10-01\n;;igår\n'),
      });
      await page.getByRole('button', { name: 'Importera' }).click();
      const report = page.getByRole('table', { name: /fel/i });
      await report.waitFor();
      const text = await report.innerText();
      assert.match(text, /2\s+employee_number/);
      assert.match(text, /3\s+completed_on/);
      await assertNoAxeViolations(page, 'the import with its error report');
    });
  });
});
