import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Incident, IncidentReportInput, Role } from '@varn/domain';
import { createTestApp, type TestApp, type TestClient } from '../testing/test-app.ts';
import { countRows, describeEachDatabase } from '../testing/test-database.ts';

const report = (overrides: Partial<IncidentReportInput> = {}): IncidentReportInput => ({
  kind: 'incident',
  types: ['threat'],
  occurredAt: new Date(Date.now() - 3_600_000).toISOString(),
  place: { kind: 'free', description: 'Receptionen' },
  context: 'drop_in',
  description: 'En besökare hotade min medarbetare, som bad mig rapportera.',
  ...overrides,
});

describeEachDatabase('reporting on behalf of someone', (kind) => {
  let harness: TestApp;
  let tenantId: string;
  const unitIds = new Map<string, string>();
  const partyIds = new Map<string, string>();

  const personIdOf = async (role: Role) =>
    (
      (await (await harness.signIn(role)).get('/api/auth/me')).json() as {
        personId: string;
      }
    ).personId;

  async function addPerson(values: {
    kind: 'employee' | 'elected_official';
    givenName: string;
    unit?: string;
    party?: string;
  }): Promise<string> {
    const row = await harness.db
      .insertInto('people')
      .values({
        tenantId,
        kind: values.kind,
        givenName: values.givenName,
        familyName: 'Testsson',
        email: null,
        phone: null,
        employeeNumber: null,
        title: null,
        unitId: values.unit ? (unitIds.get(values.unit) ?? null) : null,
        partyId: values.party ? (partyIds.get(values.party) ?? null) : null,
        officialCategory: values.kind === 'elected_official' ? 'leisure' : null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  }

  const notificationsOf = (incidentId: string) =>
    harness.db
      .selectFrom('notifications')
      .select(['recipientPersonId', 'kind'])
      .where('incidentId', '=', incidentId)
      .execute();

  before(async () => {
    harness = await createTestApp(kind);
    const tenant = await harness.db
      .selectFrom('tenants')
      .select('id')
      .where('slug', '=', 'demo')
      .executeTakeFirstOrThrow();
    tenantId = tenant.id;
    for (const unit of await harness.db
      .selectFrom('orgUnits')
      .select(['id', 'code'])
      .where('tenantId', '=', tenantId)
      .execute()) {
      unitIds.set(unit.code ?? '', unit.id);
    }
    for (const party of await harness.db
      .selectFrom('parties')
      .select(['id', 'abbreviation'])
      .where('tenantId', '=', tenantId)
      .execute()) {
      partyIds.set(party.abbreviation, party.id);
    }
  });
  after(() => harness.close());

  test('a manager reports for an employee of the unit: the employee is the reporter and is told; the timeline names both', async () => {
    const manager = await harness.signIn('manager');
    const managerId = await personIdOf('manager');
    const employeeId = await personIdOf('employee');
    const response = await manager.post('/api/incidents', report({ onBehalfOfPersonId: employeeId }));
    assert.equal(response.statusCode, 201, response.body);
    const incident = response.json() as Incident;
    assert.equal(incident.reporter.personId, employeeId);
    assert.equal(incident.registeredBy?.personId, managerId);
    assert.equal(incident.timeline[0]?.actorName, incident.registeredBy?.name);
    const employee = await harness.signIn('employee');
    const seen = (await employee.get(`/api/incidents/${incident.id}`)).json() as Incident;
    assert.equal(seen.registeredBy?.personId, managerId, 'the employee sees their report, and who made it');
    const notifications = await notificationsOf(incident.id);
    assert.ok(
      notifications.some(
        (item) => item.recipientPersonId === employeeId && item.kind === 'incident_reported_on_behalf',
      ),
    );
    assert.ok(!notifications.some((item) => item.recipientPersonId === managerId), 'the registrant already knows');
    const [audit] = await harness.db
      .selectFrom('auditEntries')
      .select(['actorPersonId', 'details'])
      .where('action', '=', 'incident.report')
      .where('resourceId', '=', incident.id)
      .execute();
    assert.equal(audit?.actorPersonId, managerId);
    const details = typeof audit?.details === 'string' ? JSON.parse(audit.details) : audit?.details;
    assert.equal(details.onBehalfOfPersonId, employeeId);
  });

  test("routing follows the affected person's unit: the manager of that unit is told", async () => {
    // The demo manager also leads all of Jobbtorg; Järva has a manager of its own.
    const cityManagerId = await personIdOf('manager');
    await harness.db
      .insertInto('roleGrants')
      .values({
        tenantId,
        personId: cityManagerId,
        role: 'manager',
        scopeKind: 'org_unit',
        orgUnitId: unitIds.get('AMF-JT') as string,
        partyId: null,
      })
      .execute();
    const jarvaManagerId = await addPerson({ kind: 'employee', givenName: 'Järvachef', unit: 'AMF-JT-JARVA' });
    await harness.db
      .insertInto('roleGrants')
      .values({
        tenantId,
        personId: jarvaManagerId,
        role: 'manager',
        scopeKind: 'org_unit',
        orgUnitId: unitIds.get('AMF-JT-JARVA') as string,
        partyId: null,
      })
      .execute();
    const jarvaEmployeeId = await addPerson({ kind: 'employee', givenName: 'Järvaanställd', unit: 'AMF-JT-JARVA' });
    const manager = await harness.signIn('manager');
    const response = await manager.post('/api/incidents', report({ onBehalfOfPersonId: jarvaEmployeeId }));
    assert.equal(response.statusCode, 201, response.body);
    const incident = response.json() as Incident;
    assert.equal(incident.unitId, unitIds.get('AMF-JT-JARVA'), "the report belongs to the employee's unit");
    const notifications = await notificationsOf(incident.id);
    assert.ok(
      notifications.some((item) => item.recipientPersonId === jarvaManagerId && item.kind === 'incident_reported'),
    );
    assert.ok(
      notifications.some(
        (item) => item.recipientPersonId === jarvaEmployeeId && item.kind === 'incident_reported_on_behalf',
      ),
    );
  });

  test('a person outside the manager’s part, or not staff, answers 404 and nothing is stored', async () => {
    const manager = await harness.signIn('manager');
    const schoolEmployeeId = await addPerson({ kind: 'employee', givenName: 'Lärare', unit: 'UTF-GY' });
    const officialId = await personIdOf('elected_official');
    const otherTenantEmployee = await harness.db
      .selectFrom('people')
      .innerJoin('tenants', 'tenants.id', 'people.tenantId')
      .select('people.id')
      .where('tenants.slug', '=', 'annan')
      .where('people.kind', '=', 'employee')
      .executeTakeFirstOrThrow();
    const before = await countRows(harness.db, 'incidents');
    const notificationsBefore = await countRows(harness.db, 'notifications');
    for (const personId of [schoolEmployeeId, officialId, otherTenantEmployee.id]) {
      const response = await manager.post('/api/incidents', report({ onBehalfOfPersonId: personId }));
      assert.equal(response.statusCode, 404, response.body);
      assert.equal(response.json().code, 'not_found');
    }
    assert.equal(await countRows(harness.db, 'incidents'), before);
    assert.equal(await countRows(harness.db, 'notifications'), notificationsBefore);
  });

  test('an employee cannot report for a colleague; a safety representative cannot either', async () => {
    const colleagueId = await addPerson({ kind: 'employee', givenName: 'Kollega', unit: 'AMF-JT-CITY' });
    for (const role of ['employee', 'safety_representative'] as const) {
      const client: TestClient = await harness.signIn(role);
      const response = await client.post('/api/incidents', report({ onBehalfOfPersonId: colleagueId }));
      assert.equal(response.statusCode, 404, role);
    }
  });

  test("a party office reports for an official of its party, routed to the security department; another party's official is 404", async () => {
    const partyOffice = await harness.signIn('party_security_contact');
    const officialId = await personIdOf('elected_official');
    const response = await partyOffice.post(
      '/api/incidents',
      report({ context: 'public_appearance', onBehalfOfPersonId: officialId }),
    );
    assert.equal(response.statusCode, 201, response.body);
    const incident = response.json() as Incident;
    assert.equal(incident.partyId, partyIds.get('S'));
    assert.equal(incident.reporter.personId, officialId);
    const securityDepartmentId = await personIdOf('security_department');
    const notifications = await notificationsOf(incident.id);
    assert.ok(notifications.some((item) => item.recipientPersonId === securityDepartmentId));
    assert.ok(
      notifications.some(
        (item) => item.recipientPersonId === officialId && item.kind === 'incident_reported_on_behalf',
      ),
    );
    const otherParty = [...partyIds.keys()].find((abbreviation) => abbreviation !== 'S') as string;
    const otherOfficialId = await addPerson({ kind: 'elected_official', givenName: 'Ledamot', party: otherParty });
    const before = await countRows(harness.db, 'incidents');
    const refused = await partyOffice.post('/api/incidents', report({ onBehalfOfPersonId: otherOfficialId }));
    assert.equal(refused.statusCode, 404, refused.body);
    assert.equal(await countRows(harness.db, 'incidents'), before);
  });
});
