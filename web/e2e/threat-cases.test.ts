import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Locator } from 'playwright-core';
import { assertNoAxeViolations } from './support/accessibility.ts';
import { setUpBrowserTest } from './support/browser-test.ts';
import { desktop, phone, scrollsSideways } from './support/screens.ts';

/** The fieldset of one risk factor, found by its question. */
function factor(form: Locator, question: string): Locator {
  return form.getByRole('group', { name: question, exact: true });
}

/** Rates every factor of the form the same way. */
async function rateAll(form: Locator, rating: string) {
  const factors = form.locator('fieldset.factor');
  const count = await factors.count();
  assert.ok(count >= 20, `only ${count} factors in the form`);
  for (let index = 0; index < count; index += 1) {
    await factors.nth(index).getByRole('radio', { name: rating, exact: true }).check();
  }
}

// A manager opens a threat case, assesses it, reassesses it when the picture worsens, and sees the
// change of level in the table beside the chart; every page is scanned by axe.
describe('threat cases', () => {
  const browserTest = setUpBrowserTest();
  let casePath = '';

  test('a manager opens a case, assesses it, reassesses it and sees the level change', async () => {
    await browserTest.withPage({ signedInAs: 'manager', context: desktop }, async (page) => {
      await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Hotbild' }).click();
      await page.getByRole('heading', { level: 1, name: 'Hotbildsärenden' }).waitFor();
      await page.getByText('Du har inga hotbildsärenden.').waitFor();
      await assertNoAxeViolations(page, 'the empty list of threat cases');

      await page.getByRole('link', { name: 'Nytt ärende' }).click();
      await page.getByRole('heading', { level: 1, name: 'Nytt hotbildsärende' }).waitFor();
      await page.getByRole('button', { name: 'Skapa ärendet' }).click();
      await page.getByRole('region', { name: 'Formuläret innehåller fel' }).waitFor();
      await assertNoAxeViolations(page, 'the new case form with errors');

      await page.getByLabel('Rubrik').fill('Hot mot handläggare i receptionen');
      await page.getByLabel('Namn på den som ska skyddas').fill('Sara Handläggare');
      await page.getByLabel('Hemadress').fill('Hemliga vägen 7, Skarpnäck');
      await page
        .getByLabel('Relation till verksamheten', { exact: true })
        .selectOption({ label: 'Besökare eller klient' });
      await page.getByLabel('Koppling till gängkriminalitet').selectOption({ label: 'Misstänkt' });
      await page.getByRole('button', { name: 'Skapa ärendet' }).click();
      await page.getByRole('heading', { level: 1, name: 'Hot mot handläggare i receptionen' }).waitFor();
      casePath = new URL(page.url()).pathname;
      await page.getByText('Hemliga vägen 7, Skarpnäck').waitFor();
      await page.getByRole('region', { name: 'Översikt' }).getByText('Inte bedömd').waitFor();
      await assertNoAxeViolations(page, 'the new case');

      // The first assessment: nothing present except access to weapons; the tool suggests high.
      const form = page.getByRole('form', { name: 'Ny bedömning' });
      await form.getByRole('button', { name: 'Spara bedömningen' }).click();
      await page
        .getByRole('region', { name: 'Formuläret innehåller fel' })
        .getByText(/Bedöm varje faktor/)
        .waitFor();
      await assertNoAxeViolations(page, 'the assessment form with errors');
      await rateAll(form, 'Förekommer inte');
      await factor(form, 'Personen har eller kan skaffa vapen')
        .getByRole('radio', { name: 'Förekommer', exact: true })
        .check();
      await form.getByText('Förslag: Hög').waitFor();
      await factor(form, 'Din samlade bedömning').getByRole('radio', { name: 'Hög', exact: true }).check();
      await form.getByLabel('Motivering').fill('Uppgift om vapen från polisen; inga andra tecken.');
      await form.getByRole('button', { name: 'Spara bedömningen' }).click();
      await page.getByRole('status').filter({ hasText: 'Bedömning 1 är sparad.' }).waitFor();

      // The reassessment starts from the last ratings: the person has now been seen at the home.
      await factor(form, 'Personen har sökt upp den hotade i hemmet eller på fritiden')
        .getByRole('radio', { name: 'Förekommer', exact: true })
        .check();
      await form.getByText('Förslag: Akut').waitFor();
      await factor(form, 'Din samlade bedömning').getByRole('radio', { name: 'Akut', exact: true }).check();
      await form.getByLabel('Motivering').fill('Personen har synts utanför den hotades bostad.');
      await form.getByRole('button', { name: 'Spara bedömningen' }).click();
      await page.getByRole('status').filter({ hasText: 'Bedömning 2 är sparad.' }).waitFor();

      const history = page.getByRole('region', { name: 'Hotbilden över tid' });
      const rows = history.getByRole('table').getByRole('row');
      await rows.nth(2).waitFor();
      const levels = [];
      for (const index of [1, 2]) {
        const row = rows.nth(index);
        levels.push([await row.getByRole('rowheader').innerText(), await row.getByRole('cell').nth(1).innerText()]);
      }
      assert.deepEqual(levels, [
        ['1', 'Hög'],
        ['2', 'Akut'],
      ]);
      const dots = history.locator('[data-testid="level-chart"] .recharts-line-dots circle');
      await dots.nth(1).waitFor();
      assert.equal(await dots.count(), 2, 'the chart draws a point per assessment');
      await page.getByRole('region', { name: 'Översikt' }).getByText('Nivå: Akut').waitFor();
      await assertNoAxeViolations(page, 'the case after two assessments');

      await page.getByRole('link', { name: 'Till hotbildsärendena' }).click();
      await page.getByRole('link', { name: 'Hot mot handläggare i receptionen' }).waitFor();
      await page.getByText('Nivå: Akut').waitFor();
      await assertNoAxeViolations(page, 'the list of threat cases');
    });
  });

  test('on a phone the case page fits the screen and stays accessible', async () => {
    assert.ok(casePath, 'the case of the first test is missing');
    await browserTest.withPage({ signedInAs: 'manager', context: phone }, async (page) => {
      await page.goto(browserTest.url(casePath));
      await page.getByRole('heading', { level: 1, name: 'Hot mot handläggare i receptionen' }).waitFor();
      await page.getByRole('region', { name: 'Hotbilden över tid' }).getByRole('table').waitFor();
      assert.equal(await scrollsSideways(page), false, 'the case page scrolls sideways at 360 px');
      await assertNoAxeViolations(page, 'the case page on a phone');

      // Before taking the individual in: the decision with the meetings' safety arrangements.
      const preIntake = page.getByRole('region', { name: 'Bedömning före inskrivning' });
      await preIntake.getByLabel('Beslut', { exact: true }).selectOption({ label: 'Tas in med säkerhetsarrangemang' });
      await preIntake.getByLabel('Vad BOPS sa').fill('BOPS råder till möten två och två.');
      await preIntake.getByRole('button', { name: 'Spara bedömningen före inskrivning' }).click();
      await preIntake.getByText('Beskriv säkerhetsarrangemangen för mötena').first().waitFor();
      await preIntake
        .getByLabel('Säkerhetsarrangemang för mötena')
        .fill('Alltid två handläggare, rum med två utgångar.');
      await preIntake.getByRole('button', { name: 'Spara bedömningen före inskrivning' }).click();
      await preIntake.getByRole('status').filter({ hasText: 'Bedömningen före inskrivning är sparad.' }).waitFor();
      await preIntake.getByText(/^Tas in med säkerhetsarrangemang – /).waitFor();
      assert.equal(await scrollsSideways(page), false, 'the pre-intake assessment scrolls sideways at 360 px');
      await assertNoAxeViolations(page, 'the case page with a pre-intake assessment');
    });
  });

  test('a coordinator of the administration sees the case only once the manager adds them with a reason', async () => {
    assert.ok(casePath, 'the case of the first test is missing');
    await browserTest.withPage({ signedInAs: 'security_coordinator', context: desktop }, async (page) => {
      await page.goto(browserTest.url(casePath));
      await page.getByRole('heading', { level: 1, name: 'Ärendet hittades inte' }).waitFor();
      await assertNoAxeViolations(page, 'a case the coordinator may not see');
    });
    await browserTest.withPage({ signedInAs: 'manager', context: desktop }, async (page) => {
      await page.goto(browserTest.url(casePath));
      const access = page.getByRole('region', { name: 'Behörighetslista' });
      const addForm = access.getByRole('form', { name: 'Lägg till person' });
      await addForm.getByLabel('Person').selectOption({ label: 'Samir Samordnare' });
      await addForm.getByLabel('Skäl').fill('Samordnar skyddsåtgärderna för förvaltningen');
      await addForm.getByRole('button', { name: 'Lägg till' }).click();
      await access.getByRole('status').filter({ hasText: 'Samir Samordnare är tillagd.' }).waitFor();
      await access.getByText(/Samordnar skyddsåtgärderna för förvaltningen/).waitFor();
      await assertNoAxeViolations(page, 'the access list with an added person');
    });
    await browserTest.withPage({ signedInAs: 'security_coordinator', context: desktop }, async (page) => {
      await page.goto(browserTest.url(casePath));
      await page.getByRole('heading', { level: 1, name: 'Hot mot handläggare i receptionen' }).waitFor();
      await page.getByRole('region', { name: 'Översikt' }).getByText('Nivå: Akut').waitFor();
    });
  });

  test('a manager protects a site and the security department an elected official', async () => {
    await browserTest.withPage({ signedInAs: 'manager', context: desktop }, async (page) => {
      await page.goto(browserTest.url('/hotbild/nytt'));
      await page.getByRole('heading', { level: 1, name: 'Nytt hotbildsärende' }).waitFor();
      await page.getByLabel('Rubrik').fill('Hot mot Jobbtorg City');
      await page.getByRole('radio', { name: 'En adress', exact: true }).check();
      // No official is in a manager's unit: that choice is not offered.
      assert.equal(await page.getByRole('radio', { name: 'En förtroendevald', exact: true }).count(), 0);
      await page.getByRole('button', { name: 'Skapa ärendet' }).click();
      await page.getByRole('region', { name: 'Formuläret innehåller fel' }).getByText('Välj adress').waitFor();
      await assertNoAxeViolations(page, 'the new case form protecting a site, with errors');
      await page.getByLabel('Adressen som ska skyddas').selectOption({ label: 'Jobbtorg City, Kungsgatan 12' });
      await page.getByRole('button', { name: 'Skapa ärendet' }).click();
      await page.getByRole('heading', { level: 1, name: 'Hot mot Jobbtorg City' }).waitFor();
      const overview = page.getByRole('region', { name: 'Översikt' });
      await overview.getByText('Jobbtorg City, Kungsgatan 12').waitFor();
      await assertNoAxeViolations(page, 'a case protecting a site');
    });
    await browserTest.withPage({ signedInAs: 'security_department', context: phone }, async (page) => {
      await page.goto(browserTest.url('/hotbild/nytt'));
      await page.getByRole('heading', { level: 1, name: 'Nytt hotbildsärende' }).waitFor();
      await page.getByLabel('Rubrik').fill('Hot mot borgarråd');
      await page.getByRole('radio', { name: 'En förtroendevald', exact: true }).check();
      await page.getByLabel('Den förtroendevalda som ska skyddas').selectOption({ label: 'Olof Politiker' });
      assert.equal(await scrollsSideways(page), false, 'the new case form scrolls sideways at 360 px');
      await assertNoAxeViolations(page, 'the new case form protecting an official, on a phone');
      await page.getByRole('button', { name: 'Skapa ärendet' }).click();
      await page.getByRole('heading', { level: 1, name: 'Hot mot borgarråd' }).waitFor();
      await page.getByRole('region', { name: 'Översikt' }).getByText('Olof Politiker').waitFor();
      await assertNoAxeViolations(page, 'a case protecting an official, on a phone');
    });
  });
});
