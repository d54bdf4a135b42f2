import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { IncidentReportInput, IncidentSummary } from '@varn/domain';
import ExcelJS from 'exceljs';
import { createTestApp, type TestApp, type TestClient } from '../testing/test-app.ts';
import { describeEachDatabase } from '../testing/test-database.ts';

// 22:30 UTC on 20 November is 23:30 in Stockholm (CET): still the 20th there.
const lateOnThe20th = '2026-11-20T22:30:00.000Z';
// 23:30 UTC is 00:30 on the 21st in Stockholm, though still the 20th in UTC.
const earlyOnThe21st = '2026-11-20T23:30:00.000Z';

const report = (overrides: Partial<IncidentReportInput> = {}): IncidentReportInput => ({
  kind: 'incident',
  types: ['threat'],
  occurredAt: '2026-11-10T09:00:00.000Z',
  place: { kind: 'free', description: 'Receptionen' },
  context: 'drop_in',
  description: 'En besökare hotade personalen.',
  ...overrides,
});

const ids = (page: { items: IncidentSummary[] }) => page.items.map((item) => item.id);

async function parseWorkbook(body: Buffer) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(body as unknown as ArrayBuffer);
  const sheet = workbook.getWorksheet('Händelser');
  assert.ok(sheet, 'the sheet Händelser');
  const rows: unknown[][] = [];
  sheet.eachRow((row) => {
    rows.push(Array.from(row.values as unknown[]).slice(1));
  });
  return { headings: rows[0] as string[], rows: rows.slice(1) };
}

describeEachDatabase('incident lists and export', (kind) => {
  let harness: TestApp;
  let employee: TestClient;
  let coordinator: TestClient;
  type Made = 'late20' | 'early21' | 'policeMade' | 'gangSuspected' | 'extremismConfirmed' | 'atSfi' | 'atGymnasium';
  const made = {} as Record<Made, string>;
  let unitIds: Map<string, string>;

  before(async () => {
    harness = await createTestApp(kind);
    employee = await harness.signIn('employee');
    coordinator = await harness.signIn('security_coordinator');
    const units = await harness.db.selectFrom('orgUnits').select(['id', 'code', 'tenantId']).execute();
    const demoTenant = (
      await harness.db.selectFrom('tenants').select('id').where('slug', '=', 'demo').executeTakeFirst()
    )?.id;
    unitIds = new Map(units.filter((unit) => unit.tenantId === demoTenant).map((unit) => [unit.code ?? '', unit.id]));
    const file = async (name: Made, body: IncidentReportInput, client = employee) => {
      const response = await client.post('/api/incidents', body);
      assert.equal(response.statusCode, 201, response.body);
      made[name] = response.json().id;
    };
    await file('late20', report({ occurredAt: lateOnThe20th }));
    await file('early21', report({ occurredAt: earlyOnThe21st }));
    await file(
      'policeMade',
      report({ policeReport: { status: 'made', reportedBy: 'self', reportedOn: '2026-11-10' } }),
    );
    await file(
      'gangSuspected',
      report({
        personOfConcern: { isKnown: true, relation: 'client', gangCrimeLink: 'suspected' },
        occurredAt: '2026-11-11T10:00:00.000Z',
      }),
    );
    await file(
      'extremismConfirmed',
      report({
        personOfConcern: { isKnown: false, relation: 'public', violentExtremismLink: 'confirmed' },
        occurredAt: '2026-11-12T10:00:00.000Z',
      }),
    );
    await file('atSfi', report({ unitId: unitIds.get('AMF-SFI') as string }));
    await file('atGymnasium', report({ unitId: unitIds.get('UTF-GY') as string }));
  });
  after(() => harness.close());

  test('from and to are Stockholm dates: 23:30 on the to date is in, 00:30 the day after is not', async () => {
    const onThe20th = (await coordinator.get('/api/incidents?from=2026-11-20&to=2026-11-20')).json();
    assert.deepEqual(ids(onThe20th), [made.late20]);
    const onThe21st = (await coordinator.get('/api/incidents?from=2026-11-21&to=2026-11-21')).json();
    assert.deepEqual(ids(onThe21st), [made.early21]);
  });

  test('the police report filter, including reports without police information', async () => {
    const reported = (await coordinator.get('/api/incidents?policeReport=made')).json();
    assert.deepEqual(ids(reported), [made.policeMade]);
    const none = (await coordinator.get('/api/incidents?policeReport=none&limit=100')).json();
    assert.ok(ids(none).includes(made.late20));
    assert.ok(!ids(none).includes(made.policeMade));
  });

  test('the unit filter takes the unit with its subtree', async () => {
    const department = (await coordinator.get(`/api/incidents?unitId=${unitIds.get('AMF-UJC')}`)).json();
    assert.deepEqual(ids(department), [made.atSfi]);
    const administration = (await coordinator.get(`/api/incidents?unitId=${unitIds.get('AMF')}&limit=100`)).json();
    assert.ok(ids(administration).includes(made.atSfi) && ids(administration).includes(made.late20));
    // Outside the coordinator's administration: the filter never widens the scope.
    const school = (await coordinator.get(`/api/incidents?unitId=${unitIds.get('UTF-GY')}`)).json();
    assert.deepEqual(ids(school), []);
  });

  test('the gang-crime and extremism filters work for need-to-know roles and are refused (403) to others', async () => {
    const gang = (await coordinator.get('/api/incidents?gangCrimeLink=suspected')).json();
    assert.deepEqual(ids(gang), [made.gangSuspected]);
    assert.deepEqual(ids((await coordinator.get('/api/incidents?gangCrimeLink=confirmed')).json()), []);
    const extremism = (await coordinator.get('/api/incidents?violentExtremismLink=confirmed')).json();
    assert.deepEqual(ids(extremism), [made.extremismConfirmed]);
    const safetyRepresentative = await harness.signIn('safety_representative');
    for (const query of ['gangCrimeLink=suspected', 'violentExtremismLink=confirmed']) {
      const refused = await safetyRepresentative.get(`/api/incidents?${query}`);
      assert.equal(refused.statusCode, 403, query);
      assert.equal(refused.json().code, 'forbidden');
      assert.equal((await safetyRepresentative.get(`/api/incidents/export?${query}`)).statusCode, 403, query);
    }
    // The reporter's own self grant carries no need-to-know either.
    assert.equal((await employee.get('/api/incidents?gangCrimeLink=suspected')).statusCode, 403);
  });

  test('keyset pages still run through a filtered list', async () => {
    const first = (await coordinator.get('/api/incidents?policeReport=none&limit=2')).json();
    const second = (await coordinator.get(`/api/incidents?policeReport=none&limit=2&after=${first.nextCursor}`)).json();
    assert.equal(first.items.length, 2);
    assert.ok(second.items.length >= 1);
    assert.equal(new Set([...ids(first), ...ids(second)]).size, first.items.length + second.items.length);
  });

  test('a scope in parts (the unit, and own reports elsewhere) pages each incident once, newest first', async () => {
    const manager = await harness.signIn('manager');
    const ownElsewhere = await manager.post(
      '/api/incidents',
      report({ unitId: unitIds.get('UTF-GY') as string, occurredAt: '2026-11-15T12:00:00.000Z' }),
    );
    assert.equal(ownElsewhere.statusCode, 201, ownElsewhere.body);
    const whole = ids((await manager.get('/api/incidents?limit=100')).json());
    assert.ok(whole.includes(ownElsewhere.json().id) && whole.includes(made.late20));
    assert.ok(!whole.includes(made.atGymnasium), "another reporter's incident at the school");
    const paged: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: IncidentSummary[]; nextCursor: string | null } = (
        await manager.get(`/api/incidents?limit=2${cursor ? `&after=${cursor}` : ''}`)
      ).json();
      paged.push(...ids(page));
      cursor = page.nextCursor;
    } while (cursor);
    assert.deepEqual(paged, whole);
  });

  test("a manager's export: Swedish headings, Stockholm time, own unit only, no person-of-concern columns; audited", async () => {
    const manager = await harness.signIn('manager');
    const response = await manager.get('/api/incidents/export?from=2026-11-20&to=2026-11-20');
    assert.equal(response.statusCode, 200, response.body);
    assert.equal(response.headers['content-type'], 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    assert.match(
      String(response.headers['content-disposition']),
      /attachment; filename="handelser-\d{4}-\d{2}-\d{2}\.xlsx"/,
    );
    assert.equal(response.headers['x-row-count'], '1');
    const { headings, rows } = await parseWorkbook(response.rawPayload);
    assert.deepEqual(headings, [
      'Id',
      'Tidpunkt',
      'Slag',
      'Typ',
      'Sammanhang',
      'Enhet',
      'Parti',
      'Status',
      'Allvarlig',
      'Polisanmälan',
    ]);
    assert.equal(rows.length, 1);
    const row = rows[0] as unknown[];
    assert.equal(row[0], made.late20);
    // The cell holds the Stockholm wall clock: 23:30 on the 20th.
    assert.equal((row[1] as Date).toISOString(), '2026-11-20T23:30:00.000Z');
    assert.deepEqual(row.slice(2), [
      'Händelse',
      'Hot',
      'Besök utan tidsbokning (drop-in)',
      'Jobbtorg City',
      undefined,
      'Rapporterad',
      'Nej',
      'Ingen uppgift',
    ]);
    const all = await parseWorkbook((await manager.get('/api/incidents/export')).rawPayload);
    const exported = all.rows.map((cells) => cells[0]);
    assert.ok(exported.includes(made.gangSuspected));
    assert.ok(!exported.includes(made.atSfi) && !exported.includes(made.atGymnasium), "other units' incidents");
    const audit = await harness.db
      .selectFrom('auditEntries')
      .select(['action', 'details'])
      .where('action', 'like', 'incident.%')
      .where('resourceType', 'in', ['incident', 'incident_export'])
      .where('resourceId', 'is', null)
      .execute();
    const details = audit.map((entry) =>
      typeof entry.details === 'string' ? JSON.parse(entry.details) : (entry.details as Record<string, unknown>),
    );
    assert.ok(
      details.some(
        (entry) => entry.rowCount === 1 && entry.filter?.to === '2026-11-20' && entry.includesPersonOfConcern === false,
      ),
      JSON.stringify(details),
    );
  });

  test("the security department's export has the person-of-concern columns, and is audited as such a read", async () => {
    const securityDepartment = await harness.signIn('security_department');
    const response = await securityDepartment.get('/api/incidents/export?gangCrimeLink=suspected');
    assert.equal(response.statusCode, 200, response.body);
    const { headings, rows } = await parseWorkbook(response.rawPayload);
    assert.deepEqual(headings.slice(-4), [
      'Hotfull person känd',
      'Hotfull persons relation',
      'Koppling till gängkriminalitet',
      'Koppling till våldsbejakande extremism',
    ]);
    assert.equal(rows.length, 1);
    assert.deepEqual(rows[0]?.slice(-4), ['Ja', 'Besökare eller klient', 'Misstänkt', 'Okänd']);
    const concernReads = await harness.db
      .selectFrom('auditEntries')
      .select('id')
      .where('action', '=', 'incident.person_of_concern.read')
      .where('resourceType', '=', 'incident_export')
      .execute();
    assert.equal(concernReads.length, 1);
    const coordinatorsExport = await parseWorkbook((await coordinator.get('/api/incidents/export')).rawPayload);
    assert.ok(!coordinatorsExport.headings.includes('Koppling till gängkriminalitet'));
  });
});
