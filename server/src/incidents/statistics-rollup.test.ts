import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import {
  addDays,
  addMonths,
  type IncidentReportInput,
  incidentContexts,
  incidentTypes,
  splitStatisticsPeriod,
  statisticsPeriod,
  stockholmDate,
} from '@varn/domain';
import { sql } from 'kysely';
import { actorOf } from '../testing/actors.ts';
import { createTestApp, type TestApp } from '../testing/test-app.ts';
import { describeEachDatabase } from '../testing/test-database.ts';
import { getIncidentStatistics } from './statistics.ts';

const today = stockholmDate();
const thisMonth = `${today.slice(0, 7)}-01`;

/**
 * Reports spread over the last months (month boundaries in Stockholm included), of every kind,
 * several contexts and types, with and without police reports and persons of concern: enough for
 * every column of the rollup to count something.
 */
function reports(): IncidentReportInput[] {
  const list: IncidentReportInput[] = [];
  for (let index = 0; index < 24; index += 1) {
    const monthStart = addMonths(thisMonth, -(index % 4));
    // 00:30 on the first of the month in Stockholm (the previous month in UTC) on every fourth.
    const occurredAt =
      index % 4 === 1
        ? new Date(`${monthStart}T00:30:00+01:00`)
        : new Date(Math.min(Date.now() - 3_600_000, Date.parse(`${addDays(monthStart, index % 20)}T10:00:00Z`)));
    list.push({
      kind: index % 7 === 3 ? 'near_miss' : index % 7 === 5 ? 'risk_observation' : 'incident',
      types: index % 3 === 0 ? ['threat', 'harassment'] : [incidentTypes[index % incidentTypes.length] ?? 'other'],
      occurredAt: occurredAt.toISOString(),
      place: { kind: 'free', description: 'Receptionen' },
      context: incidentContexts[index % incidentContexts.length] ?? 'other',
      description: `Händelse ${index} i statistikens test.`,
      ...(index % 5 === 0 ? { policeReport: { status: 'made', reportedBy: 'manager' } } : {}),
      ...(index % 4 === 0
        ? {
            personOfConcern: {
              isKnown: true,
              relation: 'client',
              gangCrimeLink: index % 8 === 0 ? 'suspected' : 'unknown',
              violentExtremismLink: index % 3 === 0 ? 'confirmed' : 'unknown',
            },
          }
        : {}),
    } as IncidentReportInput);
  }
  return list;
}

/** The rollup's non-empty rows, in a fixed order. */
async function rollupRows(harness: TestApp) {
  const months = await sql<Record<string, unknown>>`
    SELECT * FROM incident_statistics_months WHERE total <> 0 OR acknowledged <> 0 OR gang_crime_link <> 0
      OR violent_extremism_link <> 0 ORDER BY tenant_id, unit_id, month, kind, party_id`.execute(harness.db);
  const days = await sql<Record<string, unknown>>`
    SELECT * FROM incident_acknowledgement_days WHERE count <> 0
    ORDER BY tenant_id, unit_id, month, kind, party_id, tenths`.execute(harness.db);
  return { months: months.rows, days: days.rows };
}

describeEachDatabase('incident statistics rollup', (kind) => {
  let harness: TestApp;
  const ids: string[] = [];
  before(async () => {
    harness = await createTestApp(kind);
    const employee = await harness.signIn('employee');
    for (const body of reports()) {
      const response = await employee.post('/api/incidents', body);
      assert.equal(response.statusCode, 201, response.body);
      ids.push(response.json().id);
    }
  });
  after(() => harness.close());

  const periods = () => [
    {},
    { from: addMonths(thisMonth, -3), to: addDays(thisMonth, -1) },
    { from: addDays(addMonths(thisMonth, -3), 9), to: today },
    { from: addDays(addMonths(thisMonth, -2), 4), to: addDays(addMonths(thisMonth, -1), 11) },
    { from: addMonths(thisMonth, -1), to: addDays(thisMonth, -1), kind: 'incident' as const },
  ];

  /** Every reader's statistics, from the rollup and counted from the incidents, for every period. */
  async function assertRollupEqualsCount(step: string) {
    for (const login of harness.demoLogins.filter((candidate) =>
      ['security_coordinator', 'manager', 'security_department', 'board_reader'].includes(candidate.role),
    )) {
      const actor = await actorOf(harness.db, login.email);
      for (const query of periods()) {
        const fromRollup = await getIncidentStatistics(harness.db, actor, query);
        const counted = await getIncidentStatistics(harness.db, actor, query, new Date(), 'incidents');
        assert.deepEqual(fromRollup, counted, `${step}: ${login.role} ${JSON.stringify(query)}`);
      }
    }
    // And the rollup kept by the triggers is the one computed from scratch.
    const kept = await rollupRows(harness);
    await harness.db.transaction().execute(async (transaction) => {
      await sql`SELECT incident_statistics_rebuild()`.execute(transaction);
    });
    assert.deepEqual(await rollupRows(harness), kept, `${step}: the rollup equals its rebuild`);
  }

  test('after the reports', async () => {
    const security = await harness.signIn('security_department');
    const total = (await security.get('/api/incidents/statistics')).json().total;
    assert.ok(total >= 20, `most reports are in the last 12 months: ${total}`);
    await assertRollupEqualsCount('reported');
  });

  test('after acknowledgements, status changes and corrections', async () => {
    const manager = await harness.signIn('manager');
    for (const [index, id] of ids.entries()) {
      if (index % 3 === 2) continue;
      const acknowledged = await manager.post(`/api/incidents/${id}/status`, { status: 'acknowledged' });
      assert.equal(acknowledged.statusCode, 200, acknowledged.body);
      // Days to acknowledgement that differ from report to report.
      await harness.db
        .updateTable('incidents')
        .set({ acknowledgedAt: sql`created_at + ${`${index * 7} hours`}::interval` })
        .where('id', '=', id)
        .execute();
      if (index % 2 === 0) {
        const investigating = await manager.post(`/api/incidents/${id}/status`, { status: 'investigating' });
        assert.equal(investigating.statusCode, 200, investigating.body);
      }
    }
    const correction = await manager.post(`/api/incidents/${ids[0]}/corrections`, {
      field: 'description',
      text: 'Det var i entrén, inte i receptionen.',
    });
    assert.equal(correction.statusCode, 201, correction.body);
    await assertRollupEqualsCount('handled');
  });

  test('after a person of concern, a kind, a time and a unit change, and a deleted incident', async () => {
    await harness.db
      .updateTable('incidentPersonsOfConcern')
      .set({ gangCrimeLink: 'confirmed', violentExtremismLink: 'unknown' })
      .where('incidentId', '=', ids[4] as string)
      .execute();
    await harness.db
      .insertInto('incidentPersonsOfConcern')
      .values({
        incidentId: ids[1] as string,
        tenantId: (await actorOf(harness.db, 'medarbetare@demo.varn.se')).tenantId,
        isKnown: false,
        relation: 'public',
        gangCrimeLink: 'suspected',
        violentExtremismLink: 'suspected',
        description: '',
      })
      .execute();
    await harness.db
      .deleteFrom('incidentPersonsOfConcern')
      .where('incidentId', '=', ids[8] as string)
      .execute();
    await harness.db
      .updateTable('incidents')
      .set({ kind: 'near_miss', occurredAt: sql`occurred_at - interval '40 days'`, policeReportStatus: 'made' })
      .where('id', '=', ids[2] as string)
      .execute();
    const otherUnit = await harness.db
      .selectFrom('orgUnits')
      .select('id')
      .where('tenantId', '=', (await actorOf(harness.db, 'medarbetare@demo.varn.se')).tenantId)
      .where('kind', '=', 'unit')
      .orderBy('code', 'desc')
      .executeTakeFirstOrThrow();
    await harness.db
      .updateTable('incidents')
      .set({ unitId: otherUnit.id })
      .where('id', '=', ids[3] as string)
      .execute();
    // A deletion (none of the app's own, but a tenant's data may be erased): its dependants first.
    const deleted = ids[12] as string;
    await harness.db.deleteFrom('incidentEvents').where('incidentId', '=', deleted).execute();
    await harness.db.deleteFrom('incidents').where('id', '=', deleted).execute();
    await assertRollupEqualsCount('changed');
  });
});

test('a period splits into whole Stockholm months and the days around them', () => {
  const past = new Date('2030-01-01T00:00:00Z');
  const split = (from: string, to: string, now = past) =>
    splitStatisticsPeriod(statisticsPeriod({ from, to }, now), now);
  assert.deepEqual(split('2025-01-01', '2025-03-31'), {
    wholeMonths: { first: '2025-01-01', last: '2025-03-01' },
    partial: [],
  });
  assert.deepEqual(split('2025-01-10', '2025-03-05'), {
    wholeMonths: { first: '2025-02-01', last: '2025-02-01' },
    partial: [
      { from: '2025-01-10', to: '2025-01-31' },
      { from: '2025-03-01', to: '2025-03-05' },
    ],
  });
  assert.deepEqual(split('2025-01-10', '2025-01-20'), {
    wholeMonths: null,
    partial: [{ from: '2025-01-10', to: '2025-01-20' }],
  });
  // Up to today: the rest of this month cannot hold an incident yet, so the month counts as whole.
  const now = new Date('2025-03-05T12:00:00Z');
  assert.deepEqual(split('2025-01-01', '2025-03-05', now), {
    wholeMonths: { first: '2025-01-01', last: '2025-03-01' },
    partial: [],
  });
  // Five minutes before midnight a report may already be dated tomorrow: today is then partial.
  assert.deepEqual(split('2025-01-01', '2025-03-05', new Date('2025-03-05T22:57:00Z')).partial, [
    { from: '2025-03-01', to: '2025-03-05' },
  ]);
});
