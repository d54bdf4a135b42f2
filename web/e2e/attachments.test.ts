import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { describe, test } from 'node:test';
import { assertNoAxeViolations } from './support/accessibility.ts';
import { setUpBrowserTest } from './support/browser-test.ts';
import { desktop, phone, scrollsSideways } from './support/screens.ts';

// A 1×1 PNG: what a screenshot of a threatening message is, as far as the server can tell.
const screenshot = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);

// An employee attaches a screenshot of a threat to a report on a phone; the manager of the unit sees
// it on the incident and downloads exactly what was sent.
describe('attachments', () => {
  const browserTest = setUpBrowserTest();
  let incidentPath = '';

  test('an employee reports a threat with a screenshot attached on a phone', async () => {
    await browserTest.withPage({ signedInAs: 'employee', context: phone }, async (page) => {
      await page.goto(browserTest.url('/rapportera'));
      await page.getByRole('heading', { level: 1, name: 'Rapportera händelse' }).waitFor();
      await page.getByRole('radio', { name: 'Händelse', exact: true }).check();
      await page.getByRole('checkbox', { name: 'Hot', exact: true }).check();
      await page.getByLabel('Annan plats').fill('Sociala medier');
      await page.getByLabel('I vilket sammanhang?').selectOption({ label: 'Digital kanal' });
      await page.getByLabel('Vad hände?').fill('Jag fick ett hotfullt meddelande efter mötet. Skärmbild bifogad.');

      await page.getByText('Mer detaljer (valfritt)').click();
      const picker = page.getByLabel('Bifoga bilder eller PDF');
      // A text file is refused in the browser already, with a message that says why.
      await picker.setInputFiles({ name: 'anteckning.txt', mimeType: 'text/plain', buffer: Buffer.from('hej') });
      await page.getByRole('alert').getByText('anteckning.txt kan inte bifogas', { exact: false }).waitFor();
      assert.equal(await picker.getAttribute('aria-invalid'), 'true');
      // The second file claims to be a PNG; only the server, reading its bytes, finds out it is not.
      await picker.setInputFiles([
        { name: 'skärmbild.png', mimeType: 'image/png', buffer: screenshot },
        { name: 'falsk.png', mimeType: 'image/png', buffer: Buffer.from('Jag vet var du bor.') },
      ]);
      const chosen = page.getByRole('list', { name: 'Valda filer' });
      await chosen.getByText('skärmbild.png (1 kB)').waitFor();
      await chosen.getByText('falsk.png (1 kB)').waitFor();
      assert.equal(await scrollsSideways(page), false, 'the report form with a file scrolls sideways at 360 px');
      await assertNoAxeViolations(page, 'the report form with a chosen attachment');

      await page.getByRole('button', { name: 'Skicka rapporten' }).click();
      await page.getByRole('heading', { level: 1, name: 'Tack, rapporten är skickad' }).waitFor();
      // The report is saved whatever happens to its attachments; what failed is named.
      await page.getByText('Bilagan är uppladdad.').waitFor();
      await page
        .getByRole('alert')
        .filter({ hasText: 'Rapporten är sparad, men de här bilagorna kunde inte laddas upp: falsk.png.' })
        .waitFor();
      await assertNoAxeViolations(page, 'the confirmation after an upload with one failure');

      await page.getByRole('link', { name: 'Visa rapporten' }).click();
      await page.getByRole('heading', { level: 1, name: 'Händelse: Hot' }).waitFor();
      incidentPath = new URL(page.url()).pathname;
      const attachments = page.getByRole('region', { name: 'Bilagor' });
      await attachments.getByRole('link', { name: 'skärmbild.png' }).waitFor();
      assert.equal(await attachments.getByRole('link', { name: 'falsk.png' }).count(), 0);
      // The reporter may add more from the incident page.
      await attachments.getByRole('button', { name: 'Lägg till bilaga' }).waitFor();
      assert.equal(await scrollsSideways(page), false, 'the incident page scrolls sideways at 360 px');
      await assertNoAxeViolations(page, 'the incident page with an attachment, on a phone');
    });
  });

  test('the manager sees the screenshot on the incident and downloads the same bytes', async () => {
    assert.ok(incidentPath, 'the report of the first test is missing');
    await browserTest.withPage({ signedInAs: 'manager', context: desktop }, async (page) => {
      await page.goto(browserTest.url(incidentPath));
      await page.getByRole('heading', { level: 1, name: 'Händelse: Hot' }).waitFor();
      const attachments = page.getByRole('region', { name: 'Bilagor' });
      await attachments.getByText(/^PNG, 1 kB, tillagd .* av /).waitFor();
      await assertNoAxeViolations(page, 'the incident page of the manager, with an attachment');

      const [download] = await Promise.all([
        page.waitForEvent('download'),
        attachments.getByRole('link', { name: 'skärmbild.png' }).click(),
      ]);
      assert.equal(download.suggestedFilename(), 'skärmbild.png');
      assert.deepEqual(await readFile(await download.path()), screenshot);

      // Choosing nothing and pressing the button says what to do.
      await attachments.getByRole('button', { name: 'Lägg till bilaga' }).click();
      await attachments.getByText('Välj en fil först.').waitFor();
      await assertNoAxeViolations(page, 'the add-attachment control with its message');

      // The manager adds the police report's receipt as a PDF.
      await attachments.getByLabel('Bifoga bilder eller PDF').setInputFiles({
        name: 'kvitto polisanmälan.pdf',
        mimeType: 'application/pdf',
        buffer: Buffer.from('%PDF-1.4\n%%EOF\n'),
      });
      await attachments.getByRole('button', { name: 'Lägg till bilaga' }).click();
      await attachments.getByRole('status').filter({ hasText: 'Bilagan är tillagd.' }).waitFor();
      await attachments.getByRole('link', { name: 'kvitto polisanmälan.pdf' }).waitFor();
      await assertNoAxeViolations(page, 'the incident page after adding an attachment');

      // It was the wrong receipt: the manager removes it, after a second question.
      await attachments.getByRole('button', { name: 'Ta bort kvitto polisanmälan.pdf' }).click();
      const question = attachments.getByText('Ta bort kvitto polisanmälan.pdf? Filen raderas för gott.', {
        exact: false,
      });
      await question.waitFor();
      assert.equal(await question.evaluate((element) => element === document.activeElement), true);
      await assertNoAxeViolations(page, 'the question before an attachment is removed');
      await attachments.getByRole('button', { name: 'Ja, ta bort' }).click();
      await attachments.getByRole('status').filter({ hasText: 'Bilagan är borttagen.' }).waitFor();
      await attachments.getByRole('link', { name: 'kvitto polisanmälan.pdf' }).waitFor({ state: 'detached' });
      await attachments.getByRole('link', { name: 'skärmbild.png' }).waitFor();
      const timeline = page.getByRole('region', { name: 'Tidslinje' });
      await timeline.getByText('Bilaga borttagen').waitFor();
      await timeline.getByText('kvitto polisanmälan.pdf').waitFor();
      await assertNoAxeViolations(page, 'the incident page after removing an attachment');
    });
  });
});
