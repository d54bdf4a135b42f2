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

/**
 * Opens, changes and seals again the queued reports in IndexedDB, with the device key the app made
 * (non-extractable, but usable in the origin, as the app uses it). `change` runs on each opened part
 * (report, values, problem, files); without one, nothing is written. Returns the opened parts.
 */
async function openQueuedReports(
  page: Page,
  change?: Record<string, unknown>,
): Promise<{ report: Record<string, unknown>; values: unknown; files: unknown[] }[]> {
  return page.evaluate(async (fields) => {
    const request = <T>(call: IDBRequest<T>) =>
      new Promise<T>((resolve, reject) => {
        call.onsuccess = () => resolve(call.result);
        call.onerror = () => reject(call.error);
      });
    const keys = await request(indexedDB.open('varn-offline-key'));
    const key = (await request(keys.transaction('keys').objectStore('keys').get('device-key'))) as CryptoKey;
    const queueDb = await request(indexedDB.open('varn-offline'));
    const stored = (await request(queueDb.transaction('report-queue').objectStore('report-queue').getAll())) as {
      idempotencyKey: string;
      personId: string;
      sealed: { iv: Uint8Array<ArrayBuffer>; data: ArrayBuffer };
    }[];
    const opened = [];
    for (const record of stored) {
      const additionalData = new TextEncoder().encode(`report-queue|${record.idempotencyKey}|${record.personId}`);
      const plain = await crypto.subtle.decrypt(
        { name: 'AES-GCM', iv: record.sealed.iv, additionalData },
        key,
        record.sealed.data,
      );
      const part = JSON.parse(new TextDecoder().decode(plain));
      if (fields) {
        part.report = { ...part.report, ...fields };
        const iv = crypto.getRandomValues(new Uint8Array(12));
        const data = await crypto.subtle.encrypt(
          { name: 'AES-GCM', iv, additionalData },
          key,
          new TextEncoder().encode(JSON.stringify(part)),
        );
        await request(
          queueDb
            .transaction('report-queue', 'readwrite')
            .objectStore('report-queue')
            .put({ ...record, sealed: { iv, data } }, record.idempotencyKey),
        );
      }
      opened.push(part);
    }
    return opened;
  }, change);
}

/** Changes the stored report of each queued item, as if it had been written differently. */
async function changeQueuedReport(page: Page, change: Record<string, unknown>): Promise<void> {
  await openQueuedReports(page, change);
}

/**
 * Everything the app stores in IndexedDB for offline use, as text: each record serialised with its
 * binary parts read as Latin-1, so that any plaintext in it would show.
 */
async function everythingStoredOffline(page: Page): Promise<string> {
  return page.evaluate(async () => {
    const request = <T>(call: IDBRequest<T>) =>
      new Promise<T>((resolve, reject) => {
        call.onsuccess = () => resolve(call.result);
        call.onerror = () => reject(call.error);
      });
    const asText = (value: unknown): unknown => {
      if (value instanceof ArrayBuffer || ArrayBuffer.isView(value)) {
        const bytes = value instanceof ArrayBuffer ? new Uint8Array(value) : new Uint8Array(value.buffer);
        return Array.from(bytes, (byte) => String.fromCharCode(byte)).join('');
      }
      if (value instanceof Blob) return `[Blob ${value.type}]`;
      if (Array.isArray(value)) return value.map(asText);
      if (value && typeof value === 'object') {
        return Object.fromEntries(Object.entries(value).map(([name, inner]) => [name, asText(inner)]));
      }
      return value;
    };
    const texts: string[] = [];
    for (const { name } of await indexedDB.databases()) {
      if (!name) continue;
      const database = await request(indexedDB.open(name));
      for (const storeName of Array.from(database.objectStoreNames)) {
        const all = await request(database.transaction(storeName).objectStore(storeName).getAll());
        texts.push(JSON.stringify(asText(all)));
      }
      database.close();
    }
    return texts.join('\n');
  });
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
async function queueReportOffline(
  page: Page,
  url: string,
  description: string,
  files: { name: string; mimeType: string; buffer: Buffer }[] = [],
): Promise<void> {
  await page.goto(url);
  await page.getByRole('heading', { level: 1, name: 'Rapportera händelse' }).waitFor();
  await waitForServiceWorker(page);
  await page.context().setOffline(true);
  await fillShortForm(page, description);
  if (files.length > 0) {
    await page.getByText('Mer detaljer (valfritt)').click();
    await page.getByLabel('Bifoga bilder eller PDF').setInputFiles(files);
  }
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

/** The file names of an incident's attachments, through the API. */
async function attachmentNamesOf(page: Page, incidentId: string): Promise<string[]> {
  return page.evaluate(async (id) => {
    const incident = (await (await fetch(`/api/incidents/${id}`)).json()) as { attachments: { fileName: string }[] };
    return incident.attachments.map((attachment) => attachment.fileName);
  }, incidentId);
}

/**
 * How many persons' sites lists the app keeps on the device (offline/kept-sites.ts). The database is
 * opened only once the app has created it: opening a missing one would create it empty, without its
 * store, and the app could then never keep a list there.
 */
async function keptSitesLists(page: Page): Promise<number> {
  return page.evaluate(async () =>
    !(await indexedDB.databases()).some(({ name }) => name === 'varn-offline-sites')
      ? 0
      : new Promise<number>((resolve, reject) => {
          const open = indexedDB.open('varn-offline-sites');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            if (!open.result.objectStoreNames.contains('sites')) return resolve(0);
            const count = open.result.transaction('sites').objectStore('sites').count();
            count.onsuccess = () => resolve(count.result);
            count.onerror = () => reject(count.error);
          };
        }),
  );
}

type Queued = { idempotencyKey: string; personId: string; state: string };

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
      const [opened] = await openQueuedReports(page);

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
      const replay = await page.evaluate(
        async ({ idempotencyKey, report }) => {
          const csrf = decodeURIComponent(document.cookie.match(/varn_csrf=([^;]+)/)?.[1] ?? '');
          const response = await fetch('/api/incidents', {
            method: 'POST',
            headers: { 'content-type': 'application/json', 'idempotency-key': idempotencyKey, 'x-csrf-token': csrf },
            body: JSON.stringify(report),
          });
          return { status: response.status, id: ((await response.json()) as { id: string }).id };
        },
        { idempotencyKey: stored.idempotencyKey, report: opened?.report },
      );
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

  test('a report the server refuses can be corrected in the form, with its screenshot still chosen, and sent', async () => {
    const description = `Offline: en besökare kastade en stol ${Date.now()}.`;
    await browserTest.withPage({ signedInAs: 'employee', context: phone }, async (page) => {
      await queueReportOffline(page, browserTest.url('/rapportera'), description, [
        { name: 'stolen.png', mimeType: 'image/png', buffer: screenshot },
      ]);
      // Written by an older version of the form, say: the server finds the report invalid.
      await changeQueuedReport(page, { description: '' });

      await page.context().setOffline(false);
      const queued = page.getByRole('region', { name: 'Rapporter på den här enheten' });
      await queued.getByText(/^Kunde inte skickas: /).waitFor();
      await assertNoAxeViolations(page, 'the report page with a refused report');

      await queued.getByRole('button', { name: 'Ändra rapporten' }).click();
      assert.equal(await page.getByLabel('Vad hände?').inputValue(), description);
      // The screenshot chosen with it is still chosen, shown where it was picked.
      await page.getByRole('list', { name: 'Valda filer' }).getByText('stolen.png (1 kB)').waitFor();
      await assertNoAxeViolations(page, 'the form with a refused report put back, with its file');
      await waitForEmptyQueue(page);
      await page.getByRole('button', { name: 'Skicka rapporten' }).click();
      await page.getByRole('heading', { level: 1, name: 'Tack, rapporten är skickad' }).waitFor();
      await page.getByText('Bilagan är uppladdad.').waitFor();
      const ids = await incidentIdsDescribed(page, description);
      assert.equal(ids.length, 1);
      assert.deepEqual(await attachmentNamesOf(page, ids[0] as string), ['stolen.png']);
    });
  });

  test('a screenshot chosen without network is kept, encrypted, with the report and sent with it, once', async () => {
    const marker = `${Date.now()}`;
    const description = `Offline med skärmbild ${marker}.`;
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

      // On the device, the report and its file are ciphertext only; the app itself opens them.
      const onDevice = await everythingStoredOffline(page);
      assert.match(onDevice, /report-queue|sealed/);
      for (const plaintext of [
        marker,
        'Offline med sk',
        'hotet.png',
        'Entr',
        screenshot.subarray(16, 40).toString('latin1'),
      ]) {
        const asStored = JSON.stringify(plaintext).slice(1, -1);
        assert.equal(onDevice.includes(asStored), false, `IndexedDB holds ${JSON.stringify(plaintext)} in plaintext`);
      }
      const [opened] = await openQueuedReports(page);
      assert.equal(opened?.report.description, description);
      const key = await page.evaluate(async () => {
        const open = indexedDB.open('varn-offline-key');
        await new Promise((resolve) => {
          open.onsuccess = resolve;
        });
        const read = open.result.transaction('keys').objectStore('keys').get('device-key');
        await new Promise((resolve) => {
          read.onsuccess = resolve;
        });
        const deviceKey = read.result as CryptoKey;
        const exported = await crypto.subtle.exportKey('raw', deviceKey).then(
          () => 'exported',
          () => 'refused',
        );
        return { extractable: deviceKey.extractable, exported };
      });
      assert.deepEqual(key, { extractable: false, exported: 'refused' });

      await page.context().setOffline(false);
      await queued.getByText('Skickad', { exact: true }).waitFor();
      await waitForEmptyQueue(page);
      // A second trigger replays nothing new: still one incident with one attachment.
      await page.evaluate(() => window.dispatchEvent(new Event('online')));
      const ids = await incidentIdsDescribed(page, description);
      assert.equal(ids.length, 1, `expected one incident, found ${ids.length}`);
      assert.deepEqual(await attachmentNamesOf(page, ids[0] as string), ['hotet.png']);
      await assertNoAxeViolations(page, 'the report page after a queued report with a screenshot was sent');
    });
  });

  test('a report queued in plaintext by an earlier version of the app is sealed when read, then sent', async () => {
    const description = `Offline, köad av en äldre version ${Date.now()}.`;
    await browserTest.withPage({ signedInAs: 'employee', context: phone }, async (page) => {
      await page.goto(browserTest.url('/rapportera'));
      await page.getByRole('heading', { level: 1, name: 'Rapportera händelse' }).waitFor();
      await waitForServiceWorker(page);
      const { personId } = (await page.evaluate(async () => (await fetch('/api/auth/me')).json())) as {
        personId: string;
      };
      await page.context().setOffline(true);
      await page.evaluate(
        ({ writer, text }) =>
          new Promise<void>((resolve, reject) => {
            const open = indexedDB.open('varn-offline');
            open.onerror = () => reject(open.error);
            open.onsuccess = () => {
              const transaction = open.result.transaction('report-queue', 'readwrite');
              const idempotencyKey = crypto.randomUUID();
              const report = {
                kind: 'incident',
                types: ['threat'],
                occurredAt: new Date(Date.now() - 600_000).toISOString(),
                place: { kind: 'free', description: 'Receptionen' },
                context: 'drop_in',
                description: text,
              };
              transaction.objectStore('report-queue').put(
                {
                  idempotencyKey,
                  personId: writer,
                  report,
                  values: {},
                  files: [],
                  queuedAt: new Date().toISOString(),
                  state: 'waiting',
                  problem: null,
                },
                idempotencyKey,
              );
              transaction.oncomplete = () => resolve();
              transaction.onerror = () => reject(transaction.error);
            };
          }),
        { writer: personId, text: description },
      );

      // The app opens it (offline, from the service worker), shows it and seals it where it lies.
      await page.reload();
      const queued = page.getByRole('region', { name: 'Rapporter på den här enheten' });
      await queued.getByText('Sparad på enheten – skickas när du har nät').waitFor();
      const asStored = JSON.stringify('köad av en äldre version').slice(1, -1);
      for (let attempt = 0; attempt < 50 && (await everythingStoredOffline(page)).includes(asStored); attempt += 1) {
        await page.waitForTimeout(100);
      }
      assert.equal(
        (await everythingStoredOffline(page)).includes(asStored),
        false,
        'the old record is still plaintext',
      );
      assert.equal((await openQueuedReports(page))[0]?.report.description, description);

      await page.context().setOffline(false);
      await queued.getByText('Skickad', { exact: true }).waitFor();
      assert.equal((await incidentIdsDescribed(page, description)).length, 1);
    });
  });

  // Roles with `sites.read` (a manager, a safety representative) choose from their sites; an employee
  // names the place in free text, online or not.
  test('the sites list loaded online is kept, encrypted, for a report written offline, and goes at sign-out', async () => {
    const description = `Offline på en plats ur listan ${Date.now()}.`;
    await browserTest.withPage({ signedInAs: 'manager', context: phone }, async (page) => {
      await page.goto(browserTest.url('/rapportera'));
      await page.getByRole('combobox', { name: 'Var hände det?' }).waitFor();
      await waitForServiceWorker(page);
      for (let attempt = 0; attempt < 50 && (await keptSitesLists(page)) === 0; attempt += 1) {
        await page.waitForTimeout(100);
      }
      assert.equal(await keptSitesLists(page), 1, 'the sites list was not kept on the device');
      assert.equal(
        (await everythingStoredOffline(page)).includes('Kungsgatan'),
        false,
        'a site is stored in plaintext',
      );

      // Without network, the app opens from the service worker and the list from the device.
      await page.context().setOffline(true);
      const reloaded = await page.reload();
      assert.equal(reloaded?.fromServiceWorker(), true, 'the page was not served by the service worker');
      await page.getByRole('radio', { name: 'Händelse', exact: true }).check();
      await page.getByRole('checkbox', { name: 'Hot', exact: true }).check();
      await page.getByRole('combobox', { name: 'Var hände det?' }).selectOption({ label: 'Jobbtorg City' });
      await page.getByLabel('I vilket sammanhang?').selectOption({ label: 'Besök utan tidsbokning (drop-in)' });
      await page.getByLabel('Vad hände?').fill(description);
      await assertNoAxeViolations(page, 'the report form offline, with the kept sites list');
      await page.getByRole('button', { name: 'Skicka rapporten' }).click();
      const queued = page.getByRole('region', { name: 'Rapporter på den här enheten' });
      await queued.getByText('Sparad på enheten – skickas när du har nät').waitFor();

      await page.context().setOffline(false);
      await queued.getByText('Skickad', { exact: true }).waitFor();
      const [id] = await incidentIdsDescribed(page, description);
      const place = await page.evaluate(async (incidentId) => {
        const incident = (await (await fetch(`/api/incidents/${incidentId}`)).json()) as { place: { kind: string } };
        const sites = (await (await fetch('/api/sites?limit=100')).json()) as { items: { id: string; name: string }[] };
        const siteId = (incident.place as { siteId?: string }).siteId;
        return { kind: incident.place.kind, name: sites.items.find((site) => site.id === siteId)?.name };
      }, id);
      assert.deepEqual(place, { kind: 'site', name: 'Jobbtorg City' });

      // The kept list goes at sign-out: the next online load brings it back.
      await signOutToStart(page, browserTest.url('/'));
      assert.equal(await keptSitesLists(page), 0);
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
