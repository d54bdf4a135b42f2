import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { describe, test } from 'node:test';
import ExcelJS from 'exceljs';
import { assertNoAxeViolations } from './support/accessibility.ts';
import { setUpBrowserTest } from './support/browser-test.ts';

const desktop = { timezoneId: 'Europe/Stockholm', acceptDownloads: true };

// A manager reports on behalf of an employee; a coordinator filters the list and exports it to Excel.
describe('incident lists', () => {
  const browserTest = setUpBrowserTest();

  test('a manager reports for an employee of the unit; the timeline names both', async () => {
    await browserTest.withPage({ signedInAs: 'manager', context: desktop }, async (page) => {
      await page.goto(browserTest.url('/rapportera'));
      await page.getByRole('heading', { level: 1, name: 'Rapportera händelse' }).waitFor();
      await page.getByRole('radio', { name: 'Ja, för någon annan' }).check();
      await page.getByLabel('Sök personen').fill('Medarbetare');
      const person = page.getByLabel('Vem rapporterar du för?');
      await person.locator('option', { hasText: 'Maja Medarbetare' }).waitFor({ state: 'attached' });
      await person.selectOption({ label: 'Maja Medarbetare, Arbetsmarknadskonsulent' });
      await assertNoAxeViolations(page, 'the report form on behalf of someone');

      await page.getByRole('radio', { name: 'Händelse', exact: true }).check();
      await page.getByRole('checkbox', { name: 'Hot', exact: true }).check();
      // The manager may pick a site; the free-text place is then "Annan plats".
      await page.getByLabel('Annan plats').fill('Receptionen');
      await page.getByLabel('I vilket sammanhang?').selectOption({ label: 'Besök utan tidsbokning (drop-in)' });
      await page.getByLabel('Vad hände?').fill('En besökare hotade Maja vid disken. Hon bad mig rapportera.');
      await page.getByRole('button', { name: 'Skicka rapporten' }).click();
      await page.getByRole('heading', { level: 1, name: 'Tack, rapporten är skickad' }).waitFor();
      await page.getByRole('link', { name: 'Visa rapporten' }).click();
      await page.getByRole('heading', { level: 1, name: 'Händelse: Hot' }).waitFor();
      await page.getByText('Rapporterad av Cecilia Chef för Maja Medarbetare').waitFor();
      await assertNoAxeViolations(page, 'the incident reported on behalf of someone');
    });
  });

  test('a coordinator filters the list, exports it to Excel and sees the progress and the result', async () => {
    await browserTest.withPage({ signedInAs: 'security_coordinator', context: desktop }, async (page) => {
      await page.goto(browserTest.url('/handelser'));
      await page.getByRole('heading', { level: 1, name: 'Händelser' }).waitFor();
      await page.getByLabel('Polisanmälan').selectOption({ label: 'Ingen uppgift' });
      await page.getByLabel('Koppling till gängkriminalitet').waitFor();
      await page.getByRole('button', { name: 'Filtrera' }).click();
      await page.waitForURL(/policeReport=none/);
      await page
        .getByRole('link', { name: /^Händelse: Hot – / })
        .first()
        .waitFor();
      await assertNoAxeViolations(page, 'the filtered incident list');

      // Every text the export's live region shows on the way, however briefly.
      await page.evaluate(() => {
        const seen: string[] = [];
        Object.assign(window, { exportTexts: seen });
        const region = [...document.querySelectorAll('.incident-export [role="status"]')][0];
        if (!region) throw new Error('no live region for the export');
        new MutationObserver(() => seen.push(region.textContent ?? '')).observe(region, {
          childList: true,
          characterData: true,
          subtree: true,
        });
      });
      const download = page.waitForEvent('download');
      await page.getByRole('button', { name: 'Exportera till Excel' }).click();
      const file = await download;
      assert.match(file.suggestedFilename(), /^handelser-\d{4}-\d{2}-\d{2}\.xlsx$/);
      const status = page.getByRole('status').filter({ hasText: /Exporten är klar: \d+ rader/ });
      await status.waitFor();
      const texts = await page.evaluate(() => (window as unknown as { exportTexts: string[] }).exportTexts);
      assert.ok(
        // React may fold fast chunks into one render: any progress text before "klar" counts.
        texts.some((text) => /^Export(en startar|erar \d+ rader)/.test(text)),
        `progress shown: ${JSON.stringify(texts)}`,
      );
      await assertNoAxeViolations(page, 'the list after the export');

      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load((await readFile(await file.path())) as unknown as ArrayBuffer);
      const sheet = workbook.getWorksheet('Händelser');
      assert.ok(sheet);
      assert.equal(sheet.getRow(1).getCell(2).value, 'Tidpunkt');
      assert.ok(sheet.rowCount >= 2, 'the report of the first test is exported');
      assert.equal(sheet.getRow(2).getCell(10).value, 'Ingen uppgift');
      assert.ok(!(sheet.getRow(1).values as unknown[]).includes('Koppling till gängkriminalitet'));
    });
  });
});
