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

  test("a drill's lessons become follow-up measures; another site's or tenant's drill answers 404", async () => {
    const manager = await harness.signIn('manager');
    const recorded = await manager.post('/api/drills', drill('Jobbtorg City', { kind: 'lockdown' }));
    assert.equal(recorded.statusCode, 201, recorded.body);
    const cityDrill = recorded.json() as Drill;
    assert.equal(cityDrill.mayManage, true);
    const owner = await harness.db
      .selectFrom('people')
      .select('id')
      .where('unitId', '=', cityDrill.unitId)
      .orderBy('familyName')
      .executeTakeFirstOrThrow();
    const measure = {
      title: 'Laga dörren mot gården',
      description: 'Dörren gick trögt vid inrymningen.',
      category: 'lock',
      ownerPersonId: owner.id,
      dueOn: stockholmDate(new Date(Date.now() + 30 * 86_400_000)),
    };
    const created = await manager.post(`/api/drills/${cityDrill.id}/measures`, measure);
    assert.equal(created.statusCode, 201, created.body);
    assert.equal(created.json().sourceKind, 'drill');
    assert.equal(created.json().sourceId, cityDrill.id);
    assert.equal(created.json().orgUnitId, cityDrill.unitId, "the site's unit is responsible");
    const listed = (await manager.get(`/api/drills/${cityDrill.id}/measures`)).json();
    assert.deepEqual(
      listed.items.map((item: { title: string }) => item.title),
      ['Laga dörren mot gården'],
    );

    // A drill at a school of another administration: its planners' only.
    const department = await harness.signIn('security_department');
    const school = await department.post('/api/drills', drill('Exempelgymnasiet'));
    assert.equal(school.statusCode, 201, school.body);
    const schoolDrillId = (school.json() as Drill).id;
    const before = await countRows(harness.db, 'measures');
    for (const client of [manager, await harness.signIn('security_coordinator')]) {
      assert.equal((await client.get(`/api/drills/${schoolDrillId}`)).statusCode, 404);
      assert.equal((await client.get(`/api/drills/${schoolDrillId}/measures`)).statusCode, 404);
      assert.equal((await client.post(`/api/drills/${schoolDrillId}/measures`, measure)).statusCode, 404);
    }
    const stranger = await harness.signIn('manager', 'other');
    assert.equal((await stranger.post(`/api/drills/${cityDrill.id}/measures`, measure)).statusCode, 404);
    const employee = await harness.signIn('employee');
    assert.equal((await employee.post(`/api/drills/${cityDrill.id}/measures`, measure)).statusCode, 403);
    assert.equal(await countRows(harness.db, 'measures'), before, 'no measure was stored');
  });
});
