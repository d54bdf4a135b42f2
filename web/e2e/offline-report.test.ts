import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { assertNoAxeViolations } from './support/accessibility.ts';
import { setUpBrowserTest } from './support/browser-test.ts';

const phone = { viewport: { width: 360, height: 740 }, timezoneId: 'Europe/Stockholm' };

/** Waits until the service worker is active, so that the app shell is cached. */
async function waitForServiceWorker(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
}

/** The incidents the signed-in person can read whose description is `description`, through the API. */
async function incidentIdsDescribed(page: Page, description: string): Promise<string[]> {
  return page.evaluate(async (wanted) => {
    const list = (await (await fetch('/api/incidents?limit=100')).json()) as { items: { id: string }[] };
    const ids: string[] = [];
    for (const { id } of list.items) {
      const incident = (await (await fetch(`/api/incidents/${id}`)).json()) as { description: string };
      if (incident.description === wanted) ids.push(id);
    }
    return ids;
  }, description);
}

type Queued = { idempotencyKey: string; personId: string; report: unknown };

/** The reports queued on the device, read from IndexedDB as the app stored them. */
async function queuedReports(page: Page): Promise<Queued[]> {
  return page.evaluate(
    () =>
      new Promise<Queued[]>((resolve, reject) => {
        const open = indexedDB.open('varn-offline');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const all = open.result.transaction('report-queue').objectStore('report-queue').getAll();
          all.onsuccess = () => resolve(all.result as Queued[]);
          all.onerror = () => reject(all.error);
        };
      }),
  );
}

async function fillShortForm(page: Page, description: string): Promise<void> {
  await page.getByRole('radio', { name: 'Händelse', exact: true }).check();
  await page.getByRole('checkbox', { name: 'Hot', exact: true }).check();
  // Online the sites list gives a select and "Annan plats"; offline only the free-text place.
  await page.getByRole('textbox', { name: /^(Var hände det\?|Annan plats)/ }).fill('Entrén, Jobbtorg City');
  await page.getByLabel('I vilket sammanhang?').selectOption({ label: 'Besök utan tidsbokning (drop-in)' });
  await page.getByLabel('Vad hände?').fill(description);
}

// A report written without network waits on the device, survives a reload, and reaches the server
// exactly once when the network is back.
describe('offline report', () => {
  const browserTest = setUpBrowserTest();

  test('the app is served with a service worker, a manifest and a CSP that allows the worker', async () => {
    const worker = await fetch(browserTest.url('/sw.js'));
    assert.equal(worker.status, 200);
    assert.match(worker.headers.get('content-type') ?? '', /javascript/);
    assert.equal(worker.headers.get('cache-control'), 'no-cache');
    assert.match(worker.headers.get('content-security-policy') ?? '', /worker-src 'self'/);
    const workerSource = await worker.text();
    assert.doesNotMatch(workerSource, /runtimeCaching|NetworkFirst|StaleWhileRevalidate|CacheFirst/);
    assert.match(workerSource, /denylist:\[\/\^\\\/api/);

    const manifest = await fetch(browserTest.url('/manifest.webmanifest'));
    assert.match(manifest.headers.get('content-type') ?? '', /application\/manifest\+json/);
    assert.equal(manifest.headers.get('cache-control'), 'no-cache');
    const body = (await manifest.json()) as { short_name: string; icons: { sizes: string; purpose: string }[] };
    assert.equal(body.short_name, 'Värn');
    assert.ok(body.icons.some((icon) => icon.sizes === '512x512' && icon.purpose === 'maskable'));
  });

  test('an employee reports without network; the report is sent exactly once when back online', async () => {
    const description = `Offline: en besökare sparkade på dörren ${Date.now()}.`;
    await browserTest.withPage({ signedInAs: 'employee', context: phone }, async (page) => {
      await page.goto(browserTest.url('/rapportera'));
      await page.getByRole('heading', { level: 1, name: 'Rapportera händelse' }).waitFor();
      await waitForServiceWorker(page);

      await page.context().setOffline(true);
      await fillShortForm(page, description);
      await page.getByRole('button', { name: 'Skicka rapporten' }).click();
      const queued = page.getByRole('region', { name: 'Rapporter på den här enheten' });
      await queued.getByText('Sparad på enheten – skickas när du har nät').waitFor();
      await queued.getByText('sparade på den här enheten', { exact: false }).waitFor();
      await page.getByRole('link', { name: '1 rapport väntar' }).waitFor();
      // The form is empty again for the next report.
      assert.equal(await page.getByLabel('Vad hände?').inputValue(), '');
      await assertNoAxeViolations(page, 'the report page with a queued report');
      const [stored] = await queuedReports(page);
      assert.ok(stored, 'nothing was queued in IndexedDB');

      // Still offline, the service worker serves the app; the report is still waiting.
      await page.reload();
      await page.getByRole('heading', { level: 1, name: 'Rapportera händelse' }).waitFor();
      await page.getByLabel('Vad hände?').waitFor();
      await queued.getByText('Sparad på enheten – skickas när du har nät').waitFor();
      await assertNoAxeViolations(page, 'the report page reloaded without network');

      await page.context().setOffline(false);
      await queued.getByText('Skickad', { exact: true }).waitFor();
      await page.getByRole('link', { name: '1 rapport väntar' }).waitFor({ state: 'detached' });
      assert.deepEqual(await queuedReports(page), []);
      await assertNoAxeViolations(page, 'the report page after sending');

      // Another trigger finds nothing to send; the same key sent again gets the same report back.
      await page.evaluate(() => window.dispatchEvent(new Event('online')));
      const ids = await incidentIdsDescribed(page, description);
      assert.equal(ids.length, 1, `expected one incident, found ${ids.length}`);
      const replay = await page.evaluate(async ({ idempotencyKey, report }) => {
        const csrf = decodeURIComponent(document.cookie.match(/varn_csrf=([^;]+)/)?.[1] ?? '');
        const response = await fetch('/api/incidents', {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'idempotency-key': idempotencyKey, 'x-csrf-token': csrf },
          body: JSON.stringify(report),
        });
        return { status: response.status, id: ((await response.json()) as { id: string }).id };
      }, stored);
      assert.deepEqual(replay, { status: 201, id: ids[0] });
      assert.equal((await incidentIdsDescribed(page, description)).length, 1);

      await queued.getByRole('link', { name: 'Visa rapporten' }).click();
      await page.getByRole('heading', { level: 1, name: 'Händelse: Hot' }).waitFor();
      assert.equal(new URL(page.url()).pathname, `/handelser/${ids[0]}`);
    });
  });

  test('what is typed stays as a draft that is offered when the form opens again', async () => {
    await browserTest.withPage({ signedInAs: 'employee', context: phone }, async (page) => {
      await page.goto(browserTest.url('/rapportera'));
      await page.getByRole('heading', { level: 1, name: 'Rapportera händelse' }).waitFor();
      await page.getByRole('checkbox', { name: 'Våld', exact: true }).check();
      await page.getByLabel('Vad hände?').fill('Utkast: en person knuffade mig i kön.');

      await page.goto(browserTest.url('/'));
      await page.getByRole('heading', { level: 1, name: /^Välkommen/ }).waitFor();
      await page.goto(browserTest.url('/rapportera'));
      const offer = page.getByRole('region', { name: 'Du har ett utkast' });
      await offer.waitFor();
      await assertNoAxeViolations(page, 'the draft offer');

      await offer.getByRole('button', { name: 'Fortsätt med utkastet' }).click();
      assert.equal(await page.getByLabel('Vad hände?').inputValue(), 'Utkast: en person knuffade mig i kön.');
      assert.equal(await page.getByRole('checkbox', { name: 'Våld', exact: true }).isChecked(), true);

      // Discarded, it is gone the next time.
      await page.reload();
      await offer.getByRole('button', { name: 'Släng utkastet' }).click();
      assert.equal(await page.getByLabel('Vad hände?').inputValue(), '');
      await page.reload();
      await page.getByLabel('Vad hände?').waitFor();
      assert.equal(await offer.count(), 0);
    });
  });
});
