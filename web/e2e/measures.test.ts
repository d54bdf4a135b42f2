import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { describe, test } from 'node:test';
import JSZip from 'jszip';
import type { Page } from 'playwright-core';
import { extractText, getDocumentProxy } from 'unpdf';
import { assertNoAxeViolations } from './support/accessibility.ts';
import { setUpBrowserTest } from './support/browser-test.ts';

const phone = { viewport: { width: 360, height: 740 }, timezoneId: 'Europe/Stockholm' };

/** Decides a measure through the API as the signed-in coordinator: one already overdue. */
async function decideMeasures(page: Page): Promise<void> {
  const status = await page.evaluate(async () => {
    const csrf = decodeURIComponent(/varn_csrf=([^;]+)/.exec(document.cookie)?.[1] ?? '');
    const headers = { 'content-type': 'application/json', 'x-csrf-token': csrf };
    const me = await (await fetch('/api/auth/me')).json();
    const units = (await (await fetch('/api/org-units')).json()).items as { id: string; code: string }[];
    const jarva = units.find((unit) => unit.code === 'AMF-JT-JARVA')?.id;
    const statuses: number[] = [];
    for (const measure of [{ title: 'Lås på personalingången i Järva', category: 'lock', dueOn: '2026-01-15' }]) {
      const response = await fetch('/api/measures', {
        method: 'POST',
        headers,
        body: JSON.stringify({ ...measure, ownerPersonId: me.personId, orgUnitId: jarva }),
      });
      statuses.push(response.status);
    }
    return statuses;
  });
  assert.deepEqual(status, [201]);
}

// A coordinator follows the administration's measures on a phone, opens the action plan, downloads
// it as Word and PDF (both parsed here), and marks a measure done; every page is scanned by axe.
describe('measures and action plans', () => {
  const browserTest = setUpBrowserTest();

  test('a coordinator opens the action plan, downloads Word and PDF, and marks a measure done', async () => {
    await browserTest.withPage({ signedInAs: 'security_coordinator', context: phone }, async (page) => {
      await decideMeasures(page);
      await page.goto(browserTest.url('/atgarder/enheter'));
      await page.getByRole('heading', { level: 1, name: 'Åtgärder och handlingsplaner' }).waitFor();
      await page.getByLabel('Enhet eller förvaltning').selectOption({ label: 'Arbetsmarknadsförvaltningen' });

      // A standalone measure through the form: refused beside the fields first, then saved.
      const form = page.getByRole('form', { name: 'Ny åtgärd' });
      await form.getByRole('button', { name: 'Spara åtgärden' }).click();
      await page.getByRole('region', { name: 'Formuläret innehåller fel' }).waitFor();
      await assertNoAxeViolations(page, 'the new measure form with errors');
      await form.getByLabel('Åtgärd', { exact: true }).fill('Mörkläggningsgardiner till mötesrummen');
      await form.getByLabel('Kategori').selectOption({ label: 'Skalskydd' });
      await form.getByLabel('Ansvarig').selectOption({ index: 1 });
      await form.getByLabel('Klart senast').fill('2027-02-01');
      await form.getByLabel(/Beräknad kostnad/).fill('12 500');
      await form.getByRole('button', { name: 'Spara åtgärden' }).click();
      await page.getByRole('status').filter({ hasText: 'Åtgärden är sparad.' }).waitFor();
      const overdue = page.getByRole('listitem').filter({ hasText: 'Lås på personalingången i Järva' });
      await overdue.getByText('Försenad').waitFor();
      assert.equal(
        await page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth),
        false,
        'the list fits a 360 px phone',
      );
      await assertNoAxeViolations(page, 'the administration’s measures');

      await page.getByRole('link', { name: 'Visa handlingsplan' }).click();
      await page.getByRole('heading', { level: 1, name: 'Handlingsplan – Arbetsmarknadsförvaltningen' }).waitFor();
      await page.getByRole('heading', { level: 2, name: 'Teknik: lås' }).waitFor();
      await page.getByRole('heading', { level: 2, name: 'Skalskydd' }).waitFor();
      await assertNoAxeViolations(page, 'the action plan');

      for (const [button, kind] of [
        ['Ladda ner Word', 'docx'],
        ['Ladda ner PDF', 'pdf'],
      ] as const) {
        const download = page.waitForEvent('download');
        await page.getByRole('button', { name: button }).click();
        const file = await download;
        assert.match(file.suggestedFilename(), new RegExp(`^handlingsplan-\\d{4}-\\d{2}-\\d{2}\\.${kind}$`));
        const bytes = await readFile(await file.path());
        const text =
          kind === 'docx'
            ? ((await (await JSZip.loadAsync(bytes)).file('word/document.xml')?.async('string')) ?? '')
            : (await extractText(await getDocumentProxy(new Uint8Array(bytes)), { mergePages: true })).text;
        assert.ok(text.includes('Lås på personalingången i Järva'), `${kind} holds the lock measure`);
        assert.ok(text.includes('Mörkläggningsgardiner till mötesrummen'), `${kind} holds the curtains`);
        await page.getByRole('status').filter({ hasText: 'är nedladdad' }).waitFor();
      }
      await assertNoAxeViolations(page, 'the action plan after the downloads');

      await page.getByRole('link', { name: 'Lås på personalingången i Järva' }).click();
      await page.getByRole('heading', { level: 1, name: 'Lås på personalingången i Järva' }).waitFor();
      await page.getByLabel('Ny status').selectOption({ label: 'Klar' });
      await page.getByLabel('Vad som gjordes').fill('Kodlås monterat och kontrollerat.');
      await page.getByRole('button', { name: 'Spara status' }).click();
      await page.getByRole('status').filter({ hasText: 'Statusen är sparad.' }).waitFor();
      await page.getByRole('region', { name: 'Historik' }).getByText(/Klar/).waitFor();
      await assertNoAxeViolations(page, 'the measure marked done');

      // Evidence of completion: the order for the code lock as a PDF, listed as a download link.
      const evidence = page.getByRole('region', { name: 'Underlag' });
      await evidence.getByText('Inget underlag ännu.').waitFor();
      await evidence.getByLabel('Bifoga bilder eller PDF').setInputFiles({
        name: 'beställning kodlås.pdf',
        mimeType: 'application/pdf',
        buffer: Buffer.from('%PDF-1.4\n%%EOF\n'),
      });
      await evidence.getByRole('button', { name: 'Lägg till underlag' }).click();
      await evidence.getByRole('status').filter({ hasText: 'Underlaget är tillagt.' }).waitFor();
      await evidence.getByRole('link', { name: 'beställning kodlås.pdf' }).waitFor();
      await assertNoAxeViolations(page, 'the measure with its evidence');

      await page.goto(browserTest.url('/atgarder'));
      await page.getByRole('heading', { level: 1, name: 'Mina åtgärder' }).waitFor();
      await page.getByRole('link', { name: 'Lås på personalingången i Järva' }).waitFor();
      await assertNoAxeViolations(page, 'my measures');
    });
  });
});
