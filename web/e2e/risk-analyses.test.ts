import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { assertNoAxeViolations } from './support/accessibility.ts';
import { setUpBrowserTest } from './support/browser-test.ts';
import { desktop, openFromMenu, phone, scrollsSideways } from './support/screens.ts';
import type { TestServer } from './support/test-server.ts';

/** A week from now at 15:00, as a datetime-local value (read as Stockholm time by the form). */
function nextWeekAtThree(): string {
  const day = new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10);
  return `${day}T15:00`;
}

// The escalation check the job queue would run hours later, run now on the test server's database.
// The server's module is loaded by URL, as in support/test-server.ts.
const escalationModule = new URL('../../server/src/risk-analyses/escalation.ts', import.meta.url).href;

async function fireEscalationReminder(server: TestServer, riskAnalysisId: string) {
  type Job = { tenantId: string; riskAnalysisId: string; escalatedAt: string };
  const { remindIfUnanswered } = (await import(escalationModule)) as {
    remindIfUnanswered(db: unknown, jobs: unknown, job: Job): Promise<void>;
  };
  // startTestServer answers with the running server: its database and job queue are there too.
  const running = server as TestServer & {
    db: { selectFrom(table: 'riskAnalyses'): RowQuery };
    app: { jobs: unknown };
  };
  const analysis = await running.db
    .selectFrom('riskAnalyses')
    .select(['tenantId', 'escalatedAt'])
    .where('id', '=', riskAnalysisId)
    .executeTakeFirstOrThrow();
  await remindIfUnanswered(running.db, running.app.jobs, {
    tenantId: analysis.tenantId,
    riskAnalysisId,
    escalatedAt: new Date(analysis.escalatedAt).toISOString(),
  });
}
type RowQuery = {
  select(columns: string[]): RowQuery;
  where(column: string, operator: '=', value: string): RowQuery;
  executeTakeFirstOrThrow(): Promise<{ tenantId: string; escalatedAt: Date }>;
};

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

  test('unanswered, the duty officer is told and opens the analysis from the notice, read-only', async () => {
    assert.ok(analysisPath, 'the first test made the analysis');
    await fireEscalationReminder(browserTest.server, analysisPath.split('/').at(-1) as string);
    await browserTest.withPage({ signedInAs: 'duty_officer', context: phone }, async (page) => {
      await page.goto(browserTest.url('/aviseringar'));
      await page.getByRole('heading', { level: 1, name: 'Aviseringar' }).waitFor();
      await page.getByRole('link', { name: /en eskalerad riskanalys väntar på svar/ }).click();
      await page.getByRole('heading', { level: 1, name: 'Torgmöte i Tensta' }).waitFor();
      await page.getByText(/Säkerhetsavdelningen har inte svarat på eskaleringen i tid/).waitFor();
      await page.getByRole('region', { name: 'Översikt' }).getByText('Eskalerad', { exact: true }).waitFor();
      assert.equal(await page.getByRole('button', { name: 'Skicka svaret' }).count(), 0, 'only the department answers');
      assert.equal(await page.getByRole('link', { name: 'Utskriftsversion' }).count(), 0);
      assert.equal(await scrollsSideways(page), false, 'the analysis scrolls sideways at 360 px');
      await assertNoAxeViolations(page, 'the unanswered escalation for the duty officer');
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

  test('the list shows 50 activities at a time and more on request', async () => {
    await browserTest.withPage({ signedInAs: 'party_security_contact', context: desktop }, async (page) => {
      await page.goto(browserTest.url('/riskanalyser'));
      await page.getByRole('heading', { level: 1, name: 'Riskanalyser' }).waitFor();
      // 50 more activities of the party, later than the first test's, made through the API as the page would.
      const created = await page.evaluate(async () => {
        const token = decodeURIComponent(document.cookie.match(/varn_csrf=([^;]+)/)?.[1] ?? '');
        const parties = (await (await fetch('/api/parties')).json()) as {
          items: { id: string; abbreviation: string }[];
        };
        const partyId = parties.items.find((party) => party.abbreviation === 'S')?.id;
        let count = 0;
        for (let index = 0; index < 50; index += 1) {
          const response = await fetch('/api/risk-analyses', {
            method: 'POST',
            headers: { 'content-type': 'application/json', 'x-csrf-token': token },
            body: JSON.stringify({
              activityType: 'party_event',
              title: `Medlemsmöte ${index + 1}`,
              startsAt: new Date(Date.now() + (30 + index) * 86_400_000).toISOString(),
              owner: { kind: 'party', partyId },
            }),
          });
          if (response.status === 201) count += 1;
        }
        return count;
      });
      assert.equal(created, 50);
      await page.reload();
      const list = page.getByRole('region', { name: 'Kommande aktiviteter' });
      await page.getByRole('status').filter({ hasText: 'Visar 50 st.' }).waitFor();
      assert.equal(await list.getByRole('listitem').count(), 50);
      await page.getByRole('button', { name: 'Visa fler' }).click();
      await page.getByRole('status').filter({ hasText: 'Visar 51 st.' }).waitFor();
      await list.getByRole('link', { name: 'Medlemsmöte 50' }).waitFor();
      assert.equal(await page.getByRole('button', { name: 'Visa fler' }).count(), 0, 'no more pages');
      await assertNoAxeViolations(page, 'the list after showing more');
    });
  });
});
