import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { assertNoAxeViolations } from './support/accessibility.ts';
import { setUpBrowserTest } from './support/browser-test.ts';
import { openFromMenu, scrollsSideways } from './support/screens.ts';

const tablet = { viewport: { width: 800, height: 1200 }, timezoneId: 'Europe/Stockholm' };
const office = 'Skyddsrond kontor med reception';

/** Starts a walk of Jobbtorg Järva with the office checklist's current version, through the API. */
async function startWalk(page: Page): Promise<string> {
  return page.evaluate(async (templateName) => {
    const csrf = decodeURIComponent(/varn_csrf=([^;]+)/.exec(document.cookie)?.[1] ?? '');
    const sites = (await (await fetch('/api/sites?limit=100')).json()).items as { id: string; name: string }[];
    const templates = (await (await fetch('/api/checklist-templates')).json()).items as { id: string; name: string }[];
    const response = await fetch('/api/security-walks', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-csrf-token': csrf },
      body: JSON.stringify({
        siteId: sites.find((site) => site.name === 'Jobbtorg Järva')?.id,
        templateId: templates.find((template) => template.name === templateName)?.id,
        walkedOn: new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm' }).format(new Date()),
        participants: [{ name: 'Sara Berg', role: 'security_coordinator' }],
      }),
    });
    return (await response.json()).id as string;
  }, office);
}

// The security department rewrites a question of the office checklist and adds one; saving makes
// version 2. A walk started before keeps the old question, a walk started after gets the new one.
describe('checklist templates', () => {
  const browserTest = setUpBrowserTest();

  test('the security department edits a checklist; old walks keep their questions', async () => {
    await browserTest.withPage({ signedInAs: 'security_department', context: tablet }, async (page) => {
      const oldWalkId = await startWalk(page);
      await openFromMenu(page, 'Skyddsronder');
      await page.getByRole('link', { name: `Redigera ${office}` }).click();
      await page.getByRole('heading', { level: 1, name: `Checklista: ${office}` }).waitFor();
      await assertNoAxeViolations(page, 'the checklist editor');

      const firstQuestion = page.getByLabel('Frågetext 1.1', { exact: true });
      const oldText = await firstQuestion.inputValue();
      assert.ok(oldText.length > 0);
      await firstQuestion.fill('Receptionen har en skyddad väg bort för personalen');
      await page.getByRole('button', { name: 'Lägg till fråga i avsnitt 1' }).click();
      const added = page.getByLabel(/^Frågetext 1\.\d+$/).last();
      // An empty question is refused beside the field; nothing is saved.
      await page.getByRole('button', { name: 'Spara som ny version' }).click();
      await page.getByRole('region', { name: 'Formuläret innehåller fel' }).waitFor();
      await assertNoAxeViolations(page, 'the editor with an empty question');
      await added.fill('Det finns en rutin för besökare utan bokad tid');
      await page
        .getByLabel(/^Svarstyp 1\.\d+$/)
        .last()
        .selectOption({ label: 'Text' });
      assert.equal(await scrollsSideways(page), false, 'the editor scrolls sideways on a tablet');
      await page.getByRole('button', { name: 'Spara som ny version' }).click();
      await page.getByRole('status').filter({ hasText: 'Version 2 är sparad.' }).waitFor();
      await assertNoAxeViolations(page, 'the editor after saving');

      await page.goto(browserTest.url(`/skyddsronder/${oldWalkId}`));
      await page.getByText(/version 1/).waitFor();
      await page.getByText(oldText, { exact: true }).first().waitFor();
      assert.equal(await page.getByText('Receptionen har en skyddad väg bort för personalen').count(), 0);

      const newWalkId = await startWalk(page);
      await page.goto(browserTest.url(`/skyddsronder/${newWalkId}`));
      await page.getByText(/version 2/).waitFor();
      await page.getByText('Receptionen har en skyddad väg bort för personalen').first().waitFor();
      await assertNoAxeViolations(page, 'a walk with the new version');
    });
  });
});
