import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { type IncidentReportInput, type Notification, type Role, roles } from '@varn/domain';
import { createTestApp, type TestApp } from '../testing/test-app.ts';
import { describeEachDatabase } from '../testing/test-database.ts';

const report = (overrides: Partial<IncidentReportInput> = {}): IncidentReportInput => ({
  kind: 'incident',
  types: ['harassment'],
  occurredAt: new Date(Date.now() - 600_000).toISOString(),
  place: { kind: 'free', description: 'Telefonen' },
  context: 'phone',
  description: 'En uppringare skrek och hotade att anmäla mig.',
  ...overrides,
});

describeEachDatabase('routing of reports', (kind) => {
  let harness: TestApp;
  before(async () => {
    harness = await createTestApp(kind);
  });
  after(() => harness.close());

  async function reportAs(role: Role, body: IncidentReportInput): Promise<string> {
    const response = await (await harness.signIn(role)).post('/api/incidents', body);
    assert.equal(response.statusCode, 201, response.body);
    return response.json().id;
  }

  /** The roles whose demo users got a notification about the incident. */
  async function notifiedRoles(incidentId: string, roles: readonly Role[]): Promise<Role[]> {
    const notified: Role[] = [];
    for (const role of roles) {
      const items = (await (await harness.signIn(role)).get('/api/notifications?limit=200')).json()
        .items as Notification[];
      if (items.some((item) => item.incidentId === incidentId)) notified.push(role);
    }
    return notified;
  }

  const everyone = roles;

  test("a staff member's report tells the unit's manager, the coordinator and the safety representative", async () => {
    const id = await reportAs('employee', report());
    assert.deepEqual(await notifiedRoles(id, everyone), ['manager', 'safety_representative', 'security_coordinator']);
  });

  test('a serious event also tells the security department at once', async () => {
    const id = await reportAs('employee', report({ types: ['violence'], isWeaponInvolved: true }));
    assert.deepEqual(await notifiedRoles(id, everyone), [
      'manager',
      'safety_representative',
      'security_coordinator',
      'security_department',
    ]);
  });

  test("an elected official's report tells the party office and the security department, not the unit's chain", async () => {
    const id = await reportAs(
      'elected_official',
      report({ context: 'digital_channel', channel: 'social_media', types: ['threat'] }),
    );
    assert.deepEqual(await notifiedRoles(id, everyone), ['security_department', 'party_security_contact']);
  });

  test('the reporter is told when the report is acknowledged and closed, not of every step', async () => {
    const id = await reportAs('employee', report());
    const manager = await harness.signIn('manager');
    for (const status of ['acknowledged', 'investigating', 'closed']) {
      assert.equal((await manager.post(`/api/incidents/${id}/status`, { status })).statusCode, 200);
    }
    const employee = await harness.signIn('employee');
    const told = ((await employee.get('/api/notifications')).json().items as Notification[])
      .filter((item) => item.incidentId === id)
      .map((item) => item.status);
    assert.deepEqual(told.sort(), ['acknowledged', 'closed']);
  });

  test("one's own notification can be marked read; someone else's answers 404", async () => {
    const id = await reportAs('employee', report());
    const manager = await harness.signIn('manager');
    const notification = ((await manager.get('/api/notifications')).json().items as Notification[]).find(
      (item) => item.incidentId === id,
    ) as Notification;
    const coordinator = await harness.signIn('security_coordinator');
    assert.equal((await coordinator.post(`/api/notifications/${notification.id}/read`)).statusCode, 404);
    assert.equal((await manager.post(`/api/notifications/${notification.id}/read`)).statusCode, 204);
    const after = ((await manager.get('/api/notifications')).json().items as Notification[]).find(
      (item) => item.id === notification.id,
    );
    assert.equal(after?.isRead, true);
  });
});
