import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { acknowledgementReminderAt, type Notification } from '@varn/domain';
import { sql } from 'kysely';
import { isSwedishDayOff } from '../platform/days-off.ts';
import { createTestApp, type TestApp } from '../testing/test-app.ts';
import { describeEachDatabase } from '../testing/test-database.ts';
import { remindIfUnacknowledged } from './reminders.ts';

describeEachDatabase('acknowledgement reminders', (kind) => {
  let harness: TestApp;
  before(async () => {
    harness = await createTestApp(kind);
  });
  after(() => harness.close());

  async function report(): Promise<{ id: string; tenantId: string }> {
    const employee = await harness.signIn('employee');
    const response = await employee.post('/api/incidents', {
      kind: 'near_miss',
      types: ['violence'],
      occurredAt: new Date(Date.now() - 600_000).toISOString(),
      place: { kind: 'free', description: 'Korridoren' },
      context: 'booked_visit',
      description: 'En besökare kastade en stol, ingen träffades.',
    });
    assert.equal(response.statusCode, 201, response.body);
    const { tenantId } = await harness.db
      .selectFrom('incidents')
      .select('tenantId')
      .where('id', '=', response.json().id)
      .executeTakeFirstOrThrow();
    return { id: response.json().id, tenantId };
  }

  const remindersOf = async (incidentId: string) => {
    const manager = await harness.signIn('manager');
    return ((await manager.get('/api/notifications?limit=200')).json().items as Notification[]).filter(
      (item) => item.incidentId === incidentId && item.kind === 'incident_unacknowledged',
    );
  };

  test('a report queues its reminder for two working days later, in the same transaction', async () => {
    const before = new Date();
    const { id } = await report();
    const jobs = await sql<{ startAfter: Date }>`
      SELECT start_after FROM pgboss.job WHERE name = 'incident_reminder' AND data->>'incidentId' = ${id}`.execute(
      harness.db,
    );
    assert.equal(jobs.rows.length, 1);
    const expected = acknowledgementReminderAt(before, 2, isSwedishDayOff).getTime();
    assert.ok(Math.abs(new Date(jobs.rows[0]?.startAfter as Date).getTime() - expected) < 60_000);
  });

  test('when it fires, the manager is reminded only if the report still waits', async () => {
    const waiting = await report();
    await remindIfUnacknowledged(harness.db, harness.app.jobs, { tenantId: waiting.tenantId, incidentId: waiting.id });
    assert.equal((await remindersOf(waiting.id)).length, 1);

    const handled = await report();
    const manager = await harness.signIn('manager');
    assert.equal(
      (await manager.post(`/api/incidents/${handled.id}/status`, { status: 'acknowledged' })).statusCode,
      200,
    );
    await remindIfUnacknowledged(harness.db, harness.app.jobs, { tenantId: handled.tenantId, incidentId: handled.id });
    assert.equal((await remindersOf(handled.id)).length, 0);
  });
});
