import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, test } from 'node:test';
import type { Incident } from '@varn/domain';
import { threatAtDropIn } from '../testing/incident-reports.ts';
import { createTestApp, type TestApp, type TestClient } from '../testing/test-app.ts';
import { countRows, describeEachDatabase } from '../testing/test-database.ts';

describeEachDatabase('incident investigation', (kind) => {
  let harness: TestApp;
  let employee: TestClient;
  let manager: TestClient;
  let siteIds: Map<string, string>;
  before(async () => {
    harness = await createTestApp(kind);
    employee = await harness.signIn('employee');
    manager = await harness.signIn('manager');
    const administrator = await harness.signIn('administrator');
    const sites = (await administrator.get('/api/sites?limit=100')).json().items as { id: string; name: string }[];
    siteIds = new Map(sites.map((site) => [site.name, site.id]));
  });
  after(() => harness.close());

  const report = async (client: TestClient, body = threatAtDropIn()) => {
    const response = await client.post('/api/incidents', body);
    assert.equal(response.statusCode, 201, response.body);
    return response.json() as Incident;
  };

  test('a saved investigation is shown and recorded in the timeline with the fields it changed', async () => {
    const { id } = await report(employee);
    const saved = await manager.patch(`/api/incidents/${id}/investigation`, {
      causes: 'Beslut om avslag meddelades i receptionen utan förvarning.',
      lessonsLearned: 'Svåra beslut meddelas i bokat samtal.',
    });
    assert.equal(saved.statusCode, 200, saved.body);
    const incident = saved.json() as Incident;
    assert.equal(incident.investigation.causes, 'Beslut om avslag meddelades i receptionen utan förvarning.');
    assert.equal(incident.investigation.courseAfter, '');
    const event = incident.timeline.at(-1);
    assert.equal(event?.kind, 'investigation_updated');
    assert.deepEqual(event?.fields, ['causes', 'lessonsLearned']);

    // A second save names only what changed; a save that changes nothing records nothing.
    const again = (
      await manager.patch(`/api/incidents/${id}/investigation`, {
        causes: 'Beslut om avslag meddelades i receptionen utan förvarning.',
        courseAfter: 'Polisen kontaktades.',
      })
    ).json() as Incident;
    assert.deepEqual(again.timeline.at(-1)?.fields, ['courseAfter']);
    const unchanged = (
      await manager.patch(`/api/incidents/${id}/investigation`, { courseAfter: 'Polisen kontaktades.' })
    ).json() as Incident;
    assert.equal(unchanged.timeline.length, again.timeline.length);

    // The reporter reads it; only handlers write it.
    const seen = (await employee.get(`/api/incidents/${id}`)).json() as Incident;
    assert.equal(seen.investigation.courseAfter, 'Polisen kontaktades.');
    assert.equal((await employee.patch(`/api/incidents/${id}/investigation`, { causes: 'x' })).statusCode, 403);
    const empty = await manager.patch(`/api/incidents/${id}/investigation`, {});
    assert.equal(empty.statusCode, 400);
    assert.equal(empty.headers['content-type'], 'application/problem+json; charset=utf-8');
  });

  test('a correction leaves the original description unchanged and appears beside it and in the timeline', async () => {
    const { id, description } = await report(employee);
    const corrected = await employee.post(`/api/incidents/${id}/corrections`, {
      field: 'description',
      text: 'Han sa också att han skulle vänta vid parkeringen.',
    });
    assert.equal(corrected.statusCode, 201, corrected.body);
    const incident = corrected.json() as Incident;
    assert.equal(incident.description, description);
    assert.equal(incident.corrections.length, 1);
    assert.equal(incident.corrections[0]?.field, 'description');
    assert.equal(incident.corrections[0]?.text, 'Han sa också att han skulle vänta vid parkeringen.');
    assert.ok(incident.corrections[0]?.authorName);
    assert.equal(incident.timeline.at(-1)?.kind, 'correction');
    assert.deepEqual(incident.timeline.at(-1)?.fields, ['description']);
    const stored = await harness.db
      .selectFrom('incidents')
      .select('description')
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    assert.equal(stored.description, description);

    // A handler may correct too; an unknown field or an empty text is refused and nothing stored.
    assert.equal(
      (await manager.post(`/api/incidents/${id}/corrections`, { field: 'place', text: 'Entrén, inte receptionen.' }))
        .statusCode,
      201,
    );
    const before = await countRows(harness.db, 'incident_corrections');
    for (const body of [
      { field: 'personOfConcern', text: 'x' },
      { field: 'description', text: '  ' },
    ]) {
      const refused = await employee.post(`/api/incidents/${id}/corrections`, body);
      assert.equal(refused.statusCode, 400, refused.body);
      assert.equal(refused.headers['content-type'], 'application/problem+json; charset=utf-8');
    }
    assert.equal(await countRows(harness.db, 'incident_corrections'), before);
  });

  test('the reporter comments on their own report, not on others’; the safety representative does not write', async () => {
    const { id } = await report(employee);
    const commented = await employee.post(`/api/incidents/${id}/comments`, { text: 'Han har ringt igen i dag.' });
    assert.equal(commented.statusCode, 201, commented.body);
    const last = (commented.json() as Incident).timeline.at(-1);
    assert.equal(last?.kind, 'comment');
    assert.equal(last?.text, 'Han har ringt igen i dag.');
    assert.equal(
      (await manager.post(`/api/incidents/${id}/comments`, { text: 'Jag ringer dig i morgon.' })).statusCode,
      201,
    );

    const officials = await report(await harness.signIn('elected_official'));
    assert.equal((await employee.post(`/api/incidents/${officials.id}/comments`, { text: 'Hej' })).statusCode, 404);
    assert.equal(
      (await employee.post(`/api/incidents/${officials.id}/corrections`, { field: 'description', text: 'Hej' }))
        .statusCode,
      404,
    );
    const safetyRepresentative = await harness.signIn('safety_representative');
    assert.equal((await safetyRepresentative.post(`/api/incidents/${id}/comments`, { text: 'Hej' })).statusCode, 404);
  });

  test('the same Idempotency-Key twice adds one comment', async () => {
    const { id } = await report(employee);
    const key = randomUUID();
    const first = await employee.post(
      `/api/incidents/${id}/comments`,
      { text: 'Han ringde igen.' },
      { 'idempotency-key': key },
    );
    const second = await employee.post(
      `/api/incidents/${id}/comments`,
      { text: 'Han ringde igen.' },
      { 'idempotency-key': key },
    );
    assert.equal(second.statusCode, 201);
    assert.equal(second.headers['idempotent-replayed'], 'true');
    assert.deepEqual(second.json().timeline, first.json().timeline);
    const stored = await harness.db
      .selectFrom('incidentEvents')
      .select('id')
      .where('incidentId', '=', id)
      .where('kind', '=', 'comment')
      .execute();
    assert.equal(stored.length, 1);
  });

  test('notices to Arbetsmiljöverket and Försäkringskassan are recorded with date, by whom and reference', async () => {
    const { id, requiresAuthorityNotice, requiresWorkInjuryReport } = await report(employee, {
      ...threatAtDropIn(),
      types: ['violence'],
      consequences: { physicalInjury: true, injuryNeedingCare: true, sickLeaveDays: 3 },
    });
    assert.equal(requiresAuthorityNotice, true);
    assert.equal(requiresWorkInjuryReport, true);
    const today = new Date().toISOString().slice(0, 10);
    const notified = await manager.post(`/api/incidents/${id}/notices`, {
      kind: 'authority_notice',
      doneOn: today,
      reference: 'AV 2026/012345',
    });
    assert.equal(notified.statusCode, 201, notified.body);
    const incident = notified.json() as Incident;
    assert.equal(incident.authorityNotice?.doneOn, today);
    assert.equal(incident.authorityNotice?.reference, 'AV 2026/012345');
    assert.ok(incident.authorityNotice?.byName);
    assert.equal(incident.workInjuryReport, null);
    assert.equal(incident.timeline.at(-1)?.kind, 'authority_notified');
    const injury = (
      await manager.post(`/api/incidents/${id}/notices`, { kind: 'work_injury_report', doneOn: today })
    ).json() as Incident;
    assert.equal(injury.workInjuryReport?.doneOn, today);
    assert.equal(injury.authorityNotice?.reference, 'AV 2026/012345');

    const future = await manager.post(`/api/incidents/${id}/notices`, {
      kind: 'authority_notice',
      doneOn: '2099-01-01',
    });
    assert.equal(future.statusCode, 400);
    assert.equal(future.json().errors[0].path, 'doneOn');
    assert.equal(
      (await employee.post(`/api/incidents/${id}/notices`, { kind: 'authority_notice', doneOn: today })).statusCode,
      403,
    );

    const sheet = await manager.get(`/api/incidents/${id}/summary-sheet`);
    assert.equal(sheet.statusCode, 200, sheet.body);
    assert.equal(sheet.json().employerName, 'Demo kommun');
    assert.ok(sheet.json().unitName);
  });

  test("another unit's manager and another tenant get 404 on every follow-up route", async () => {
    const { id } = await report(employee, {
      ...threatAtDropIn(),
      place: { kind: 'site', siteId: siteIds.get('Jobbtorg Järva') as string },
    });
    const today = new Date().toISOString().slice(0, 10);
    const otherTenant = await harness.signIn('manager', 'other');
    for (const outsider of [manager, otherTenant]) {
      const answers = [
        await outsider.patch(`/api/incidents/${id}/investigation`, { causes: 'x' }),
        await outsider.post(`/api/incidents/${id}/comments`, { text: 'x' }),
        await outsider.post(`/api/incidents/${id}/corrections`, { field: 'description', text: 'x' }),
        await outsider.post(`/api/incidents/${id}/notices`, { kind: 'authority_notice', doneOn: today }),
        await outsider.get(`/api/incidents/${id}/summary-sheet`),
      ];
      assert.deepEqual(
        answers.map((answer) => answer.statusCode),
        [404, 404, 404, 404, 404],
      );
    }
    assert.equal(await countRows(harness.db, 'incident_investigations'), 2);
  });
});
