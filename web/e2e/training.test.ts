import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { assertNoAxeViolations } from './support/accessibility.ts';
import { setUpBrowserTest } from './support/browser-test.ts';
import { selectOptionContaining } from './support/forms.ts';

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

  test('a coordinator enrols people, records a paper list and changes a course, on a phone', async () => {
    await browserTest.withPage({ signedInAs: 'security_coordinator', context: phone }, async (page) => {
      await page.goto(browserTest.url('/utbildning'));
      await page.getByRole('link', { name: 'PDV – pågående dödligt våld' }).click();
      await page.getByRole('link', { name: /Komvux Stockholm, Kista/ }).click();
      await page.getByRole('heading', { level: 1, name: /^Tillfälle / }).waitFor();
      const enrolment = page.getByRole('region', { name: 'Anmäl deltagare' });
      await selectOptionContaining(enrolment.getByLabel('Visa personer i enheten'), 'SFI Stockholm');
      const candidates = enrolment.getByRole('group', { name: /Vilka ska anmälas/ }).getByRole('checkbox');
      await candidates.first().waitFor();
      await candidates.first().check();
      await enrolment.getByText('1 person vald.').waitFor();
      await assertNoAxeViolations(page, 'the enrolment with a person chosen');
      assert.ok(await fitsThePhone(page), 'the occasion fits a 360 px phone');
      await enrolment.getByRole('button', { name: 'Anmäl' }).click();
      await page.getByRole('status').getByText('1 person är anmäld.').waitFor();
      const attendance = page.getByRole('group', { name: /Kryssa för dem som deltog \(5 anmälda\)/ });
      await attendance.waitFor();

      await page.getByRole('link', { name: 'Till kursen' }).click();
      await page.getByRole('link', { name: 'Registrera från närvarolista' }).click();
      await page.getByRole('heading', { level: 1, name: /^Närvarolista: PDV/ }).waitFor();
      await selectOptionContaining(page.getByLabel('Visa personer i enheten'), 'SFI Stockholm');
      const chooseAll = page.getByRole('button', { name: /^Välj alla \d+ som visas$/ });
      await chooseAll.waitFor();
      const shown = Number((await chooseAll.innerText()).match(/\d+/)?.[0]);
      await chooseAll.click();
      await page.getByText(`${shown} personer valda.`).waitFor();
      const yesterday = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm' }).format(
        new Date(Date.now() - 86_400_000),
      );
      await page.getByLabel('Datum då kursen genomfördes').fill(yesterday);
      await assertNoAxeViolations(page, 'the paper attendance list');
      assert.ok(await fitsThePhone(page), 'the paper list fits a 360 px phone');
      await page.getByRole('button', { name: 'Registrera genomförda' }).click();
      await page.getByRole('status').getByText(`${shown} genomförda kurser är registrerade.`).waitFor();

      await page.getByRole('link', { name: 'Till kursen' }).click();
      await page.getByRole('link', { name: 'Ändra kursen' }).click();
      await page.getByRole('heading', { level: 1, name: 'Ändra kursen PDV – pågående dödligt våld' }).waitFor();
      await page.getByLabel(/^Giltighet i månader/).fill('36');
      await page
        .getByRole('group', { name: /Målgrupp: roller/ })
        .getByLabel('Chef', { exact: true })
        .check();
      await assertNoAxeViolations(page, 'the course form');
      assert.ok(await fitsThePhone(page), 'the course form fits a 360 px phone');
      await page.getByRole('button', { name: 'Spara' }).click();
      await page.getByRole('heading', { level: 1, name: 'PDV – pågående dödligt våld' }).waitFor();
      await page.getByText('Gäller i 36 månader').waitFor();
    });
  });
});
