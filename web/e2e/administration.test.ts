import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { assertNoAxeViolations } from './support/accessibility.ts';
import { setUpBrowserTest } from './support/browser-test.ts';
import { selectOptionContaining } from './support/forms.ts';

describe('administration', () => {
  const browserTest = setUpBrowserTest();

  test('an administrator creates a unit and then a person in it', async () => {
    await browserTest.withPage({ signedInAs: 'administrator' }, async (page) => {
      const navigation = page.getByRole('navigation', { name: 'Huvudmeny' });

      // The unit, under the labour-market administration.
      await navigation.getByRole('link', { name: 'Organisation' }).click();
      await page.getByRole('heading', { level: 1, name: 'Organisation' }).waitFor();
      const createUnit = page.getByRole('form', { name: 'Lägg till organisationsdel' });

      await createUnit.getByRole('button', { name: 'Lägg till' }).click();
      const summary = createUnit.getByRole('region', { name: 'Formuläret innehåller fel' });
      await summary.waitFor();
      assert.equal(await summary.evaluate((element) => element === document.activeElement), true);
      assert.equal(await createUnit.getByLabel('Namn').getAttribute('aria-invalid'), 'true');
      await assertNoAxeViolations(page, 'the organisation page with an invalid form');

      await selectOptionContaining(createUnit.getByLabel('Överordnad'), 'Arbetsmarknadsförvaltningen');
      await createUnit.getByLabel('Typ').selectOption({ label: 'Enhet' });
      await createUnit.getByLabel('Namn').fill('Testenheten för webbtester');
      await createUnit.getByLabel('Kod').fill('WEBB1');
      await createUnit.getByRole('button', { name: 'Lägg till' }).click();
      await page.getByRole('status').filter({ hasText: 'Testenheten för webbtester är skapad.' }).waitFor();
      await page.getByRole('list').getByText('Testenheten för webbtester', { exact: true }).waitFor();

      // The person, an employee of the new unit.
      await navigation.getByRole('link', { name: 'Personer' }).click();
      await page.getByRole('heading', { level: 1, name: 'Personer' }).waitFor();
      await page.getByRole('link', { name: 'Lägg till person' }).click();
      await page.getByRole('heading', { level: 1, name: 'Lägg till person' }).waitFor();
      await assertNoAxeViolations(page, 'the new-person page');
      await page.getByLabel('Förnamn').fill('Webbtest');
      await page.getByLabel('Efternamn').fill('Testsson');
      await page.getByLabel('E-postadress').fill('webbtest.testsson@demo.varn.se');
      await selectOptionContaining(page.getByLabel('Organisationsdel'), 'Testenheten för webbtester');
      await page.getByRole('button', { name: 'Lägg till person' }).click();

      await page.getByRole('heading', { level: 1, name: 'Webbtest Testsson' }).waitFor();
      await page.getByRole('status').filter({ hasText: 'Webbtest Testsson är skapad.' }).waitFor();
      await page.getByText('Testenheten för webbtester').first().waitFor();
      await assertNoAxeViolations(page, 'the person page');

      // A role for the new person, scoped to the new unit, then taken away again.
      const grants = page.getByRole('region', { name: 'Behörigheter' });
      await grants.getByText('Personen har inga roller.').waitFor();
      await grants.getByLabel('Roll', { exact: true }).selectOption({ label: 'Chef' });
      await grants.getByLabel('Gäller').selectOption({ label: 'Organisationsdel' });
      await selectOptionContaining(grants.getByLabel('Organisationsdel'), 'Testenheten för webbtester');
      await grants.getByRole('button', { name: 'Lägg till roll' }).click();
      const grant = grants.getByRole('listitem').filter({ hasText: 'Chef' });
      await grant.getByText('Testenheten för webbtester').waitFor();
      page.once('dialog', (dialog) => void dialog.accept());
      await grant.getByRole('button', { name: 'Ta bort rollen Chef' }).click();
      await grants.getByRole('status').filter({ hasText: 'Rollen är borttagen.' }).waitFor();
      await grants.getByText('Personen har inga roller.').waitFor();

      // The new person is found by searching.
      await page.getByRole('link', { name: 'Tillbaka' }).click();
      await page.getByLabel('Sök namn eller e-post').fill('Testsson');
      await page.getByRole('button', { name: 'Filtrera' }).click();
      await page.getByRole('link', { name: 'Webbtest Testsson' }).waitFor();
    });
  });

  test("an administrator chooses a party's security contact and sees the name in the list", async () => {
    await browserTest.withPage({ signedInAs: 'administrator' }, async (page) => {
      await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Partier' }).click();
      await page.getByRole('heading', { level: 1, name: 'Partier' }).waitFor();
      const card = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: 'Kristdemokraterna' }) });
      await card.getByRole('button', { name: 'Ändra Kristdemokraterna' }).click();

      // The choice is among the party's own people; the first of them becomes the contact.
      const form = card.getByRole('form', { name: 'Ändra Kristdemokraterna' });
      const contact = form.getByLabel('Säkerhetskontakt');
      const firstPerson = contact.locator('option').nth(1);
      await firstPerson.waitFor({ state: 'attached' });
      const name = (await firstPerson.textContent()) ?? '';
      assert.ok(name.length > 0, 'the party has nobody to choose as its security contact');
      await contact.selectOption({ label: name });
      await assertNoAxeViolations(page, 'the parties page with a party being edited');
      await form.getByRole('button', { name: 'Spara' }).click();

      await card.getByText(`Säkerhetskontakt: ${name}`).waitFor();
      await assertNoAxeViolations(page, 'the parties page with a security contact');
    });
  });

  test('an administrator imports people from CSV and sees the errors per row when a row is wrong', async () => {
    const header =
      'kind;given_name;family_name;email;phone;employee_number;title;unit_code;unit_name;parent_unit_code;unit_kind;party_abbreviation;official_category';
    const goodRow =
      'employee;Importerad;Person;importerad.person@demo.varn.se;;X9001;Handläggare;IMP1;Importenheten;AMF;unit;;';
    await browserTest.withPage({ signedInAs: 'administrator' }, async (page) => {
      await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Import' }).click();
      await page.getByRole('heading', { level: 1, name: 'Import' }).waitFor();

      const badCsv = [header, goodRow, 'employee;Fel;Adress;inte-en-adress;;X9002;;IMP1;;;;;'].join('\n');
      await page
        .getByLabel('CSV-fil')
        .setInputFiles({ name: 'personer.csv', mimeType: 'text/csv', buffer: Buffer.from(badCsv) });
      await page.getByRole('button', { name: 'Importera' }).click();
      const table = page.getByRole('table', { name: 'Fel per rad' });
      await table.waitFor();
      const cells = await table.getByRole('row').nth(1).getByRole('cell').allTextContents();
      assert.equal(cells[0], '3');
      assert.equal(cells[1], 'email');
      await page.getByRole('alert').filter({ hasText: 'Inget har sparats' }).waitFor();
      await assertNoAxeViolations(page, 'the import page with errors per row');

      await page.getByLabel('CSV-fil').setInputFiles({
        name: 'personer.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from([header, goodRow].join('\n')),
      });
      await page.getByRole('button', { name: 'Importera' }).click();
      await page.getByRole('status').filter({ hasText: 'Importen är klar' }).waitFor();
      assert.equal(await page.getByRole('table', { name: 'Fel per rad' }).count(), 0);
    });
  });
});
