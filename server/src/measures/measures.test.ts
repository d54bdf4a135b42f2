import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, test } from 'node:test';
import type { Incident, Measure } from '@varn/domain';
import { threatAtDropIn } from '../testing/incident-reports.ts';
import { createTestApp, type TestApp, type TestClient } from '../testing/test-app.ts';
import { countRows, describeEachDatabase } from '../testing/test-database.ts';

describeEachDatabase('measures', (kind) => {
  let harness: TestApp;
  let employee: TestClient;
  let manager: TestClient;
  let managerPersonId: string;
  let jarvaSiteId: string;
  before(async () => {
    harness = await createTestApp(kind);
    employee = await harness.signIn('employee');
    manager = await harness.signIn('manager');
    managerPersonId = (await manager.get('/api/auth/me')).json().personId;
    const administrator = await harness.signIn('administrator');
    const sites = (await administrator.get('/api/sites?limit=100')).json().items as { id: string; name: string }[];
    jarvaSiteId = sites.find((site) => site.name === 'Jobbtorg Järva')?.id as string;
  });
  after(() => harness.close());

  const report = async (body = threatAtDropIn()) => (await employee.post('/api/incidents', body)).json() as Incident;
  const measure = () => ({
    title: 'Bokade samtal för beslut om avslag',
    description: 'Beslut om avslag meddelas i bokat samtal med två handläggare.',
    ownerPersonId: managerPersonId,
    dueOn: '2026-12-15',
  });

  test('a handler decides a measure with owner and due date; the reporter sees it without the owner', async () => {
    const incident = await report();
    const created = await manager.post(`/api/incidents/${incident.id}/measures`, measure());
    assert.equal(created.statusCode, 201, created.body);
    const decided = created.json() as Measure;
    assert.equal(decided.status, 'planned');
    assert.equal(decided.dueOn, '2026-12-15');
    assert.equal(decided.owner?.personId, managerPersonId);
    assert.equal(decided.orgUnitId, incident.unitId, 'the incident’s unit is responsible unless another is named');

    const seenByReporter = (await employee.get(`/api/incidents/${incident.id}/measures`)).json().items as Measure[];
    assert.equal(seenByReporter.length, 1);
    assert.equal(seenByReporter[0]?.title, 'Bokade samtal för beslut om avslag');
    assert.equal(seenByReporter[0]?.owner, null, 'the owner’s name is not the reporter’s business');
    assert.equal((await employee.post(`/api/incidents/${incident.id}/measures`, measure())).statusCode, 403);

    const started = await manager.post(`/api/measures/${decided.id}/status`, { status: 'in_progress' });
    assert.equal(started.statusCode, 200, started.body);
    assert.equal(started.json().status, 'in_progress');
    const timeline = ((await employee.get(`/api/incidents/${incident.id}`)).json() as Incident).timeline;
    assert.deepEqual(
      timeline.slice(-2).map((event) => [event.kind, event.measureStatus]),
      [
        ['measure_added', 'planned'],
        ['measure_status_changed', 'in_progress'],
      ],
    );
  });

  test('a measure needs an owner of the tenant and a due date: else problem+json and nothing stored', async () => {
    const incident = await report();
    const before = await countRows(harness.db, 'measures');
    const { ownerPersonId: _owner, ...withoutOwner } = measure();
    const { dueOn: _due, ...withoutDueDate } = measure();
    const refusals: [unknown, string][] = [
      [withoutOwner, 'ownerPersonId'],
      [withoutDueDate, 'dueOn'],
      [{ ...measure(), dueOn: '15/12/2026' }, 'dueOn'],
      [{ ...measure(), ownerPersonId: randomUUID() }, 'ownerPersonId'],
    ];
    for (const [body, path] of refusals) {
      const response = await manager.post(`/api/incidents/${incident.id}/measures`, body);
      assert.equal(response.statusCode, 400, response.body);
      assert.equal(response.headers['content-type'], 'application/problem+json; charset=utf-8');
      assert.equal(response.json().errors[0].path, path);
    }
    const otherTenantPerson = (await (await harness.signIn('manager', 'other')).get('/api/auth/me')).json().personId;
    const foreignOwner = await manager.post(`/api/incidents/${incident.id}/measures`, {
      ...measure(),
      ownerPersonId: otherTenantPerson,
    });
    assert.equal(foreignOwner.statusCode, 400);
    assert.equal(await countRows(harness.db, 'measures'), before);
  });

  test('measures decided needs a measure or a comment saying why none is needed; the reporter is told', async () => {
    const withoutMeasure = await report();
    const withMeasure = await report();
    for (const { id } of [withoutMeasure, withMeasure]) {
      for (const status of ['acknowledged', 'investigating']) {
        assert.equal((await manager.post(`/api/incidents/${id}/status`, { status })).statusCode, 200);
      }
    }
    const refused = await manager.post(`/api/incidents/${withoutMeasure.id}/status`, { status: 'measures_decided' });
    assert.equal(refused.statusCode, 400);
    assert.equal(refused.json().errors[0].path, 'comment');
    const explained = await manager.post(`/api/incidents/${withoutMeasure.id}/status`, {
      status: 'measures_decided',
      comment: 'Inga åtgärder behövs: rutinen följdes och fungerade.',
    });
    assert.equal(explained.statusCode, 200, explained.body);

    await manager.post(`/api/incidents/${withMeasure.id}/measures`, measure());
    const decided = await manager.post(`/api/incidents/${withMeasure.id}/status`, { status: 'measures_decided' });
    assert.equal(decided.statusCode, 200, decided.body);
    const told = (await employee.get('/api/notifications?limit=100')).json().items as {
      incidentId: string;
      kind: string;
    }[];
    assert.ok(told.some((item) => item.incidentId === withMeasure.id && item.kind === 'incident_status_changed'));
  });

  test("another unit's manager and another tenant get 404 on every measure route", async () => {
    const atJarva = await report({ ...threatAtDropIn(), place: { kind: 'site', siteId: jarvaSiteId } });
    const coordinator = await harness.signIn('security_coordinator');
    const created = await coordinator.post(`/api/incidents/${atJarva.id}/measures`, measure());
    assert.equal(created.statusCode, 201, created.body);
    const measureId = created.json().id as string;
    const otherTenant = await harness.signIn('manager', 'other');
    for (const outsider of [manager, otherTenant]) {
      const answers = [
        await outsider.get(`/api/incidents/${atJarva.id}/measures`),
        await outsider.post(`/api/incidents/${atJarva.id}/measures`, measure()),
        await outsider.post(`/api/measures/${measureId}/status`, { status: 'done' }),
      ];
      assert.deepEqual(
        answers.map((answer) => answer.statusCode),
        [404, 404, 404],
      );
    }
  });
});
