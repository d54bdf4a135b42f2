import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { assertNoAxeViolations } from './support/accessibility.ts';
import { setUpBrowserTest } from './support/browser-test.ts';
import { desktop, openFromMenu, phone, scrollsSideways } from './support/screens.ts';

// An employee reports a threat on a phone, the manager handles it to the end, and the employee
// follows it: the report's way through the workflow, with every page scanned by axe.
describe('incidents', () => {
  const browserTest = setUpBrowserTest();
  let incidentPath = '';

  test('an employee reports a threat with the short form on a phone and sees the confirmation', async () => {
    await browserTest.withPage({ signedInAs: 'employee', context: phone }, async (page) => {
      await openFromMenu(page, 'Rapportera');
      await page.getByRole('heading', { level: 1, name: 'Rapportera händelse' }).waitFor();
      assert.equal(await scrollsSideways(page), false, 'the report form scrolls sideways at 360 px');
      await assertNoAxeViolations(page, 'the report form');

      // Sending nothing shows what is missing, beside the fields and in the summary that takes focus.
      await page.getByRole('button', { name: 'Skicka rapporten' }).click();
      const summary = page.getByRole('region', { name: 'Formuläret innehåller fel' });
      await summary.waitFor();
      assert.equal(await summary.evaluate((element) => element === document.activeElement), true);
      await summary.getByText('Välj minst en typ').waitFor();
      assert.equal(
        await page.getByRole('radio', { name: 'Händelse', exact: true }).getAttribute('aria-invalid'),
        'true',
      );
      await assertNoAxeViolations(page, 'the report form with errors');

      // The short form: kind, type, place, situation, channel and what happened; the time is now.
      await page.getByRole('radio', { name: 'Händelse', exact: true }).check();
      await page.getByRole('checkbox', { name: 'Hot', exact: true }).check();
      // The employee's own unit's sites are offered; a place of its own is described beside them.
      const sites = await page.getByRole('combobox', { name: 'Var hände det?' }).locator('option').allTextContents();
      assert.ok(sites.includes('Jobbtorg City'), sites.join());
      await page.getByLabel('Annan plats').fill('Receptionen, Jobbtorg City');
      await page.getByLabel('I vilket sammanhang?').selectOption({ label: 'Besök utan tidsbokning (drop-in)' });
      await page.getByLabel('Hur kom hotet fram?').selectOption({ label: 'Personligen' });

      // A phone number in the text gives a warning that does not stop the report.
      const description = page.getByLabel('Vad hände?');
      await description.fill('En besökare hotade mig vid disken, ring honom på 070-123 45 67.');
      await page.getByRole('status').filter({ hasText: 'Texten verkar innehålla ett telefonnummer.' }).waitFor();
      await description.fill('En besökare blev arg över ett beslut och sa att han skulle vänta på mig efter jobbet.');
      await page.getByRole('status').filter({ hasText: 'Texten verkar innehålla' }).waitFor({ state: 'detached' });

      // The optional details stay folded away.
      assert.equal(await page.getByLabel('Antal dagar sjukskrivning').isVisible(), false);

      await page.getByRole('button', { name: 'Skicka rapporten' }).click();
      await page.getByRole('heading', { level: 1, name: 'Tack, rapporten är skickad' }).waitFor();
      assert.equal(await scrollsSideways(page), false, 'the confirmation scrolls sideways at 360 px');
      await assertNoAxeViolations(page, 'the confirmation');

      await page.getByRole('link', { name: 'Visa rapporten' }).click();
      await page.getByRole('heading', { level: 1, name: 'Händelse: Hot' }).waitFor();
      incidentPath = new URL(page.url()).pathname;
      assert.match(incidentPath, /^\/handelser\/[0-9a-f-]{36}$/);
      await page.getByRole('region', { name: 'Översikt' }).getByText('Rapporterad', { exact: true }).waitFor();
      await page.getByText('Receptionen, Jobbtorg City').waitFor();
      assert.equal(await page.getByRole('heading', { name: 'Handläggning' }).count(), 0, 'an employee may handle');
      assert.equal(await scrollsSideways(page), false, 'the incident page scrolls sideways at 360 px');
      await assertNoAxeViolations(page, 'the incident page of the employee');

      await openFromMenu(page, 'Händelser');
      await page.getByRole('heading', { level: 1, name: 'Händelser' }).waitFor();
      await page.getByRole('link', { name: /^Händelse: Hot – / }).waitFor();
      assert.equal(await scrollsSideways(page), false, 'the incident list scrolls sideways at 360 px');
      await assertNoAxeViolations(page, 'the incident list');
    });
  });

  test('the manager acknowledges the report, investigates it and closes it', async () => {
    assert.ok(incidentPath, 'the report of the first test is missing');
    await browserTest.withPage({ signedInAs: 'manager', context: desktop }, async (page) => {
      await page.goto(browserTest.url(incidentPath));
      await page.getByRole('heading', { level: 1, name: 'Händelse: Hot' }).waitFor();
      const handling = page.getByRole('region', { name: 'Handläggning' });
      await handling.getByRole('button', { name: 'Kvittera' }).waitFor();
      await assertNoAxeViolations(page, 'the incident page of the manager');

      await handling.getByRole('button', { name: 'Kvittera' }).click();
      await handling.getByRole('status').filter({ hasText: 'Status ändrad till Kvitterad.' }).waitFor();
      await handling.getByLabel('Kommentar').fill('Pratat med Maja. Vi går igenom rutinen för receptionen.');
      await handling.getByRole('button', { name: 'Börja utreda' }).click();
      await handling.getByRole('status').filter({ hasText: 'Status ändrad till Utreds.' }).waitFor();
      await handling.getByRole('button', { name: 'Avsluta' }).click();
      await handling.getByRole('status').filter({ hasText: 'Status ändrad till Avslutad.' }).waitFor();
      await page.getByRole('region', { name: 'Översikt' }).getByText('Avslutad', { exact: true }).waitFor();

      // Reopening needs a reason; the manager does not reopen it.
      await handling.getByRole('button', { name: 'Öppna igen' }).click();
      await handling.getByText('Ange varför ärendet öppnas igen').first().waitFor();
      assert.equal(await handling.getByLabel('Kommentar').getAttribute('aria-invalid'), 'true');
      await assertNoAxeViolations(page, 'the closed incident with a reopening error');
    });
  });

  test('the employee sees the report closed, with its timeline', async () => {
    assert.ok(incidentPath, 'the report of the first test is missing');
    await browserTest.withPage({ signedInAs: 'employee', context: desktop }, async (page) => {
      await openFromMenu(page, 'Händelser');
      await page.getByRole('heading', { level: 1, name: 'Händelser' }).waitFor();
      const card = page.getByRole('listitem').filter({ has: page.getByRole('link', { name: /^Händelse: Hot – / }) });
      await card.getByText('Status: Avslutad').waitFor();

      await page.getByRole('combobox', { name: 'Status' }).selectOption({ label: 'Avslutad' });
      await page.getByRole('button', { name: 'Filtrera' }).click();
      await card.getByRole('link').click();
      await page.getByRole('heading', { level: 1, name: 'Händelse: Hot' }).waitFor();
      assert.equal(new URL(page.url()).pathname, incidentPath);

      const timeline = page.getByRole('region', { name: 'Tidslinje' });
      const events = timeline.getByRole('listitem');
      assert.deepEqual(
        (await timeline.locator('.timeline__what').allTextContents()).map((text) => text.trim()),
        [
          'Rapporterad',
          'Status ändrad från Rapporterad till Kvitterad',
          'Status ändrad från Kvitterad till Utreds',
          'Status ändrad från Utreds till Avslutad',
        ],
      );
      await events.nth(2).getByText('Pratat med Maja.', { exact: false }).waitFor();
      await events.nth(2).getByText('Cecilia Chef').waitFor();
      await assertNoAxeViolations(page, 'the closed incident of the employee');

      // Back to the list keeps the filter.
      await page.getByRole('link', { name: 'Tillbaka till händelser' }).click();
      assert.equal(await page.getByRole('combobox', { name: 'Status' }).inputValue(), 'closed');
    });
  });
  test('the details of a report, the injury rule, and a person of concern shown only on need-to-know', async () => {
    let detailPath = '';
    await browserTest.withPage({ signedInAs: 'employee', context: desktop }, async (page) => {
      await openFromMenu(page, 'Rapportera');
      await page.getByRole('heading', { level: 1, name: 'Rapportera händelse' }).waitFor();
      await page.getByRole('radio', { name: 'Tillbud', exact: true }).check();
      await page.getByRole('checkbox', { name: 'Våld', exact: true }).check();
      await page.getByLabel('Annan plats').fill('Mötesrummet på plan 2');
      await page.getByLabel('I vilket sammanhang?').selectOption({ label: 'Möte' });
      await page.getByLabel('Vad hände?').fill('En deltagare knuffade mig mot dörrkarmen när mötet slutade.');

      await page.getByText('Mer detaljer (valfritt)').click();
      await page.getByRole('checkbox', { name: 'Fysisk skada', exact: true }).check();
      await page.getByLabel('Antal dagar sjukskrivning').fill('2');
      await page.getByRole('radio', { name: 'Ja', exact: true }).check();
      await page.getByLabel('Personens relation till verksamheten').selectOption({ label: 'Besökare eller klient' });
      await page.getByLabel('Koppling till gängkriminalitet').selectOption({ label: 'Misstänkt' });
      await page.getByLabel('Beskrivning av personen').fill('Man i 40-årsåldern, återkommande besökare.');
      await page.getByLabel('Är händelsen polisanmäld?').selectOption({ label: 'Polisanmälan är gjord' });
      await page.getByLabel('Vem gör eller gjorde anmälan?').selectOption({ label: 'Chef' });
      await page.getByLabel('Diarienummer hos polisen').fill('5000-K123456-26');
      await assertNoAxeViolations(page, 'the report form with its details open');

      // An injury makes it an incident, never a near miss.
      await page.getByRole('button', { name: 'Skicka rapporten' }).click();
      const summary = page.getByRole('region', { name: 'Formuläret innehåller fel' });
      await summary.getByText('En situation som ledde till skada är alltid en händelse', { exact: false }).waitFor();
      await page.getByRole('radio', { name: 'Händelse', exact: true }).check();
      await page.getByRole('button', { name: 'Skicka rapporten' }).click();
      await page.getByRole('heading', { level: 1, name: 'Tack, rapporten är skickad' }).waitFor();

      await page.getByRole('link', { name: 'Visa rapporten' }).click();
      await page.getByRole('heading', { level: 1, name: 'Händelse: Våld' }).waitFor();
      detailPath = new URL(page.url()).pathname;
      await page.getByText('Hotfull person: dold (du saknar behörighet)').waitFor();
      assert.equal(await page.getByText('Man i 40-årsåldern', { exact: false }).count(), 0);
      await page.getByText('2 dagar', { exact: true }).waitFor();
      await page.getByText('Polisanmälan är gjord', { exact: true }).waitFor();
      await page.getByText('5000-K123456-26', { exact: true }).waitFor();
      await assertNoAxeViolations(page, 'an incident with a withheld person of concern');
    });

    await browserTest.withPage({ signedInAs: 'manager', context: desktop }, async (page) => {
      await page.goto(browserTest.url(detailPath));
      await page.getByRole('heading', { level: 1, name: 'Händelse: Våld' }).waitFor();
      const concern = page.getByRole('region', { name: 'Hotfull person' });
      await concern.getByText('Man i 40-årsåldern, återkommande besökare.').waitFor();
      await concern.getByText('Misstänkt', { exact: true }).waitFor();
      await assertNoAxeViolations(page, 'an incident with its person of concern');
    });
  });
  test("the time is read and shown as Stockholm time whatever the device's time zone", async () => {
    await browserTest.withPage({ signedInAs: 'employee', context: { timezoneId: 'Asia/Tokyo' } }, async (page) => {
      await page.goto(browserTest.url('/rapportera'));
      await page.getByRole('heading', { level: 1, name: 'Rapportera händelse' }).waitFor();
      const when = page.getByLabel('När hände det?');
      const stockholmNow = new Intl.DateTimeFormat('sv-SE', {
        timeZone: 'Europe/Stockholm',
        dateStyle: 'short',
        timeStyle: 'short',
      })
        .format(new Date())
        .replace(' ', 'T');
      const shown = await when.inputValue();
      // The minute may turn between the two readings.
      assert.ok(
        Math.abs(Date.parse(`${shown}Z`) - Date.parse(`${stockholmNow}Z`)) <= 60_000,
        `the default time ${shown} is not Stockholm's ${stockholmNow}`,
      );

      await page.getByRole('radio', { name: 'Riskobservation', exact: true }).check();
      await page.getByRole('checkbox', { name: 'Annat', exact: true }).check();
      await when.fill('2026-01-15T08:30');
      await page.getByLabel('Annan plats').fill('Personalingången');
      await page.getByLabel('I vilket sammanhang?').selectOption({ label: 'Annat' });
      await page.getByLabel('Vad hände?').fill('Dörren till personalingången går inte i lås.');
      await page.getByRole('button', { name: 'Skicka rapporten' }).click();
      await page.getByRole('link', { name: 'Visa rapporten' }).click();
      await page.getByRole('heading', { level: 1, name: 'Riskobservation: Annat' }).waitFor();
      const time = page.getByRole('region', { name: 'Översikt' }).locator('time');
      assert.equal(await time.getAttribute('datetime'), '2026-01-15T07:30:00.000Z');
      assert.equal(await time.textContent(), '2026-01-15 08:30');
    });
  });
});
