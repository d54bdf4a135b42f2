import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { assertNoAxeViolations } from './support/accessibility.ts';
import { setUpBrowserTest } from './support/browser-test.ts';
import { desktop, openFromMenu, phone, scrollsSideways } from './support/screens.ts';

/** A week from now at 15:00, as a datetime-local value (read as Stockholm time by the form). */
function nextWeekAtThree(): string {
  const day = new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10);
  return `${day}T15:00`;
}

// A party office analyses a public appearance on a phone, rates a hazard in the matrix, escalates
// it, and prints it; the security department is told, answers, and both see the answer.
describe('risk analyses', () => {
  const browserTest = setUpBrowserTest();
  let analysisPath = '';

  test('a party office makes an analysis for a public appearance from the template and escalates it', async () => {
    await browserTest.withPage({ signedInAs: 'party_security_contact', context: phone }, async (page) => {
      await openFromMenu(page, 'Riskanalyser');
      await page.getByRole('heading', { level: 1, name: 'Riskanalyser' }).waitFor();
      await assertNoAxeViolations(page, 'the empty list of risk analyses');

      await page.getByRole('link', { name: 'Ny riskanalys' }).click();
      await page.getByRole('heading', { level: 1, name: 'Ny riskanalys' }).waitFor();
      assert.equal(await scrollsSideways(page), false, 'the new analysis form scrolls sideways at 360 px');
      await assertNoAxeViolations(page, 'the new analysis form');
      await page.getByLabel('Typ av aktivitet').selectOption({ label: 'Offentligt framträdande' });
      await page.getByLabel('Aktivitet', { exact: true }).fill('Torgmöte i Tensta');
      await page.getByLabel('Datum och tid').fill(nextWeekAtThree());
      await page.getByLabel('Plats').fill('Tensta torg');
      await page.getByLabel('Ansvarig').selectOption({ label: 'Socialdemokraterna' });
      await page.getByRole('button', { name: 'Skapa riskanalys' }).click();

      await page.getByRole('heading', { level: 1, name: 'Torgmöte i Tensta' }).waitFor();
      analysisPath = new URL(page.url()).pathname;
      const firstHazard = page.getByRole('group', { name: 'Risk 1' });
      assert.equal(
        await firstHazard.getByLabel('Vad kan hända?').inputValue(),
        'Hot eller trakasserier i samband med framträdandet',
        'the template proposes the hazards',
      );
      assert.equal(await scrollsSideways(page), false, 'the analysis page scrolls sideways at 360 px');
      await assertNoAxeViolations(page, 'the new analysis with its template hazards');

      // The matrix is selects: likelihood 3 × consequence 5 = 15, high, said in words beside the colour.
      await firstHazard.getByLabel('Sannolikhet', { exact: true }).selectOption({ label: '3 – Måttlig' });
      await firstHazard.getByLabel('Konsekvens', { exact: true }).selectOption({ label: '5 – Mycket hög' });
      await firstHazard.getByText('Riskvärde 15 – Hög').waitFor();
      await firstHazard.getByLabel('Kvarvarande sannolikhet').selectOption({ label: '2 – Låg' });
      await firstHazard.getByLabel('Kvarvarande konsekvens').selectOption({ label: '4 – Hög' });
      await firstHazard.getByText('Kvarvarande 8 – Måttlig').waitFor();
      await page.getByRole('button', { name: 'Spara bedömningen' }).click();
      await page.getByRole('status').filter({ hasText: 'Bedömningen är sparad.' }).waitFor();
      const overview = page.getByRole('region', { name: 'Översikt' });
      await overview.getByText('Hög', { exact: true }).waitFor();
      await assertNoAxeViolations(page, 'the rated analysis');

      await page.getByRole('radio', { name: 'Eskalera till säkerhetsavdelningen' }).check();
      await page.getByLabel('Motivering').fill('Hot mot talaren i sociala medier; vi kan inte bedöma dem själva.');
      await page.getByRole('button', { name: 'Spara beslutet' }).click();
      await page.getByText('Analysen väntar på säkerhetsavdelningens svar.').waitFor();
      await overview.getByText('Eskalerad', { exact: true }).waitFor();
      await assertNoAxeViolations(page, 'the escalated analysis');

      await page.getByRole('link', { name: 'Utskriftsversion' }).click();
      await page.getByRole('heading', { level: 1, name: 'Riskanalys: Torgmöte i Tensta' }).waitFor();
      await page.getByText('Hot eller trakasserier i samband med framträdandet').waitFor();
      await page.getByText('Riskvärde 15 – Hög').waitFor();
      await assertNoAxeViolations(page, 'the printable analysis');

      await openFromMenu(page, 'Riskanalyser');
      const card = page.getByRole('listitem').filter({ hasText: 'Torgmöte i Tensta' });
      await card.getByText('Risk: Hög').waitFor();
      await card.getByText('Kvarvarande: Måttlig').waitFor();
      await assertNoAxeViolations(page, 'the list with the escalated analysis');
    });
  });

  test('the security department is told, opens the analysis from the notification and answers', async () => {
    assert.ok(analysisPath, 'the first test made the analysis');
    await browserTest.withPage({ signedInAs: 'security_department', context: desktop }, async (page) => {
      await page.goto(browserTest.url('/aviseringar'));
      await page.getByRole('heading', { level: 1, name: 'Aviseringar' }).waitFor();
      await page.getByRole('link', { name: /En riskanalys har eskalerats till säkerhetsavdelningen/ }).click();
      await page.getByRole('heading', { level: 1, name: 'Torgmöte i Tensta' }).waitFor();
      assert.equal(new URL(page.url()).pathname, analysisPath);
      await assertNoAxeViolations(page, 'the escalated analysis for the security department');

      await page.getByRole('radio', { name: 'Ge råd' }).check();
      await page.getByLabel('Kommentar').fill('Ha två värdar på plats; polisen är informerad och vi följer flödena.');
      await page.getByRole('button', { name: 'Skicka svaret' }).click();
      await page.getByRole('status').filter({ hasText: 'Svaret är skickat.' }).waitFor();
      await page.getByRole('region', { name: 'Översikt' }).getByText('Besvarad', { exact: true }).waitFor();
      await page.getByText(/^Ge råd, /).waitFor();
      await assertNoAxeViolations(page, 'the answered analysis');
    });
  });
});
