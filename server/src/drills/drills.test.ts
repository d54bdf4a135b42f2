import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Drill, DrillInput, SiteDrillStatus } from '@varn/domain';
import { stockholmDate } from '@varn/domain';
import { createTestApp, type TestApp } from '../testing/test-app.ts';
import { countRows, describeEachDatabase } from '../testing/test-database.ts';

const monthsAgo = (months: number) => stockholmDate(new Date(Date.now() - months * 30.5 * 86_400_000));

describeEachDatabase('drills', (kind) => {
  let harness: TestApp;
  const siteIds = new Map<string, string>();
  before(async () => {
    // A shorter interval than the default proves that it is the configuration that decides.
    harness = await createTestApp(kind, { DRILL_INTERVAL_MONTHS: '6' });
    const sites = await harness.db
      .selectFrom('sites')
      .innerJoin('tenants', 'tenants.id', 'sites.tenantId')
      .select(['sites.id', 'sites.name'])
      .where('tenants.slug', '=', 'demo')
      .execute();
    for (const site of sites) siteIds.set(site.name, site.id);
  });
  after(() => harness.close());

  const drill = (site: string, overrides: Partial<DrillInput> = {}): DrillInput => ({
    siteId: siteIds.get(site) as string,
    kind: 'evacuation',
    plannedOn: null,
    heldOn: monthsAgo(2),
    participantCount: 24,
    participatingUnits: 'Jobbtorg City, reception',
    scenario: 'Brand i köket under öppettid',
    whatWorked: 'Alla hittade återsamlingsplatsen',
    lessonsLearned: 'Dörren mot gården gick trögt',
    ...overrides,
  });

  test('a manager records drills at their site; per kind the last date and overdue per the interval', async () => {
    const manager = await harness.signIn('manager');
    const cityDrills = async () =>
      ((await manager.get(`/api/drills?siteId=${siteIds.get('Jobbtorg City')}`)).json().items as Drill[]).length;
    const drillsBefore = await cityDrills();
    const evacuation = await manager.post('/api/drills', drill('Jobbtorg City'));
    assert.equal(evacuation.statusCode, 201, evacuation.body);
    assert.equal((evacuation.json() as Drill).siteName, 'Jobbtorg City');
    const lockdown = await manager.post(
      '/api/drills',
      drill('Jobbtorg City', { kind: 'lockdown', heldOn: monthsAgo(7) }),
    );
    assert.equal(lockdown.statusCode, 201, lockdown.body);
    const planned = stockholmDate(new Date(Date.now() + 20 * 86_400_000));
    const pdv = await manager.post(
      '/api/drills',
      drill('Jobbtorg City', { kind: 'pdv', heldOn: null, plannedOn: planned, participantCount: null }),
    );
    assert.equal(pdv.statusCode, 201, pdv.body);

    const status = (await manager.get('/api/drill-sites')).json().items as SiteDrillStatus[];
    assert.deepEqual(
      status.map((site) => site.siteName),
      ['Jobbtorg City'],
      'a manager sees the sites of their unit',
    );
    const kinds = Object.fromEntries((status[0]?.kinds ?? []).map((entry) => [entry.kind, entry]));
    assert.equal(kinds.evacuation?.lastHeldOn, monthsAgo(2));
    assert.equal(kinds.evacuation?.isOverdue, false);
    assert.equal(kinds.lockdown?.isOverdue, true, 'held 7 months ago, interval 6');
    assert.equal(kinds.pdv?.lastHeldOn, null);
    assert.equal(kinds.pdv?.nextPlannedOn, planned);
    assert.equal(kinds.pdv?.isOverdue, true, 'never held');

    const coordinator = await harness.signIn('security_coordinator');
    const drills = (await coordinator.get(`/api/drills?siteId=${siteIds.get('Jobbtorg City')}`)).json()
      .items as Drill[];
    assert.equal(drills.length, drillsBefore + 3);
    const coordinatorSites = (await coordinator.get('/api/drill-sites')).json().items as SiteDrillStatus[];
    assert.ok(coordinatorSites.some((site) => site.siteName === 'SFI Stockholm, Liljeholmen'));
    assert.ok(!coordinatorSites.some((site) => site.siteName === 'Exempelgymnasiet'), 'another administration');
  });

  test('a site outside the grant, or bad input, answers problem+json and stores nothing', async () => {
    const manager = await harness.signIn('manager');
    const before = await countRows(harness.db, 'drills');
    const elsewhere = await manager.post('/api/drills', drill('Jobbtorg Järva'));
    assert.equal(elsewhere.statusCode, 400, elsewhere.body);
    assert.match(elsewhere.headers['content-type'] as string, /application\/problem\+json/);
    const undated = await manager.post('/api/drills', drill('Jobbtorg City', { heldOn: null, plannedOn: null }));
    assert.equal(undated.statusCode, 400);
    const negative = await manager.post('/api/drills', drill('Jobbtorg City', { participantCount: -3 }));
    assert.equal(negative.statusCode, 400);
    assert.equal(await countRows(harness.db, 'drills'), before);
    const partyOffice = await harness.signIn('party_security_contact');
    assert.equal((await partyOffice.get('/api/drill-sites')).statusCode, 403);
  });
});
