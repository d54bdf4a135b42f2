import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { describe, test } from 'node:test';
import JSZip from 'jszip';
import type { Page } from 'playwright-core';
import { extractText, getDocumentProxy } from 'unpdf';
import { assertNoAxeViolations } from './support/accessibility.ts';
import { setUpBrowserTest } from './support/browser-test.ts';
import { openFromMenu, phone, scrollsSideways } from './support/screens.ts';

const tablet = { viewport: { width: 800, height: 1200 }, timezoneId: 'Europe/Stockholm' };

/** A measure about the site, decided through the API as the signed-in coordinator. */
async function decideSiteMeasure(page: Page, siteName: string): Promise<void> {
  const status = await page.evaluate(async (name) => {
    const csrf = decodeURIComponent(/varn_csrf=([^;]+)/.exec(document.cookie)?.[1] ?? '');
    const me = await (await fetch('/api/auth/me')).json();
    const sites = (await (await fetch('/api/sites?limit=100')).json()).items as {
      id: string;
      name: string;
      unitId: string;
    }[];
    const site = sites.find((candidate) => candidate.name === name);
    const response = await fetch('/api/measures', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-csrf-token': csrf },
      body: JSON.stringify({
        title: 'Kameraövervakning i receptionen på Jobbtorg City',
        category: 'camera',
        dueOn: '2027-03-31',
        ownerPersonId: me.personId,
        siteId: site?.id,
        orgUnitId: site?.unitId,
      }),
    });
    return response.status;
  }, siteName);
  assert.equal(status, 201);
}

// A coordinator describes what protects Jobbtorg City on a tablet, changes it once more, reads the
// history of the changes, then opens the site's action plan and downloads it as Word and PDF.
describe('site protection profile and the site’s action plan', () => {
  const browserTest = setUpBrowserTest();

  test('a coordinator edits the protection profile, sees its history, and exports the site’s action plan', async () => {
    await browserTest.withPage({ signedInAs: 'security_coordinator', context: tablet }, async (page) => {
      await openFromMenu(page, 'Skyddsronder');
      await page.getByLabel('Organisationsdel').selectOption({ label: 'Arbetsmarknadsförvaltningen' });
      await page
        .getByRole('row', { name: /Jobbtorg City/ })
        .getByRole('link', { name: 'Jobbtorg City' })
        .click();
      await page.getByRole('heading', { level: 1, name: 'Skyddsronder: Jobbtorg City' }).waitFor();
      const profile = page.getByRole('region', { name: 'Skyddsprofil' });
      await profile.getByText('Platsens skydd är inte beskrivet än.').waitFor();
      await assertNoAxeViolations(page, 'the site page without a profile');

      await profile.getByRole('button', { name: 'Ändra skyddsprofilen' }).click();
      await profile.getByLabel('Lås: läge').selectOption({ label: 'Delvis' });
      await profile.getByLabel('Lås: beskrivning').fill('Samtalsrum 2 saknar lås');
      await profile.getByLabel('Kameror: läge').selectOption({ label: 'Saknas' });
      await profile.getByLabel('Larmcentral').fill('Securitas larmcentral, 010-470 50 00');
      assert.equal(await scrollsSideways(page), false, 'the profile form scrolls sideways on a tablet');
      await assertNoAxeViolations(page, 'the profile form');
      await profile.getByRole('button', { name: 'Spara skyddsprofilen' }).click();
      await page.getByRole('status').filter({ hasText: 'Skyddsprofilen är sparad.' }).waitFor();
      await profile.getByText(/^Version 1, ändrad/).waitFor();

      await profile.getByRole('button', { name: 'Ändra skyddsprofilen' }).click();
      await profile.getByLabel('Lås: läge').selectOption({ label: 'Finns' });
      await profile.getByLabel('Lås: beskrivning').fill('Lås monterat i samtalsrum 2');
      await profile.getByRole('button', { name: 'Spara skyddsprofilen' }).click();
      await profile.getByText(/^Version 2, ändrad/).waitFor();
      await profile.getByText('Securitas larmcentral, 010-470 50 00', { exact: true }).waitFor();

      await profile.getByText('Historik (2 versioner)').click();
      await profile.getByText('Lås: Delvis · Samtalsrum 2 saknar lås → Finns · Lås monterat i samtalsrum 2').waitFor();
      await profile.getByText('Kameror: Ej bedömt → Saknas').waitFor();
      await assertNoAxeViolations(page, 'the profile with its history');

      await decideSiteMeasure(page, 'Jobbtorg City');
      await page.getByRole('link', { name: 'Platsens handlingsplan' }).click();
      await page.getByRole('heading', { level: 1, name: 'Handlingsplan – Jobbtorg City' }).waitFor();
      await page.getByRole('heading', { level: 2, name: 'Teknik: kamera' }).waitFor();
      await assertNoAxeViolations(page, 'the site’s action plan');
      for (const [button, kind] of [
        ['Ladda ner Word', 'docx'],
        ['Ladda ner PDF', 'pdf'],
      ] as const) {
        const download = page.waitForEvent('download');
        await page.getByRole('button', { name: button }).click();
        const bytes = await readFile(await (await download).path());
        const text =
          kind === 'docx'
            ? ((await (await JSZip.loadAsync(bytes)).file('word/document.xml')?.async('string')) ?? '')
            : (await extractText(await getDocumentProxy(new Uint8Array(bytes)), { mergePages: true })).text;
        assert.ok(text.includes('Handlingsplan – Jobbtorg City'), `${kind} names the site`);
        assert.ok(text.includes('Kameraövervakning i receptionen på Jobbtorg City'), `${kind} holds the measure`);
      }
      await page.getByRole('link', { name: 'Tillbaka till platsen' }).click();
      await page.getByRole('heading', { level: 1, name: 'Skyddsronder: Jobbtorg City' }).waitFor();
    });
  });

  test('the safety representative reads the profile and its history on a phone, but does not change it', async () => {
    await browserTest.withPage({ signedInAs: 'safety_representative', context: phone }, async (page) => {
      await openFromMenu(page, 'Skyddsronder');
      await page
        .getByRole('row', { name: /Jobbtorg City/ })
        .getByRole('link', { name: 'Jobbtorg City' })
        .click();
      const profile = page.getByRole('region', { name: 'Skyddsprofil' });
      await profile.getByText(/^Version 2, ändrad/).waitFor();
      assert.equal(await profile.getByRole('button', { name: 'Ändra skyddsprofilen' }).count(), 0);
      assert.equal(await page.getByRole('link', { name: 'Platsens handlingsplan' }).count(), 0);
      await profile.getByText('Historik (2 versioner)').click();
      assert.equal(await scrollsSideways(page), false, 'the profile scrolls sideways at 360 px');
      await assertNoAxeViolations(page, 'the profile read by the safety representative');
    });
  });
});
