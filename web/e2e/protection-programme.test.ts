import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { addMonths } from '@varn/domain';
import { assertNoAxeViolations } from './support/accessibility.ts';
import { setUpBrowserTest } from './support/browser-test.ts';

const phone = { viewport: { width: 360, height: 740 }, timezoneId: 'Europe/Stockholm' };
const desktop = { timezoneId: 'Europe/Stockholm' };
const stockholmDate = (date: Date) => new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm' }).format(date);

// The security department records a security conversation and sees the next one fall due 12 months
// later; a party office sees its own officials only, without the notes; drills per site.
describe('protection programme', () => {
  const browserTest = setUpBrowserTest();

  test('the security department records a conversation and the next due date appears', async () => {
    await browserTest.withPage({ signedInAs: 'security_department', context: desktop }, async (page) => {
      await page
        .getByRole('navigation', { name: 'Huvudmeny' })
        .getByRole('link', { name: 'Skyddsprogram', exact: true })
        .click();
      await page.getByRole('heading', { level: 1, name: 'Skyddsprogram för särskilt arvoderade' }).waitFor();
      await assertNoAxeViolations(page, 'the programme overview');
      // The training comes from Training's completions; a date typed before that stays, marked.
      await page.getByRole('row').filter({ hasText: 'inskrivet datum från före kopplingen' }).first().waitFor();
      assert.equal(await page.getByRole('row').filter({ hasText: 'inskrivet datum' }).count(), 1);

      // The demo's Vänsterpartiet official was enrolled without a conversation: due now.
      const row = page.getByRole('row').filter({ has: page.getByRole('cell', { name: 'V', exact: true }) });
      await row.getByText('Dags').waitFor();
      await row.getByRole('link').click();
      await page.getByRole('region', { name: 'Säkerhetssamtal' }).getByText('Inga samtal registrerade.').waitFor();
      await assertNoAxeViolations(page, "an official's programme");

      const heldOn = stockholmDate(new Date(Date.now() - 86_400_000));
      const form = page.getByRole('form', { name: 'Registrera samtal' });
      await form.getByLabel('Erbjudet', { exact: true }).fill(heldOn);
      await form.getByLabel('Hållet (frivilligt)', { exact: true }).fill(heldOn);
      await form.getByLabel('Hållet av (frivilligt)', { exact: true }).fill('Karin Säkerhet');
      await form.getByLabel('Anteckningar (frivilligt)', { exact: true }).fill('Oro inför valrörelsen.');
      await form.getByRole('button', { name: 'Spara samtal' }).click();
      await page.getByRole('status').filter({ hasText: 'Samtalet är sparat.' }).waitFor();
      await page.getByText('Oro inför valrörelsen.').waitFor();
      const next = page.getByTestId('next-conversation');
      await next.getByText(addMonths(heldOn, 12)).waitFor();
      assert.equal(await next.getByText('Dags').count(), 0, 'no longer due');
      await assertNoAxeViolations(page, 'the official after a conversation');

      await page.getByRole('link', { name: 'Till skyddsprogrammet' }).click();
      await page.getByRole('link', { name: 'Uppföljning av skyddsprogrammet' }).click();
      await page.getByRole('heading', { level: 1, name: 'Uppföljning av skyddsprogrammet' }).waitFor();
      await page.getByText('Visa som tabell').click();
      await page
        .getByRole('table', { name: 'Andel inskrivna per parti' })
        .getByRole('rowheader', { name: 'Totalt' })
        .waitFor();
      await assertNoAxeViolations(page, 'the programme follow-up');
    });
  });

  test('a party office sees its own officials only, without the notes, on a phone', async () => {
    await browserTest.withPage({ signedInAs: 'party_security_contact', context: phone }, async (page) => {
      await page.goto(browserTest.url('/skyddsprogram'));
      await page.getByRole('heading', { level: 1, name: 'Skyddsprogram för särskilt arvoderade' }).waitFor();
      const rows = page.locator('table tbody tr');
      await rows.first().waitFor();
      const parties = await rows.locator('td:nth-of-type(1)').allTextContents();
      assert.ok(parties.length > 0);
      assert.deepEqual([...new Set(parties)], ['S'], 'its own party only');
      assert.equal(await page.getByRole('form', { name: 'Skriv in förtroendevald' }).count(), 0);
      await assertNoAxeViolations(page, "the party office's overview");

      await rows.first().getByRole('link').click();
      await page.getByRole('region', { name: 'Säkerhetssamtal' }).waitFor();
      await page
        .getByRole('region', { name: 'Säkerhetssamtal' })
        .getByText(/Hållet/)
        .first()
        .waitFor();
      assert.equal(await page.getByText('Genomgång av uppdraget').count(), 0, 'no notes for the party office');
      assert.equal(await page.getByRole('region', { name: 'Stöd' }).count(), 0, 'no support for the party office');
      assert.equal(await page.getByRole('form', { name: 'Registrera samtal' }).count(), 0);
      await assertNoAxeViolations(page, "the party office's view of an official");
    });
  });

  test('a manager sees the drills of the site with overdue marking and records one', async () => {
    await browserTest.withPage({ signedInAs: 'manager', context: phone }, async (page) => {
      await page.goto(browserTest.url('/ovningar'));
      await page.getByRole('heading', { level: 1, name: 'Övningar' }).waitFor();
      const row = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Jobbtorg City' }) });
      await row.getByText('Försenad').first().waitFor();
      await assertNoAxeViolations(page, 'the drills per site');
      const form = page.getByRole('form', { name: 'Registrera övning' });
      await form.getByLabel('Slag av övning').selectOption({ label: 'Inrymning' });
      await form.getByLabel('Genomförd (frivilligt)', { exact: true }).fill(stockholmDate(new Date()));
      await form.getByLabel('Antal deltagare (frivilligt)', { exact: true }).fill('18');
      await form.getByRole('button', { name: 'Spara övning' }).click();
      await page.getByRole('status').filter({ hasText: 'Övningen är sparad.' }).waitFor();
      await row.getByText(stockholmDate(new Date())).waitFor();
      await assertNoAxeViolations(page, 'the drills after recording one');

      // The drill's lessons are followed up by a measure decided on the drill's page.
      await page
        .getByRole('region', { name: 'Registrerade övningar' })
        .getByRole('link', { name: 'Inrymning, Jobbtorg City' })
        .click();
      await page.getByRole('heading', { level: 1, name: /^Inrymning, Jobbtorg City/ }).waitFor();
      const measures = page.getByRole('region', { name: 'Åtgärder' });
      await measures.getByLabel('Åtgärd', { exact: true }).fill('Öva inrymning med besökare i receptionen');
      await measures.getByLabel('Ansvarig').selectOption({ index: 1 });
      await measures.getByLabel('Klart senast').fill(stockholmDate(new Date(Date.now() + 30 * 86_400_000)));
      await measures.getByRole('button', { name: 'Lägg till åtgärden' }).click();
      await measures.getByRole('status').filter({ hasText: 'Åtgärden är tillagd.' }).waitFor();
      await measures.getByRole('listitem').filter({ hasText: 'Öva inrymning med besökare i receptionen' }).waitFor();
      await assertNoAxeViolations(page, "a drill's page with a measure");
      assert.ok(
        await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth),
        "the drill's page fits a 360 px phone",
      );
    });
  });
});
