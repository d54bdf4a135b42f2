import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { assertNoAxeViolations } from './support/accessibility.ts';
import { setUpBrowserTest } from './support/browser-test.ts';
import { signOut } from './support/sign-in.ts';

const phone = { viewport: { width: 360, height: 740 }, timezoneId: 'Europe/Stockholm' };
// A 1×1 PNG: a screenshot as far as the server's check of the bytes is concerned.
const screenshot = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);

/** Waits until the service worker is active, so that the app shell is cached. */
async function waitForServiceWorker(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
}

/** Changes the stored report of a queued item in IndexedDB, as if it had been written differently. */
async function changeQueuedReport(page: Page, change: Record<string, unknown>): Promise<void> {
  await page.evaluate(
    (fields) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('varn-offline');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const transaction = open.result.transaction('report-queue', 'readwrite');
          const queue = transaction.objectStore('report-queue');
          const cursor = queue.openCursor();
          cursor.onsuccess = () => {
            const current = cursor.result;
            if (!current) return;
            current.update({ ...current.value, report: { ...current.value.report, ...fields } });
            current.continue();
          };
          transaction.oncomplete = () => resolve();
          transaction.onerror = () => reject(transaction.error);
        };
      }),
    change,
  );
}

/** Waits until the device's queue is empty. */
async function waitForEmptyQueue(page: Page): Promise<void> {
  for (let attempt = 0; attempt < 100; attempt += 1) {
    if ((await queuedReports(page)).length === 0) return;
    await page.waitForTimeout(100);
  }
  assert.fail('the queued report was not sent');
}

/** Signs out and leaves the sign-in page with nowhere to go back to, so that sign-in lands on the start page. */
async function signOutToStart(page: Page, startUrl: string): Promise<void> {
  await signOut(page);
  await page.goto(startUrl);
  await page.getByRole('heading', { level: 1, name: 'Logga in' }).waitFor();
}

/** Opens the report form online, waits for the service worker, then cuts the network and queues a report. */
async function queueReportOffline(page: Page, url: string, description: string): Promise<void> {
  await page.goto(url);
  await page.getByRole('heading', { level: 1, name: 'Rapportera händelse' }).waitFor();
  await waitForServiceWorker(page);
  await page.context().setOffline(true);
  await fillShortForm(page, description);
  await page.getByRole('button', { name: 'Skicka rapporten' }).click();
  await page
    .getByRole('region', { name: 'Rapporter på den här enheten' })
    .getByText('Sparad på enheten – skickas när du har nät')
    .waitFor();
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

type Queued = { idempotencyKey: string; personId: string; report: unknown; state: string };

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
      // Chromium parses the manifest without errors (installability itself is not checked in a test
      // browser: its contexts count as incognito).
      const devtools = await page.context().newCDPSession(page);
      const manifest = await devtools.send('Page.getAppManifest');
      assert.match(manifest.url, /\/manifest\.webmanifest$/);
      assert.deepEqual(manifest.errors, []);

      await page.context().setOffline(true);
      await fillShortForm(page, description);
      await page.getByRole('button', { name: 'Skicka rapporten' }).click();
      const queued = page.getByRole('region', { name: 'Rapporter på den här enheten' });
      await queued.getByText('Sparad på enheten – skickas när du har nät').waitFor();
      await queued.getByText('sparade på den här enheten', { exact: false }).waitFor();
      await page.getByRole('link', { name: '1 rapport väntar' }).waitFor();
      // The form is empty again for the next report.
      assert.equal(await page.getByLabel('Vad hände?').inputValue(), '');
      assert.equal(
        await page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth),
        false,
        'the report page with a queued report scrolls sideways at 360 px',
      );
      await assertNoAxeViolations(page, 'the report page with a queued report');
      const [stored] = await queuedReports(page);
      assert.ok(stored, 'nothing was queued in IndexedDB');

      // Still offline, the service worker serves the app; the report is still waiting.
      const reloaded = await page.reload();
      assert.equal(reloaded?.fromServiceWorker(), true, 'the page was not served by the service worker');
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
      await assertNoAxeViolations(page, 'the form continued from a draft');

      // Discarded, it is gone the next time.
      await page.reload();
      await offer.getByRole('button', { name: 'Släng utkastet' }).click();
      assert.equal(await page.getByLabel('Vad hände?').inputValue(), '');
      await page.reload();
      await page.getByLabel('Vad hände?').waitFor();
      assert.equal(await offer.count(), 0);
    });
  });

  test('signing out removes the drafts from the device', async () => {
    await browserTest.withPage({ signedInAs: 'employee', context: phone }, async (page) => {
      await page.goto(browserTest.url('/rapportera'));
      await page.getByLabel('Vad hände?').fill('Utkast som inte ska finnas kvar.');
      await signOutToStart(page, browserTest.url('/'));
      await browserTest.signIn(page, 'employee');
      await page.goto(browserTest.url('/rapportera'));
      await page.getByLabel('Vad hände?').waitFor();
      assert.equal(await page.getByRole('region', { name: 'Du har ett utkast' }).count(), 0);
      assert.equal(await page.getByLabel('Vad hände?').inputValue(), '');
    });
  });

  test('a queued report outlives an ended session, is never sent by another account, and goes after sign-in', async () => {
    const description = `Offline: hot i telefon till receptionen ${Date.now()}.`;
    await browserTest.withPage({ signedInAs: 'employee', context: phone }, async (page) => {
      await queueReportOffline(page, browserTest.url('/rapportera'), description);

      // The session ends while the device is offline: back online, the report stays and sign-in is asked for.
      await page.context().clearCookies();
      await page.context().setOffline(false);
      await page.getByRole('heading', { level: 1, name: 'Logga in' }).waitFor();
      for (let attempt = 0; attempt < 50 && (await queuedReports(page))[0]?.state !== 'needsSignIn'; attempt += 1) {
        await page.waitForTimeout(100);
      }
      assert.equal((await queuedReports(page))[0]?.state, 'needsSignIn');
      await page.goto(browserTest.url('/'));
      await page.getByRole('heading', { level: 1, name: 'Logga in' }).waitFor();
      await page
        .getByText('En rapport som skrevs på den här enheten väntar på att skickas.', { exact: false })
        .waitFor();
      await assertNoAxeViolations(page, 'the sign-in page with a report waiting for its writer');

      // Another person on the same device neither sees nor sends it.
      await browserTest.signIn(page, 'elected_official');
      await page.goto(browserTest.url('/rapportera'));
      await page.getByLabel('Vad hände?').waitFor();
      await page.waitForTimeout(1000);
      assert.equal(await page.getByRole('region', { name: 'Rapporter på den här enheten' }).count(), 0);
      assert.equal(await page.getByRole('link', { name: /rapport väntar/ }).count(), 0);
      assert.equal((await queuedReports(page)).length, 1);
      await signOutToStart(page, browserTest.url('/'));

      // Its writer signs in again: it is sent.
      await browserTest.signIn(page, 'employee');
      await waitForEmptyQueue(page);
      assert.equal((await incidentIdsDescribed(page, description)).length, 1);
    });
  });

  test('a report the server refuses can be corrected in the form and sent', async () => {
    const description = `Offline: en besökare kastade en stol ${Date.now()}.`;
    await browserTest.withPage({ signedInAs: 'employee', context: phone }, async (page) => {
      await queueReportOffline(page, browserTest.url('/rapportera'), description);
      // Written by an older version of the form, say: the server finds the report invalid.
      await changeQueuedReport(page, { description: '' });

      await page.context().setOffline(false);
      const queued = page.getByRole('region', { name: 'Rapporter på den här enheten' });
      await queued.getByText(/^Kunde inte skickas: /).waitFor();
      await assertNoAxeViolations(page, 'the report page with a refused report');

      await queued.getByRole('button', { name: 'Ändra rapporten' }).click();
      assert.equal(await page.getByLabel('Vad hände?').inputValue(), description);
      await waitForEmptyQueue(page);
      await page.getByRole('button', { name: 'Skicka rapporten' }).click();
      await page.getByRole('heading', { level: 1, name: 'Tack, rapporten är skickad' }).waitFor();
      assert.equal((await incidentIdsDescribed(page, description)).length, 1);
    });
  });

  test('a screenshot chosen without network is kept with the report and sent with it, once', async () => {
    const description = `Offline med skärmbild ${Date.now()}.`;
    await browserTest.withPage({ signedInAs: 'employee', context: phone }, async (page) => {
      await page.goto(browserTest.url('/rapportera'));
      await page.getByRole('heading', { level: 1, name: 'Rapportera händelse' }).waitFor();
      await waitForServiceWorker(page);
      await page.context().setOffline(true);
      await fillShortForm(page, description);
      await page.getByText('Mer detaljer (valfritt)').click();
      await page
        .getByLabel('Bifoga bilder eller PDF')
        .setInputFiles({ name: 'hotet.png', mimeType: 'image/png', buffer: screenshot });
      await page.getByRole('button', { name: 'Skicka rapporten' }).click();
      const queued = page.getByRole('region', { name: 'Rapporter på den här enheten' });
      await queued.getByText('Sparad på enheten – skickas när du har nät').waitFor();

      await page.context().setOffline(false);
      await queued.getByText('Skickad', { exact: true }).waitFor();
      await waitForEmptyQueue(page);
      // A second trigger replays nothing new: still one incident with one attachment.
      await page.evaluate(() => window.dispatchEvent(new Event('online')));
      const ids = await incidentIdsDescribed(page, description);
      assert.equal(ids.length, 1, `expected one incident, found ${ids.length}`);
      const fileNames = await page.evaluate(async (incidentId) => {
        const incident = (await (await fetch(`/api/incidents/${incidentId}`)).json()) as {
          attachments: { fileName: string }[];
        };
        return incident.attachments.map((attachment) => attachment.fileName);
      }, ids[0]);
      assert.deepEqual(fileNames, ['hotet.png']);
      await assertNoAxeViolations(page, 'the report page after a queued report with a screenshot was sent');
    });
  });

  test('a waiting report can be removed from the device, after a second question', async () => {
    await browserTest.withPage({ signedInAs: 'employee', context: phone }, async (page) => {
      await queueReportOffline(page, browserTest.url('/rapportera'), 'Offline: rapport som tas bort.');
      const queued = page.getByRole('region', { name: 'Rapporter på den här enheten' });
      await queued.getByRole('button', { name: 'Ta bort från enheten' }).click();
      await queued.getByText('Ta bort rapporten från enheten? Den skickas då aldrig.').waitFor();
      await assertNoAxeViolations(page, 'the question before a queued report is removed');
      await queued.getByRole('button', { name: 'Ja, ta bort' }).click();
      await queued.waitFor({ state: 'detached' });
      assert.deepEqual(await queuedReports(page), []);
      assert.equal(await page.getByRole('link', { name: /rapport väntar/ }).count(), 0);
    });
  });
});
