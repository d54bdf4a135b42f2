import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { assertNoAxeViolations } from './support/accessibility.ts';
import { setUpBrowserTest } from './support/browser-test.ts';

const desktop = { timezoneId: 'Europe/Stockholm' };
const phone = { viewport: { width: 360, height: 740 }, timezoneId: 'Europe/Stockholm' };

// The follow-up of a report: the manager investigates and decides a measure, the employee corrects
// the report and follows the measure, and the manager prints the summary for the authorities.
describe('investigation', () => {
  const browserTest = setUpBrowserTest();
  let incidentPath = '';

  test('an employee reports a threat', async () => {
    await browserTest.withPage({ signedInAs: 'employee', context: desktop }, async (page) => {
      await page.goto(browserTest.url('/rapportera'));
      await page.getByRole('heading', { level: 1, name: 'Rapportera händelse' }).waitFor();
      await page.getByRole('radio', { name: 'Händelse', exact: true }).check();
      await page.getByRole('checkbox', { name: 'Hot', exact: true }).check();
      await page.getByLabel('Annan plats').fill('Receptionen');
      await page.getByLabel('I vilket sammanhang?').selectOption({ label: 'Besök utan tidsbokning (drop-in)' });
      await page.getByLabel('Hur kom hotet fram?').selectOption({ label: 'Personligen' });
      await page.getByLabel('Vad hände?').fill('En besökare sa att han skulle vänta på mig efter jobbet.');
      await page.getByRole('button', { name: 'Skicka rapporten' }).click();
      await page.getByRole('link', { name: 'Visa rapporten' }).click();
      await page.getByRole('heading', { level: 1, name: 'Händelse: Hot' }).waitFor();
      incidentPath = new URL(page.url()).pathname;
    });
  });

  test('the manager records causes and a measure with owner and due date', async () => {
    assert.ok(incidentPath, 'the report of the first test is missing');
    await browserTest.withPage({ signedInAs: 'manager', context: desktop }, async (page) => {
      await page.goto(browserTest.url(incidentPath));
      await page.getByRole('heading', { level: 1, name: 'Händelse: Hot' }).waitFor();
      const investigation = page.getByRole('region', { name: 'Utredning' });
      await investigation.getByLabel('Orsaker').waitFor();
      await assertNoAxeViolations(page, 'the incident page with the follow-up forms');

      await investigation.getByLabel('Orsaker').fill('Beslutet meddelades i receptionen utan förvarning.');
      await investigation.getByRole('button', { name: 'Spara utredningen' }).click();
      await investigation.getByRole('status').filter({ hasText: 'Utredningen är sparad.' }).waitFor();

      // A measure without owner and due date is refused beside the fields.
      const measures = page.getByRole('region', { name: 'Åtgärder' });
      await measures.getByLabel('Åtgärd', { exact: true }).fill('Beslut om avslag meddelas i bokat samtal');
      await measures.getByRole('button', { name: 'Lägg till åtgärden' }).click();
      await page.getByRole('region', { name: 'Formuläret innehåller fel' }).waitFor();
      assert.equal(await measures.getByLabel('Ansvarig').getAttribute('aria-invalid'), 'true');
      await assertNoAxeViolations(page, 'the measure form with errors');

      await measures.getByLabel('Ansvarig').selectOption({ label: 'Cecilia Chef' });
      await measures.getByLabel('Klart senast').fill('2026-12-15');
      await measures.getByRole('button', { name: 'Lägg till åtgärden' }).click();
      await measures.getByRole('status').filter({ hasText: 'Åtgärden är tillagd.' }).waitFor();
      const measure = measures.getByRole('listitem').filter({ hasText: 'Beslut om avslag meddelas i bokat samtal' });
      await measure.getByText('Klart senast 2026-12-15 · Ansvarig: Cecilia Chef').waitFor();
      await measure.getByLabel('Status för Beslut om avslag meddelas i bokat samtal').selectOption({ label: 'Pågår' });
      await measures.getByRole('status').filter({ hasText: 'är ändrad till Pågår' }).waitFor();

      const timeline = page.getByRole('region', { name: 'Tidslinje' });
      await timeline.getByText('Utredningen uppdaterad: Orsaker').waitFor();
      await timeline.getByText('Åtgärd: Pågår').waitFor();
      await page
        .getByRole('region', { name: 'Anmälningar' })
        .getByText('Behövs inte enligt rapporten')
        .first()
        .waitFor();
      await assertNoAxeViolations(page, 'the incident page with investigation and measure');
    });
  });

  test('the employee corrects the description on a phone and sees the measure', async () => {
    assert.ok(incidentPath, 'the report of the first test is missing');
    await browserTest.withPage({ signedInAs: 'employee', context: phone }, async (page) => {
      await page.goto(browserTest.url(incidentPath));
      await page.getByRole('heading', { level: 1, name: 'Händelse: Hot' }).waitFor();
      const measures = page.getByRole('region', { name: 'Åtgärder' });
      await measures.getByText('Beslut om avslag meddelas i bokat samtal').waitFor();
      await measures.getByText('Klart senast 2026-12-15 · Pågår').waitFor();
      assert.equal(await measures.getByText('Cecilia Chef').count(), 0, 'the owner is not shown to the reporter');
      assert.equal(await measures.getByRole('button', { name: 'Lägg till åtgärden' }).count(), 0);
      await page.getByRole('region', { name: 'Utredning' }).getByText('Beslutet meddelades i receptionen').waitFor();

      const correction = page.getByRole('region', { name: 'Rätta rapporten' });
      await correction.getByLabel('Vad vill du rätta?').selectOption({ label: 'Vad hände' });
      await correction.getByLabel('Vad är rätt?').fill('Han sa att han skulle vänta vid parkeringen.');
      await correction.getByRole('button', { name: 'Lägg till rättelsen' }).click();
      await correction.getByRole('status').filter({ hasText: 'Rättelsen är tillagd.' }).waitFor();

      // The original stays; the correction stands beside it, and in the timeline.
      const overview = page.getByRole('region', { name: 'Översikt' });
      await overview.getByText('En besökare sa att han skulle vänta på mig efter jobbet.').waitFor();
      await overview
        .getByText(/^Rättelse \d{4}-\d{2}-\d{2} av Maja Medarbetare: Han sa att han skulle vänta vid parkeringen\.$/)
        .waitFor();
      await page.getByRole('region', { name: 'Tidslinje' }).getByText('Rättelse: Vad hände').waitFor();

      const comment = page.getByRole('region', { name: 'Kommentera' });
      await comment.getByLabel('Kommentar').fill('Han har ringt igen.');
      await comment.getByRole('button', { name: 'Skicka kommentaren' }).click();
      await comment.getByRole('status').filter({ hasText: 'Kommentaren är skickad.' }).waitFor();
      await page.getByRole('region', { name: 'Tidslinje' }).getByText('Han har ringt igen.').waitFor();
      assert.equal(
        await page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth),
        false,
        'the incident page scrolls sideways at 360 px',
      );
      await assertNoAxeViolations(page, 'the incident page of the reporter with a correction');
    });
  });

  test('the printable summary shows the fields of the two forms', async () => {
    assert.ok(incidentPath, 'the report of the first test is missing');
    await browserTest.withPage({ signedInAs: 'manager', context: desktop }, async (page) => {
      await page.goto(browserTest.url(incidentPath));
      await page.getByRole('link', { name: 'Sammanställning för anmälningarna' }).click();
      await page.getByRole('heading', { level: 1, name: 'Sammanställning för anmälan' }).waitFor();
      assert.equal(new URL(page.url()).pathname, `${incidentPath}/sammanstallning`);
      const common = page.getByRole('region', { name: 'Arbetsgivare och händelse' });
      await common.getByText('Demo kommun', { exact: true }).waitFor();
      await common.getByText('En besökare sa att han skulle vänta på mig efter jobbet.').waitFor();
      await common.getByText('Beslutet meddelades i receptionen utan förvarning.').waitFor();
      await page
        .getByRole('region', { name: /^Arbetsmiljöverket/ })
        .getByText('Flera drabbade')
        .waitFor();
      await page
        .getByRole('region', { name: /^Försäkringskassan/ })
        .getByText('Maja Medarbetare')
        .waitFor();
      await page
        .getByRole('region', { name: 'Åtgärder' })
        .getByText('Beslut om avslag meddelas i bokat samtal', { exact: false })
        .waitFor();
      await page.getByRole('button', { name: 'Skriv ut' }).waitFor();

      // On paper: no navigation, black on white.
      await page.emulateMedia({ media: 'print' });
      assert.equal(await page.getByRole('navigation', { name: 'Huvudmeny' }).isVisible(), false);
      assert.equal(await page.getByRole('button', { name: 'Skriv ut' }).isVisible(), false);
      assert.equal(await page.evaluate(() => getComputedStyle(document.body).backgroundColor), 'rgb(255, 255, 255)');
      await page.emulateMedia({ media: 'screen' });
      await assertNoAxeViolations(page, 'the printable summary');
    });
  });
});
