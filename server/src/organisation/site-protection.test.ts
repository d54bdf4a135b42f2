import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import {
  emptyProtectionElements,
  problemSchema,
  type SiteProtection,
  type SiteProtectionInputValues,
} from '@varn/domain';
import { createTestApp, type TestApp, type TestClient } from '../testing/test-app.ts';
import { countRows, describeEachDatabase } from '../testing/test-database.ts';

describeEachDatabase('site protection profiles', (kind) => {
  let harness: TestApp;
  let coordinator: TestClient;
  let manager: TestClient;
  let safetyRepresentative: TestClient;
  let administrator: TestClient;
  let sites: { id: string; name: string }[];
  const siteNamed = (name: string) => (sites.find((site) => site.name === name) as { id: string }).id;

  before(async () => {
    harness = await createTestApp(kind);
    coordinator = await harness.signIn('security_coordinator');
    manager = await harness.signIn('manager');
    safetyRepresentative = await harness.signIn('safety_representative');
    administrator = await harness.signIn('administrator');
    sites = (await administrator.get('/api/sites?limit=100')).json().items;
  });
  after(() => harness.close());

  const profileOf = (baseVersion: number, changes: Partial<SiteProtectionInputValues> = {}) => ({
    baseVersion,
    elements: emptyProtectionElements(),
    alarmCentre: '',
    note: '',
    ...changes,
  });

  test('every save is a version; the history says who changed what, and when', async () => {
    const jarva = siteNamed('Jobbtorg Järva');
    const empty = (await coordinator.get(`/api/sites/${jarva}/protection`)).json() as SiteProtection;
    assert.equal(empty.profile.version, 0);
    assert.equal(empty.profile.elements.locks.state, null);
    assert.deepEqual(empty.history, []);

    const elements = emptyProtectionElements();
    elements.locks = { state: 'partly', note: 'Samtalsrum 2 saknar lås' };
    elements.cameras = { state: 'missing', note: '' };
    const first = await coordinator.patch(
      `/api/sites/${jarva}/protection`,
      profileOf(0, { elements, alarmCentre: 'Securitas larmcentral 010-470 50 00' }),
    );
    assert.equal(first.statusCode, 200, first.body);
    assert.equal((first.json() as SiteProtection).profile.version, 1);

    const second = await coordinator.patch(
      `/api/sites/${jarva}/protection`,
      profileOf(1, {
        elements: { ...elements, locks: { state: 'in_place', note: 'Lås monterat i samtalsrum 2' } },
        alarmCentre: 'Securitas larmcentral 010-470 50 00',
      }),
    );
    assert.equal(second.statusCode, 200, second.body);
    const saved = (await safetyRepresentative.get(`/api/sites/${jarva}/protection`)).json() as SiteProtection;
    assert.equal(saved.profile.version, 2);
    assert.equal(saved.profile.elements.locks.state, 'in_place');
    assert.equal(saved.profile.elements.cameras.state, 'missing');
    assert.match(saved.profile.changedBy?.name ?? '', /\S/);
    assert.deepEqual(
      saved.history.map((entry) => [entry.version, entry.changes.map((change) => change.field)]),
      [
        [2, ['locks']],
        [1, ['locks', 'cameras', 'alarmCentre']],
      ],
    );
    assert.deepEqual(saved.history[0]?.changes[0]?.before, { state: 'partly', note: 'Samtalsrum 2 saknar lås' });

    const unchanged = await coordinator.patch(
      `/api/sites/${jarva}/protection`,
      profileOf(2, {
        elements: saved.profile.elements,
        alarmCentre: saved.profile.alarmCentre,
      }),
    );
    assert.equal(unchanged.statusCode, 200, unchanged.body);
    assert.equal((unchanged.json() as SiteProtection).profile.version, 2, 'saving without a change stores nothing');

    const audited = await harness.db
      .selectFrom('auditEntries')
      .select(['action', 'details'])
      .where('resourceId', '=', jarva)
      .where('action', 'like', 'site_protection.%')
      .execute();
    assert.equal(audited.filter((entry) => entry.action === 'site_protection.update').length, 2);
    assert.ok(audited.some((entry) => entry.action === 'site_protection.read'));
    assert.doesNotMatch(JSON.stringify(audited), /Samtalsrum/, 'the log names fields, never their content');
  });

  test('a save over a newer version is refused instead of undoing it', async () => {
    const city = siteNamed('Jobbtorg City');
    const base = (await coordinator.get(`/api/sites/${city}/protection`)).json() as SiteProtection;
    const mine = await coordinator.patch(
      `/api/sites/${city}/protection`,
      profileOf(base.profile.version, { note: 'Receptionen bemannas 8–16' }),
    );
    assert.equal(mine.statusCode, 200, mine.body);
    const stale = await manager.patch(
      `/api/sites/${city}/protection`,
      profileOf(base.profile.version, { note: 'Annat' }),
    );
    assert.equal(stale.statusCode, 409, stale.body);
    assert.equal(problemSchema.parse(stale.json()).code, 'site_protection_changed');
    const kept = (await coordinator.get(`/api/sites/${city}/protection`)).json() as SiteProtection;
    assert.equal(kept.profile.note, 'Receptionen bemannas 8–16');
  });

  test('scope: another unit’s or tenant’s site answers 404; readers do not write; bad input stores nothing', async () => {
    const jarva = siteNamed('Jobbtorg Järva');
    const otherTenant = await harness.signIn('security_coordinator', 'other');
    for (const outsider of [manager, otherTenant]) {
      assert.equal((await outsider.get(`/api/sites/${jarva}/protection`)).statusCode, 404);
      assert.equal((await outsider.patch(`/api/sites/${jarva}/protection`, profileOf(0))).statusCode, 404);
    }
    const notWalking = await safetyRepresentative.patch(`/api/sites/${jarva}/protection`, profileOf(0));
    assert.equal(notWalking.statusCode, 403);
    const itAdministrator = await administrator.get(`/api/sites/${jarva}/protection`);
    assert.equal(itAdministrator.statusCode, 403, 'managing addresses does not open what protects them');

    const before = await countRows(harness.db, 'site_protection_profiles');
    const badState = emptyProtectionElements() as Record<string, unknown>;
    badState.locks = { state: 'maybe', note: '' };
    for (const [body, path] of [
      [profileOf(0, { elements: badState as never }), 'elements.locks.state'],
      [{ ...profileOf(0), elements: { ...emptyProtectionElements(), moat: { state: null } } }, 'elements'],
      [profileOf(-1), 'baseVersion'],
      [profileOf(0, { note: 'x'.repeat(2001) }), 'note'],
    ] as const) {
      const response = await coordinator.patch(`/api/sites/${jarva}/protection`, body);
      assert.equal(response.statusCode, 400, response.body);
      assert.match(String(response.headers['content-type']), /^application\/problem\+json/);
      assert.equal(problemSchema.parse(response.json()).errors?.[0]?.path, path, response.body);
    }
    assert.equal(await countRows(harness.db, 'site_protection_profiles'), before);
  });
});
