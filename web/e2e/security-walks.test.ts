import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { describe, test } from 'node:test';
import { assertNoAxeViolations } from './support/accessibility.ts';
import { setUpBrowserTest } from './support/browser-test.ts';
import { openFromMenu, phone, scrollsSideways } from './support/screens.ts';

const tablet = { viewport: { width: 800, height: 1200 }, timezoneId: 'Europe/Stockholm' };

// A security coordinator walks Jobbtorg Järva with a tablet: answers question by question, records
// two deviations, turns both into measures and finishes the walk; the site and the administration's
// overview show the result. Every page is scanned by axe.
describe('security walks', () => {
  const browserTest = setUpBrowserTest();

  test('a coordinator walks a site on a tablet, records two deviations and turns them into measures', async () => {
    await browserTest.withPage({ signedInAs: 'security_coordinator', context: tablet }, async (page) => {
      await openFromMenu(page, 'Skyddsronder');
      await page.getByRole('heading', { level: 1, name: 'Skyddsronder' }).waitFor();
      await page.getByLabel('Organisationsdel').selectOption({ label: 'Arbetsmarknadsförvaltningen' });
      const jarvaRow = page.getByRole('row', { name: /Jobbtorg Järva/ });
      await jarvaRow.getByRole('cell', { name: 'Aldrig' }).waitFor();
      await assertNoAxeViolations(page, 'the administration overview');

      await jarvaRow.getByRole('link', { name: 'Jobbtorg Järva' }).click();
      await page.getByRole('heading', { level: 1, name: 'Skyddsronder: Jobbtorg Järva' }).waitFor();
      await page.getByText('Platsen har ingen skyddsrond än.').waitFor();
      await assertNoAxeViolations(page, 'the site page before the walk');

      await page.getByLabel('Checklista').selectOption({ label: 'Skyddsrond kontor med reception' });
      await page.getByRole('button', { name: 'Lägg till deltagare' }).click();
      await page.getByLabel('Namn, deltagare 2').fill('Ali Ek');
      await page.getByLabel('Roll, deltagare 2').selectOption({ label: 'Skyddsombud' });
      await page.getByRole('button', { name: 'Starta skyddsronden' }).click();

      await page.getByRole('heading', { level: 1, name: 'Skyddsrond: Jobbtorg Järva' }).waitFor();
      await page.getByText(/^Fråga 1 av \d+$/).waitFor();
      assert.equal(await scrollsSideways(page), false, 'the walk scrolls sideways on a tablet');
      await assertNoAxeViolations(page, 'the first question');

      // The answer tiles are large touch targets.
      const okTile = page.locator('label', { has: page.getByRole('radio', { name: 'Ok' }) });
      const box = await okTile.boundingBox();
      assert.ok(box && box.height >= 48 && box.width >= 120, `the answer tile is too small: ${JSON.stringify(box)}`);

      await page.getByRole('radio', { name: 'Ok' }).check();
      await page.getByRole('button', { name: 'Spara och nästa' }).click();
      await page.getByText(/^Fråga 2 av \d+$/).waitFor();

      // A deviation needs a note.
      await page.getByRole('radio', { name: 'Avvikelse' }).check();
      await page.getByRole('button', { name: 'Spara och nästa' }).click();
      await page.getByRole('region', { name: 'Formuläret innehåller fel' }).waitFor();
      await assertNoAxeViolations(page, 'a deviation without a note');
      await page
        .getByLabel('Beskriv avvikelsen')
        .fill('Receptionisten kan inte lämna disken utan att passera besökaren.');
      await page.getByRole('button', { name: 'Spara och nästa' }).click();
      await page.getByText(/^Fråga 3 av \d+$/).waitFor();

      await page.getByRole('radio', { name: 'Avvikelse' }).check();
      await page.getByLabel('Beskriv avvikelsen').fill('Dörren till kontorsdelen står uppställd.');
      await page.getByRole('button', { name: 'Spara och nästa' }).click();
      await page.getByText(/^Fråga 4 av \d+$/).waitFor();
      await page.getByRole('radio', { name: 'Ej aktuellt' }).check();
      await page.getByRole('button', { name: 'Spara och nästa' }).click();
      await page.getByText(/^Fråga 5 av \d+$/).waitFor();
      await page.getByRole('button', { name: 'Till sammanfattningen' }).click();

      await page.getByRole('heading', { name: '2 avvikelser' }).waitFor();
      await assertNoAxeViolations(page, 'the summary with two deviations');
      const deviations = [
        'Personal i receptionen har en egen väg bort från besökaren',
        'Besökare kan inte gå vidare in i lokalerna utan att bli insläppta',
      ];
      for (const [index, question] of deviations.entries()) {
        await page.getByRole('button', { name: `Skapa åtgärd: ${question}` }).click();
        const title = page.getByLabel('Åtgärd', { exact: true });
        assert.equal(await title.inputValue(), `Jobbtorg Järva: ${question}`, 'the title is prefilled');
        await page.getByLabel('Klart senast').fill('2026-12-31');
        if (index === 0) await assertNoAxeViolations(page, 'the measure form of a deviation');
        await page.getByRole('button', { name: 'Skapa åtgärd', exact: true }).click();
        await page.getByText('Åtgärd skapad.').nth(index).waitFor();
      }
      assert.equal(await page.getByText('Åtgärd skapad.').count(), 2);

      await page.getByLabel('Sammanfattning').fill('Två avvikelser i receptionen; åtgärder är beslutade.');
      await page.getByRole('button', { name: 'Avsluta skyddsronden' }).click();
      await page.getByText(/· avslutad$/).waitFor();
      await page.getByText('Två avvikelser i receptionen; åtgärder är beslutade.').waitFor();
      await assertNoAxeViolations(page, 'the finished walk');

      await page.getByRole('link', { name: 'Tillbaka till Jobbtorg Järva' }).click();
      const lastWalk = page.getByRole('region', { name: 'Senaste skyddsrond och öppna avvikelser' });
      await lastWalk.getByText('2 öppna avvikelser').waitFor();
      assert.equal(await lastWalk.getByText(/Åtgärd: Planerad/).count(), 2);
      await assertNoAxeViolations(page, 'the site page after the walk');

      await page.getByRole('link', { name: 'Tillbaka till skyddsronderna' }).click();
      await page.getByLabel('Organisationsdel').selectOption({ label: 'Arbetsmarknadsförvaltningen' });
      await page
        .getByRole('row', { name: /Jobbtorg Järva/ })
        .getByRole('cell', { name: 'Ja' })
        .waitFor();
      await assertNoAxeViolations(page, 'the administration overview after the walk');
    });
  });

  test('the safety representative reads the walk and its deviations on a phone, but does not walk', async () => {
    await browserTest.withPage({ signedInAs: 'safety_representative', context: phone }, async (page) => {
      await openFromMenu(page, 'Skyddsronder');
      await page.getByRole('heading', { level: 1, name: 'Skyddsronder' }).waitFor();
      await page
        .getByRole('row', { name: /Jobbtorg Järva/ })
        .getByRole('link', { name: 'Jobbtorg Järva' })
        .click();
      await page.getByRole('heading', { level: 1, name: 'Skyddsronder: Jobbtorg Järva' }).waitFor();
      await page.getByText('2 öppna avvikelser').waitFor();
      assert.equal(await page.getByRole('heading', { name: 'Starta skyddsrond' }).count(), 0);
      assert.equal(await scrollsSideways(page), false, 'the site page scrolls sideways at 360 px');
      await assertNoAxeViolations(page, 'the site page of the safety representative');

      await page.getByRole('link', { name: 'Visa skyddsronden' }).first().click();
      await page.getByRole('heading', { level: 1, name: 'Skyddsrond: Jobbtorg Järva' }).waitFor();
      await page.getByRole('heading', { name: '2 avvikelser' }).waitFor();
      assert.equal(await page.getByRole('button', { name: /Skapa åtgärd/ }).count(), 0);
      assert.equal(await scrollsSideways(page), false, 'the walk scrolls sideways at 360 px');
      await assertNoAxeViolations(page, 'the walk read by the safety representative');
    });
  });

  test('a coordinator adds a photo to an answer; it is kept with the walk and downloaded through the app', async () => {
    // The smallest valid PNG: one transparent pixel.
    const png = Buffer.from(
      'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
      'base64',
    );
    await browserTest.withPage({ signedInAs: 'security_coordinator', context: tablet }, async (page) => {
      await openFromMenu(page, 'Skyddsronder');
      await page.getByLabel('Organisationsdel').selectOption({ label: 'Arbetsmarknadsförvaltningen' });
      await page
        .getByRole('row', { name: /Jobbtorg City/ })
        .getByRole('link', { name: 'Jobbtorg City' })
        .click();
      await page.getByLabel('Checklista').selectOption({ label: 'Skyddsrond kontor med reception' });
      await page.getByRole('button', { name: 'Starta skyddsronden' }).click();
      await page.getByText(/^Fråga 1 av \d+$/).waitFor();

      // A PDF is not a photo: refused at once, nothing sent.
      await page.getByLabel('Foto').setInputFiles({ name: 'lista.pdf', mimeType: 'application/pdf', buffer: png });
      await page.getByText('lista.pdf är inte en bild', { exact: false }).waitFor();
      await assertNoAxeViolations(page, 'a refused photo');
      await page.getByLabel('Foto').setInputFiles({ name: 'entren.png', mimeType: 'image/png', buffer: png });
      await page.getByText('Vald bild: entren.png. Den sparas med svaret.').waitFor();
      await page.getByRole('radio', { name: 'Ok' }).check();
      await page.getByRole('button', { name: 'Spara och nästa' }).click();
      await page.getByText(/^Fråga 2 av \d+$/).waitFor();
      await page.getByRole('button', { name: 'Föregående' }).click();
      await page.getByText(/^Fråga 1 av \d+$/).waitFor();
      await page.getByRole('link', { name: 'entren.png' }).waitFor();
      await assertNoAxeViolations(page, 'a question with its saved photo');

      await page.getByRole('button', { name: 'Till sammanfattningen' }).click();
      const link = page.getByRole('link', { name: /^Foto: / });
      const download = page.waitForEvent('download');
      await link.click();
      const file = await download;
      assert.equal(file.suggestedFilename(), 'entren.png');
      assert.deepEqual(await readFile(await file.path()), png);
      await assertNoAxeViolations(page, 'the summary with a photo');
    });
  });

  test('without network the walk goes on: answers wait on the tablet and are saved once it is back', async () => {
    await browserTest.withPage({ signedInAs: 'security_coordinator', context: tablet }, async (page) => {
      await openFromMenu(page, 'Skyddsronder');
      await page.getByLabel('Organisationsdel').selectOption({ label: 'Arbetsmarknadsförvaltningen' });
      await page
        .getByRole('row', { name: /Jobbtorg Söderort/ })
        .getByRole('link', { name: 'Jobbtorg Söderort' })
        .click();
      await page.getByLabel('Checklista').selectOption({ label: 'Skyddsrond kontor med reception' });
      await page.getByRole('button', { name: 'Starta skyddsronden' }).click();
      await page.getByText(/^Fråga 1 av \d+$/).waitFor();
      const walkUrl = page.url();

      // Down in the basement.
      await page.context().setOffline(true);
      await page.getByRole('radio', { name: 'Ok' }).check();
      await page.getByRole('button', { name: 'Spara och nästa' }).click();
      await page.getByText(/^Fråga 2 av \d+$/).waitFor();
      await page.getByText('1 svar är sparat på enheten och skickas när nätet är tillbaka.').waitFor();
      await page.getByRole('radio', { name: 'Avvikelse' }).check();
      await page.getByLabel('Beskriv avvikelsen').fill('Ingen väg bort från disken.');
      await page.getByRole('button', { name: 'Spara och nästa' }).click();
      await page.getByText(/^Fråga 3 av \d+$/).waitFor();
      await page.getByText('2 svar är sparade på enheten och skickas när nätet är tillbaka.').waitFor();
      await assertNoAxeViolations(page, 'a walk with answers kept on the tablet');
      await page.getByRole('button', { name: 'Föregående' }).click();
      assert.equal(await page.getByLabel('Beskriv avvikelsen').inputValue(), 'Ingen väg bort från disken.');

      // Back upstairs: the answers are sent, and the server has them.
      await page.context().setOffline(false);
      await page.getByText(/svar är sparade? på enheten/).waitFor({ state: 'detached' });
      await page.goto(walkUrl);
      await page.getByRole('button', { name: 'Till sammanfattningen' }).click();
      await page.getByRole('heading', { name: '1 avvikelse' }).waitFor();
      await page.getByText('Ingen väg bort från disken.').first().waitFor();
      await assertNoAxeViolations(page, 'the summary after the answers were sent');
    });
  });
});
