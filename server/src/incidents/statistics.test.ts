import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, test } from 'node:test';
import type { IncidentReportInput, IncidentStatistics } from '@varn/domain';
import { createTestApp, type TestApp } from '../testing/test-app.ts';
import { describeEachDatabase } from '../testing/test-database.ts';

const report = (overrides: Partial<IncidentReportInput>): IncidentReportInput => ({
  kind: 'incident',
  types: ['threat'],
  occurredAt: '2025-01-10T10:00:00Z',
  place: { kind: 'free', description: 'Receptionen' },
  context: 'drop_in',
  description: 'En besökare hotade personalen.',
  ...overrides,
});

const firstQuarter = '/api/incidents/statistics?from=2025-01-01&to=2025-03-31';

/**
 * A small known data set in the first quarter of 2025, reported by the demo employee of Jobbtorg City
 * (one at a site of Jobbtorg Järva), with Stockholm's month boundaries on both sides.
 */
describeEachDatabase('incident statistics', (kind) => {
  let harness: TestApp;
  let jarvaUnitId: string;
  before(async () => {
    harness = await createTestApp(kind);
    const administrator = await harness.signIn('administrator');
    const sites = (await administrator.get('/api/sites?limit=100')).json().items as {
      name: string;
      id: string;
      unitId: string;
    }[];
    const jarva = sites.find((site) => site.name === 'Jobbtorg Järva');
    assert.ok(jarva);
    jarvaUnitId = jarva.unitId;
    const employee = await harness.signIn('employee');
    const reports: [IncidentReportInput, acknowledgedAfterDays: number | null][] = [
      [
        report({
          policeReport: { status: 'made', reportedBy: 'manager' },
          personOfConcern: { isKnown: true, relation: 'client', gangCrimeLink: 'suspected' },
        }),
        1,
      ],
      // 00:30 on 1 February in Stockholm.
      [
        report({
          types: ['threat', 'harassment'],
          context: 'phone',
          occurredAt: '2025-01-31T23:30:00Z',
          policeReport: { status: 'not_made', reasonNotMade: 'Inget brott' },
        }),
        3,
      ],
      // 00:30 on 1 January in Stockholm: inside the period.
      [
        report({
          types: ['violence'],
          occurredAt: '2024-12-31T23:30:00Z',
          place: { kind: 'site', siteId: jarva.id },
          personOfConcern: { isKnown: false, relation: 'public', violentExtremismLink: 'confirmed' },
        }),
        2,
      ],
      [report({ kind: 'near_miss', types: ['other'], occurredAt: '2025-03-05T09:00:00Z' }), null],
      // 00:30 on 1 April in Stockholm: outside.
      [report({ occurredAt: '2025-03-31T22:30:00Z' }), null],
    ];
    for (const [body, acknowledgedAfterDays] of reports) {
      const response = await employee.post('/api/incidents', body);
      assert.equal(response.statusCode, 201, response.body);
      if (acknowledgedAfterDays !== null) {
        // The workflow stamps today's time; the fixture dates the report and its acknowledgement
        // in the quarter so that the median is known.
        const reportedAt = new Date(Date.parse(body.occurredAt) + 3_600_000);
        await harness.db
          .updateTable('incidents')
          .set({
            createdAt: reportedAt,
            status: 'acknowledged',
            acknowledgedAt: new Date(reportedAt.getTime() + acknowledgedAfterDays * 86_400_000),
          })
          .where('id', '=', response.json().id)
          .execute();
      }
    }
  });
  after(() => harness.close());

  test('the security coordinator sees every figure of the administration, person-of-concern counts exact', async () => {
    const coordinator = await harness.signIn('security_coordinator');
    const response = await coordinator.get(firstQuarter);
    assert.equal(response.statusCode, 200, response.body);
    const statistics = response.json() as IncidentStatistics;
    assert.equal(statistics.from, '2025-01-01');
    assert.equal(statistics.to, '2025-03-31');
    assert.equal(statistics.total, 4);
    assert.deepEqual(statistics.byMonth, [
      { month: '2025-01', count: 2 },
      { month: '2025-02', count: 1 },
      { month: '2025-03', count: 1 },
    ]);
    assert.deepEqual(
      statistics.byType.map(({ type, count }) => [type, count]),
      [
        ['threat', 2],
        ['violence', 1],
        ['harassment', 1],
        ['property_damage', 0],
        ['other', 1],
      ],
    );
    const byContext = Object.fromEntries(statistics.byContext.map(({ context, count }) => [context, count]));
    assert.equal(byContext.drop_in, 3);
    assert.equal(byContext.phone, 1);
    assert.equal(byContext.school, 0);
    assert.deepEqual(
      statistics.byUnit.map(({ name, count }) => [name, count]),
      [
        ['Jobbtorg City', 3],
        ['Jobbtorg Järva', 1],
      ],
    );
    assert.equal(statistics.policeReportMade, 1);
    assert.equal(statistics.policeReportShare, 0.25);
    assert.equal(statistics.acknowledgedCount, 3);
    assert.equal(statistics.medianDaysToAcknowledgement, 2);
    assert.deepEqual(statistics.gangCrimeLink, { count: 1, isSuppressed: false });
    assert.deepEqual(statistics.violentExtremismLink, { count: 1, isSuppressed: false });
  });

  test("a manager counts only their unit's incidents", async () => {
    const manager = await harness.signIn('manager');
    const statistics = (await manager.get(firstQuarter)).json() as IncidentStatistics;
    assert.equal(statistics.total, 3);
    assert.deepEqual(
      statistics.byUnit.map(({ name }) => name),
      ['Jobbtorg City'],
    );
    assert.deepEqual(statistics.violentExtremismLink, { count: 0, isSuppressed: false });
  });

  test('the board reader and the safety representative see aggregates, small person-of-concern counts withheld', async () => {
    for (const role of ['board_reader', 'safety_representative'] as const) {
      const reader = await harness.signIn(role);
      const response = await reader.get(firstQuarter);
      assert.equal(response.statusCode, 200, `${role}: ${response.body}`);
      const statistics = response.json() as IncidentStatistics;
      assert.equal(statistics.total, 4, role);
      assert.deepEqual(statistics.gangCrimeLink, { count: null, isSuppressed: true }, role);
      assert.deepEqual(statistics.violentExtremismLink, { count: null, isSuppressed: true }, role);
      assert.doesNotMatch(response.body, /Receptionen|hotade|client/, 'no detail of any incident');
    }
  });

  test('filters by unit subtree and kind; a unit of another tenant answers 404', async () => {
    const coordinator = await harness.signIn('security_coordinator');
    const jarva = (await coordinator.get(`${firstQuarter}&unitId=${jarvaUnitId}`)).json() as IncidentStatistics;
    assert.equal(jarva.total, 1);
    assert.deepEqual(jarva.byType.find((entry) => entry.type === 'violence')?.count, 1);
    const nearMisses = (await coordinator.get(`${firstQuarter}&kind=near_miss`)).json() as IncidentStatistics;
    assert.equal(nearMisses.total, 1);
    assert.equal(nearMisses.medianDaysToAcknowledgement, null);
    const otherCoordinator = await harness.signIn('security_coordinator', 'other');
    const otherUnits = (await otherCoordinator.get('/api/org-units')).json().items as { id: string }[];
    const foreign = await coordinator.get(`${firstQuarter}&unitId=${otherUnits[0]?.id}`);
    assert.equal(foreign.statusCode, 404);
    assert.equal((await coordinator.get(`${firstQuarter}&unitId=${randomUUID()}`)).statusCode, 404);
  });

  test("another tenant's incidents are never counted", async () => {
    const otherDepartment = await harness.signIn('security_department', 'other');
    const statistics = (await otherDepartment.get(firstQuarter)).json() as IncidentStatistics;
    assert.equal(statistics.total, 0);
    assert.deepEqual(statistics.byUnit, []);
    assert.deepEqual(
      statistics.byMonth.map(({ count }) => count),
      [0, 0, 0],
    );
  });

  test('without a period: the last 12 Stockholm months, empty months included', async () => {
    const department = await harness.signIn('security_department');
    const statistics = (await department.get('/api/incidents/statistics')).json() as IncidentStatistics;
    assert.equal(statistics.byMonth.length, 12);
    const thisMonth = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm', dateStyle: 'short' })
      .format(new Date())
      .slice(0, 7);
    assert.equal(statistics.byMonth.at(-1)?.month, thisMonth);
    assert.equal(statistics.to.slice(0, 7), thisMonth);
  });

  test('a bad query answers 400 problem+json; roles without the permission 403', async () => {
    const coordinator = await harness.signIn('security_coordinator');
    for (const query of ['from=2025-03-01&to=2025-01-01', 'from=yesterday', 'from=2000-01-01&to=2025-01-01', 'x=1']) {
      const response = await coordinator.get(`/api/incidents/statistics?${query}`);
      assert.equal(response.statusCode, 400, query);
      assert.equal(response.headers['content-type'], 'application/problem+json; charset=utf-8');
      assert.ok(response.json().errors.length > 0, query);
    }
    const employee = await harness.signIn('employee');
    assert.equal((await employee.get(firstQuarter)).statusCode, 403);
  });
});
