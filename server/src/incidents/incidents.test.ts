import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, test } from 'node:test';
import type { Incident } from '@varn/domain';
import { threatAtDropIn } from '../testing/incident-reports.ts';
import { createTestApp, type TestApp } from '../testing/test-app.ts';
import { countRows, describeEachDatabase } from '../testing/test-database.ts';

describeEachDatabase('incidents', (kind) => {
  let harness: TestApp;
  let siteIds: Map<string, string>;
  before(async () => {
    harness = await createTestApp(kind);
    const administrator = await harness.signIn('administrator');
    const sites = (await administrator.get('/api/sites?limit=100')).json().items as { id: string; name: string }[];
    siteIds = new Map(sites.map((site) => [site.name, site.id]));
  });
  after(() => harness.close());

  test('an employee reports with the short form; manager, coordinator and safety representative of the unit see it', async () => {
    const employee = await harness.signIn('employee');
    const reported = await employee.post('/api/incidents', threatAtDropIn());
    assert.equal(reported.statusCode, 201, reported.body);
    const incident = reported.json() as Incident;
    assert.equal(incident.status, 'reported');
    assert.equal(incident.timeline[0]?.kind, 'reported');
    for (const role of ['manager', 'security_coordinator', 'safety_representative', 'security_department'] as const) {
      const reader = await harness.signIn(role);
      assert.equal((await reader.get(`/api/incidents/${incident.id}`)).statusCode, 200, role);
      const listed = (await reader.get('/api/incidents?limit=200')).json().items as { id: string }[];
      assert.ok(
        listed.some((item) => item.id === incident.id),
        role,
      );
    }
    for (const role of ['party_security_contact', 'elected_official', 'duty_officer'] as const) {
      const outsider = await harness.signIn(role);
      assert.equal((await outsider.get(`/api/incidents/${incident.id}`)).statusCode, 404, role);
    }
    const otherTenant = await harness.signIn('security_department', 'other');
    assert.equal((await otherTenant.get(`/api/incidents/${incident.id}`)).statusCode, 404);
  });

  test("an incident at another unit's site belongs to that unit: the reporter's manager does not see it", async () => {
    const employee = await harness.signIn('employee');
    const atJarva = await employee.post('/api/incidents', {
      ...threatAtDropIn(),
      place: { kind: 'site', siteId: siteIds.get('Jobbtorg Järva') },
    });
    assert.equal(atJarva.statusCode, 201, atJarva.body);
    const manager = await harness.signIn('manager');
    assert.equal((await manager.get(`/api/incidents/${atJarva.json().id}`)).statusCode, 404);
    assert.equal(
      (await employee.get(`/api/incidents/${atJarva.json().id}`)).statusCode,
      200,
      'the reporter sees own report',
    );
  });

  test("an elected official's report reaches the party office, with the person of concern, and the security department", async () => {
    const official = await harness.signIn('elected_official');
    const reported = await official.post('/api/incidents', {
      ...threatAtDropIn(),
      context: 'public_appearance',
      channel: 'social_media',
      personOfConcern: {
        isKnown: false,
        relation: 'public',
        gangCrimeLink: 'unknown',
        violentExtremismLink: 'suspected',
      },
    });
    assert.equal(reported.statusCode, 201, reported.body);
    const id = reported.json().id as string;
    const partyOffice = await harness.signIn('party_security_contact');
    const seen = (await partyOffice.get(`/api/incidents/${id}`)).json() as Incident;
    assert.equal(seen.personOfConcern?.violentExtremismLink, 'suspected');
    const manager = await harness.signIn('manager');
    assert.equal((await manager.get(`/api/incidents/${id}`)).statusCode, 404);
    const otherPartyOfficial = await harness.signIn('security_department');
    assert.equal((await otherPartyOfficial.get(`/api/incidents/${id}`)).statusCode, 200);
  });

  test('the person of concern is withheld from the safety representative, and every read of it is audited', async () => {
    const employee = await harness.signIn('employee');
    const reported = await employee.post('/api/incidents', {
      ...threatAtDropIn(),
      personOfConcern: {
        isKnown: true,
        relation: 'client',
        gangCrimeLink: 'suspected',
        violentExtremismLink: 'unknown',
      },
    });
    const id = reported.json().id as string;
    const safetyRepresentative = await harness.signIn('safety_representative');
    const withheld = (await safetyRepresentative.get(`/api/incidents/${id}`)).json() as Incident;
    assert.equal(withheld.personOfConcern, null);
    assert.equal(withheld.isPersonOfConcernWithheld, true);
    const reads = () =>
      harness.db
        .selectFrom('auditEntries')
        .select('actorPersonId')
        .where('resourceId', '=', id)
        .where('action', '=', 'incident.person_of_concern.read')
        .execute();
    const before = (await reads()).length;
    const manager = await harness.signIn('manager');
    const shown = (await manager.get(`/api/incidents/${id}`)).json() as Incident;
    assert.equal(shown.personOfConcern?.gangCrimeLink, 'suspected');
    assert.equal((await reads()).length, before + 1);
  });

  test('an injury reported as a near miss, a future date, an unknown type or a huge text is refused and nothing stored', async () => {
    const employee = await harness.signIn('employee');
    const before = await countRows(harness.db, 'incidents');
    const refusals = [
      { ...threatAtDropIn(), kind: 'near_miss', consequences: { physicalInjury: true } },
      { ...threatAtDropIn(), occurredAt: new Date(Date.now() + 86_400_000).toISOString() },
      { ...threatAtDropIn(), types: ['alien_abduction'] },
      { ...threatAtDropIn(), description: 'x'.repeat(5001) },
      { ...threatAtDropIn(), place: { kind: 'site', siteId: randomUUID() } },
    ];
    const fields = [];
    for (const body of refusals) {
      const response = await employee.post('/api/incidents', body);
      assert.equal(response.statusCode, 400, response.body);
      assert.equal(response.headers['content-type'], 'application/problem+json; charset=utf-8');
      fields.push(response.json().errors[0].path);
    }
    assert.deepEqual(fields, ['kind', 'occurredAt', 'types.0', 'description', 'place.siteId']);
    assert.equal(await countRows(harness.db, 'incidents'), before);
  });

  test('the same Idempotency-Key twice files one report', async () => {
    const employee = await harness.signIn('employee');
    const before = await countRows(harness.db, 'incidents');
    const key = randomUUID();
    const body = threatAtDropIn();
    const first = await employee.post('/api/incidents', body, { 'idempotency-key': key });
    const second = await employee.post('/api/incidents', body, { 'idempotency-key': key });
    assert.equal(second.json().id, first.json().id);
    assert.equal(await countRows(harness.db, 'incidents'), before + 1);
  });

  test('the manager acknowledges, investigates and closes; a reopening needs a reason; the reporter sees each step', async () => {
    const employee = await harness.signIn('employee');
    const id = (await employee.post('/api/incidents', threatAtDropIn())).json().id as string;
    const manager = await harness.signIn('manager');
    assert.equal((await employee.post(`/api/incidents/${id}/status`, { status: 'acknowledged' })).statusCode, 403);
    assert.equal(
      (await manager.post(`/api/incidents/${id}/status`, { status: 'closed' })).statusCode,
      400,
      'no skipping',
    );
    for (const status of ['acknowledged', 'investigating', 'closed']) {
      const moved = await manager.post(`/api/incidents/${id}/status`, { status });
      assert.equal(moved.statusCode, 200, moved.body);
    }
    const reopenWithoutReason = await manager.post(`/api/incidents/${id}/status`, { status: 'investigating' });
    assert.equal(reopenWithoutReason.json().errors[0].path, 'comment');
    const reopened = await manager.post(`/api/incidents/${id}/status`, {
      status: 'investigating',
      comment: 'Ny händelse med samma besökare.',
    });
    assert.equal(reopened.json().status, 'investigating');
    const seenByReporter = (await employee.get(`/api/incidents/${id}`)).json() as Incident;
    assert.deepEqual(
      seenByReporter.timeline.map((event) => event.toStatus),
      ['reported', 'acknowledged', 'investigating', 'closed', 'investigating'],
    );
  });

  test('a manager cannot move an incident outside their unit (404, as if absent)', async () => {
    const employee = await harness.signIn('employee');
    const atJarva = await employee.post('/api/incidents', {
      ...threatAtDropIn(),
      place: { kind: 'site', siteId: siteIds.get('Jobbtorg Järva') },
    });
    const manager = await harness.signIn('manager');
    const moved = await manager.post(`/api/incidents/${atJarva.json().id}/status`, { status: 'acknowledged' });
    assert.equal(moved.statusCode, 404);
  });

  test('lists filter by kind, type and seriousness and page by time', async () => {
    const employee = await harness.signIn('employee');
    await employee.post('/api/incidents', {
      ...threatAtDropIn(),
      kind: 'risk_observation',
      types: ['property_damage'],
    });
    await employee.post('/api/incidents', { ...threatAtDropIn(), types: ['violence'], isWeaponInvolved: true });
    const coordinator = await harness.signIn('security_coordinator');
    const serious = (await coordinator.get('/api/incidents?isSerious=true')).json().items as {
      isSerious: boolean;
      types: string[];
    }[];
    assert.ok(serious.length >= 1 && serious.every((item) => item.isSerious));
    const observations = (await coordinator.get('/api/incidents?kind=risk_observation&type=property_damage')).json()
      .items;
    assert.ok(observations.length >= 1);
    const firstPage = (await coordinator.get('/api/incidents?limit=2')).json();
    const secondPage = (await coordinator.get(`/api/incidents?limit=2&after=${firstPage.nextCursor}`)).json();
    assert.equal(firstPage.items.length, 2);
    assert.ok(Date.parse(firstPage.items[1].occurredAt) >= Date.parse(secondPage.items[0].occurredAt));
  });
  test('the answer to a submission is the incident as its reporter then reads it, the person of concern read audited', async () => {
    const auditedConcernReads = async (id: string) =>
      (
        await harness.db
          .selectFrom('auditEntries')
          .select('id')
          .where('action', '=', 'incident.person_of_concern.read')
          .where('resourceId', '=', id)
          .execute()
      ).length;
    const employeeId = ((await (await harness.signIn('employee')).get('/api/auth/me')).json() as { personId: string })
      .personId;
    const concern = {
      isKnown: true,
      relation: 'client',
      gangCrimeLink: 'suspected',
      description: 'Känd sedan tidigare.',
    };
    const cases = [
      // no need-to-know: the person of concern is withheld from the reporter's own answer
      ['employee', { ...threatAtDropIn(), place: { kind: 'site', siteId: siteIds.get('Jobbtorg Järva') } }, 0],
      ['employee', { ...threatAtDropIn(), personOfConcern: concern }, 0],
      // need-to-know in the unit: shown, and that read is audited
      ['manager', { ...threatAtDropIn(), personOfConcern: concern, isWeaponInvolved: true }, 1],
      ['manager', { ...threatAtDropIn(), onBehalfOfPersonId: employeeId, personOfConcern: concern }, 1],
    ] as const;
    for (const [role, report, concernReads] of cases) {
      const reporter = await harness.signIn(role);
      const reported = await reporter.post('/api/incidents', report);
      assert.equal(reported.statusCode, 201, reported.body);
      const answered = reported.json() as Incident;
      assert.equal(await auditedConcernReads(answered.id), concernReads, `${role}: audited reads after the report`);
      const read = await reporter.get(`/api/incidents/${answered.id}`);
      assert.deepEqual(answered, read.json(), role);
    }
  });

  test("the report form's sites: an employee without the site register gets their own unit's, a coordinator the administration's", async () => {
    const employee = await harness.signIn('employee');
    assert.equal((await employee.get('/api/sites')).statusCode, 403);
    const offered = await employee.get('/api/incidents/sites');
    assert.equal(offered.statusCode, 200, offered.body);
    assert.deepEqual(
      (offered.json() as { name: string }[]).map((site) => site.name),
      ['Jobbtorg City'],
    );
    const coordinator = await harness.signIn('security_coordinator');
    const names = ((await coordinator.get('/api/incidents/sites')).json() as { name: string }[]).map(
      (site) => site.name,
    );
    assert.ok(names.includes('Jobbtorg Järva') && names.includes('Komvux Stockholm, Kista'), names.join());
    assert.ok(!names.includes('Exempelgymnasiet') && !names.includes('Stadshuset'), names.join());
    const otherTenant = await harness.signIn('employee', 'other');
    const theirs = (await otherTenant.get('/api/incidents/sites')).json() as { id: string }[];
    assert.ok(theirs.every((site) => ![...siteIds.values()].includes(site.id)));
  });
});
