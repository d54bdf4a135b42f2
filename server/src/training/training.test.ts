import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { addDays, addMonths, type Coverage, stockholmDate, validUntilOf } from '@varn/domain';
import { sql } from 'kysely';
import { createTestApp, type TestApp, type TestClient } from '../testing/test-app.ts';
import { countRows, describeEachDatabase } from '../testing/test-database.ts';
import { queuedRenewalReminders, renewalReminderAt, renewalReminderRecipients } from './reminders.ts';

describeEachDatabase('training', (kind) => {
  let harness: TestApp;
  let coordinator: TestClient;
  let department: TestClient;
  before(async () => {
    harness = await createTestApp(kind);
    coordinator = await harness.signIn('security_coordinator');
    department = await harness.signIn('security_department');
  });
  after(() => harness.close());

  const demoTenantId = async () =>
    (await harness.db.selectFrom('tenants').select('id').where('slug', '=', 'demo').executeTakeFirstOrThrow()).id;
  const unitId = async (code: string) =>
    (
      await harness.db
        .selectFrom('orgUnits')
        .select('id')
        .where('tenantId', '=', await demoTenantId())
        .where('code', '=', code)
        .executeTakeFirstOrThrow()
    ).id;
  const peopleOfUnit = async (code: string) =>
    harness.db
      .selectFrom('people')
      .select(['id', 'employeeNumber', 'email', 'givenName'])
      .where('unitId', '=', await unitId(code))
      .orderBy('familyName')
      .orderBy('givenName')
      .execute();

  async function createCourse(client: TestClient, body: Record<string, unknown>) {
    const response = await client.post('/api/training/courses', {
      description: '',
      validityMonths: 12,
      ...body,
    });
    assert.equal(response.statusCode, 201, response.body);
    return response.json() as { id: string };
  }

  test('the target group follows its rules: unit subtree, role, official category', async () => {
    const city = await unitId('AMF-JT-CITY');
    const byUnit = await createCourse(department, {
      name: 'PDV för Jobbtorg City',
      targetGroup: { orgUnitIds: [city], roles: [], officialCategories: [] },
    });
    const unitCount = (await peopleOfUnit('AMF-JT-CITY')).length;
    const coverage = (await department.get(`/api/training/coverage?courseId=${byUnit.id}`)).json() as Coverage;
    assert.equal(coverage.totals.targetCount, unitCount);

    const byRole = await createCourse(department, {
      name: 'Larmhantering för tjänsteperson i beredskap',
      targetGroup: { orgUnitIds: [], roles: ['duty_officer'], officialCategories: [] },
    });
    const roleCoverage = (await department.get(`/api/training/coverage?courseId=${byRole.id}`)).json() as Coverage;
    assert.equal(roleCoverage.totals.targetCount, 1);
    assert.match(roleCoverage.people[0]?.name ?? '', /Tove Beredskap/);

    const byCategory = await createCourse(department, {
      name: 'Personsäkerhetsutbildning',
      validityMonths: 24,
      targetGroup: { orgUnitIds: [], roles: [], officialCategories: ['specially_remunerated'] },
    });
    const officials = await countRows(harness.db, 'people'); // sanity: the tenant has people
    assert.ok(officials > 0);
    const specially = await harness.db
      .selectFrom('people')
      .select('id')
      .where('tenantId', '=', await demoTenantId())
      .where('officialCategory', '=', 'specially_remunerated')
      .execute();
    const categoryCoverage = (await department.get(`/api/training/coverage?courseId=${byCategory.id}`)).json();
    assert.equal(categoryCoverage.totals.targetCount, specially.length);
  });

  test('coverage counts valid, expiring and missing for a small known set, per unit', async () => {
    const course = await createCourse(coordinator, {
      name: 'Hot och våld grunder',
      targetGroup: { orgUnitIds: [await unitId('AMF-JT')], roles: [], officialCategories: [] },
    });
    const city = await peopleOfUnit('AMF-JT-CITY');
    const today = stockholmDate(new Date());
    const [first, second, third, fourth] = city;
    assert.ok(first && second && third && fourth);
    const record = (personIds: string[], completedOn: string) =>
      coordinator.post(`/api/training/courses/${course.id}/completions`, { personIds, completedOn });
    assert.equal((await record([first.id, second.id], today)).statusCode, 201);
    // Valid through the day before the anniversary: done 11 months and some days ago, it expires within 90 days.
    assert.equal((await record([third.id], addDays(addMonths(today, -12), 30))).statusCode, 201);
    assert.equal((await record([fourth.id], addMonths(today, -13))).statusCode, 201);

    const coverage = (
      await coordinator.get(`/api/training/coverage?courseId=${course.id}&orgUnitId=${await unitId('AMF-JT')}`)
    ).json() as Coverage;
    const jobbtorgCount = (
      await Promise.all(['AMF-JT-CITY', 'AMF-JT-JARVA', 'AMF-JT-SODER', 'AMF-JT-KAA'].map(peopleOfUnit))
    ).flat().length;
    assert.deepEqual(coverage.totals, {
      targetCount: jobbtorgCount,
      validCount: 2,
      expiringCount: 1,
      missingCount: jobbtorgCount - 3,
    });
    const cityRow = coverage.units.find((unit) => unit.name === 'Jobbtorg City');
    assert.deepEqual(
      { ...cityRow, orgUnitId: undefined, name: undefined },
      {
        orgUnitId: undefined,
        name: undefined,
        targetCount: city.length,
        validCount: 2,
        expiringCount: 1,
        missingCount: city.length - 3,
      },
    );
    assert.equal(coverage.units.length, 4);
    const expiring = coverage.people.find((person) => person.personId === third.id);
    assert.equal(expiring?.status, 'expiring');
    assert.equal(expiring?.validUntil, addDays(addMonths(addDays(addMonths(today, -12), 30), 12), -1));
    assert.equal(coverage.people.find((person) => person.personId === fourth.id)?.status, 'missing');
    assert.equal(
      coverage.people.some((person) => person.personId === first.id),
      false,
    );

    // A manager sees the coverage of their own unit only.
    const manager = await harness.signIn('manager');
    const own = (await manager.get(`/api/training/coverage?courseId=${course.id}`)).json() as Coverage;
    assert.equal(own.totals.targetCount, city.length);
    // The employee sees their own completions.
    const employee = await harness.signIn('employee');
    const mine = await employee.get('/api/training/my-completions');
    assert.equal(mine.statusCode, 200);
  });

  test('an occasion: enrol, record attendance, and the attended complete the course on its day', async () => {
    const course = await createCourse(coordinator, {
      name: 'Första hjälpen',
      validityMonths: 36,
      targetGroup: { orgUnitIds: [await unitId('AMF-SFI')], roles: [], officialCategories: [] },
    });
    const occasion = await coordinator.post(`/api/training/courses/${course.id}/occasions`, {
      startsAt: '2026-11-02T08:00:00Z',
      place: 'SFI Liljeholmen, sal 3',
      capacity: 3,
    });
    assert.equal(occasion.statusCode, 201, occasion.body);
    const occasionId = occasion.json().id as string;
    const sfi = await peopleOfUnit('AMF-SFI');
    const [came, stayedAway, tooMany] = sfi;
    assert.ok(came && stayedAway && tooMany);
    const enrol = await coordinator.post(`/api/training/occasions/${occasionId}/enrolments`, {
      personIds: [came.id, stayedAway.id],
    });
    assert.equal(enrol.statusCode, 204, enrol.body);

    const attendance = await coordinator.post(`/api/training/occasions/${occasionId}/attendance`, {
      attendedPersonIds: [came.id],
    });
    assert.equal(attendance.statusCode, 200, attendance.body);
    assert.deepEqual(attendance.json(), { completions: 1 });
    const again = await coordinator.post(`/api/training/occasions/${occasionId}/attendance`, {
      attendedPersonIds: [came.id],
    });
    assert.deepEqual(again.json(), { completions: 0 }, 'recording the list again adds nothing');

    const detail = (await coordinator.get(`/api/training/occasions/${occasionId}`)).json();
    assert.deepEqual(
      detail.participants.map((participant: { hasAttended: boolean }) => participant.hasAttended).sort(),
      [false, true],
    );
    const completion = await harness.db
      .selectFrom('trainingCompletions')
      .select(['completedOn', 'validUntil'])
      .where('courseId', '=', course.id)
      .where('personId', '=', came.id)
      .executeTakeFirstOrThrow();
    assert.equal(stockholmDate(new Date(completion.completedOn)), '2026-11-02');

    // The renewal reminder waits in the database for 90 days before expiry, to the person and manager.
    const reminders = await queuedRenewalReminders(harness.db, came.id, course.id);
    assert.equal(reminders.length, 1);
    assert.equal(reminders[0]?.validUntil, '2029-11-01');
    assert.equal(new Date(reminders[0]?.startAfter as Date).getTime(), renewalReminderAt('2029-11-01').getTime());
    const recipients = await renewalReminderRecipients(harness.db, {
      tenantId: await demoTenantId(),
      courseId: course.id,
      personId: came.id,
      validUntil: '2029-11-01',
    });
    assert.equal(recipients[0], came.id);

    const coverage = (await coordinator.get(`/api/training/coverage?courseId=${course.id}`)).json() as Coverage;
    assert.equal(coverage.totals.validCount, 1);
  });

  test("another administration's people and units, and another tenant's courses, answer 404", async () => {
    const course = await createCourse(department, {
      name: 'PDV för gymnasiet',
      targetGroup: { orgUnitIds: [await unitId('UTF')], roles: [], officialCategories: [] },
    });
    const school = await peopleOfUnit('UTF-GY');
    const outside = await coordinator.get(
      `/api/training/coverage?courseId=${course.id}&orgUnitId=${await unitId('UTF')}`,
    );
    assert.equal(outside.statusCode, 404);
    const record = await coordinator.post(`/api/training/courses/${course.id}/completions`, {
      personIds: [school[0]?.id],
      completedOn: stockholmDate(new Date()),
    });
    assert.equal(record.statusCode, 404);
    // Within the tenant the coordinator sees the course, but nobody of the school in its coverage.
    const own = (await coordinator.get(`/api/training/coverage?courseId=${course.id}`)).json() as Coverage;
    assert.equal(own.totals.targetCount, 0);

    const stranger = await harness.signIn('security_coordinator', 'other');
    assert.equal((await stranger.get(`/api/training/courses/${course.id}`)).statusCode, 404);
    assert.equal((await stranger.get(`/api/training/coverage?courseId=${course.id}`)).statusCode, 404);

    const employee = await harness.signIn('employee');
    assert.equal((await employee.post('/api/training/courses', {})).statusCode, 403);
  });

  test('a paper list and an enrolment are all or nothing; a changed course keeps recorded validity', async () => {
    const course = await createCourse(coordinator, {
      name: 'Larm på Jobbtorg',
      validityMonths: 12,
      targetGroup: { orgUnitIds: [await unitId('AMF-JT-CITY')], roles: [], officialCategories: [] },
    });
    const [first, second] = await peopleOfUnit('AMF-JT-CITY');
    const [school] = await peopleOfUnit('UTF-GY');
    assert.ok(first && second && school);
    const before = await countRows(harness.db, 'training_completions');
    const today = stockholmDate(new Date());
    const mixed = await coordinator.post(`/api/training/courses/${course.id}/completions`, {
      personIds: [first.id, second.id, school.id],
      completedOn: today,
    });
    assert.equal(mixed.statusCode, 404, 'someone outside the scope fails the whole list');
    assert.equal(await countRows(harness.db, 'training_completions'), before, 'nobody of the list was recorded');

    const occasion = await coordinator.post(`/api/training/courses/${course.id}/occasions`, {
      startsAt: '2026-12-02T08:00:00Z',
      place: 'Jobbtorg City',
      capacity: 1,
    });
    const occasionId = occasion.json().id as string;
    const full = await coordinator.post(`/api/training/occasions/${occasionId}/enrolments`, {
      personIds: [first.id, second.id],
    });
    assert.equal(full.statusCode, 400, full.body);
    assert.match(full.body, /occasion_full/);
    const detail = (await coordinator.get(`/api/training/occasions/${occasionId}`)).json();
    assert.equal(detail.participants.length, 0, 'nobody enrolled when they do not all fit');

    const recorded = await coordinator.post(`/api/training/courses/${course.id}/completions`, {
      personIds: [first.id, second.id],
      completedOn: today,
    });
    assert.deepEqual(recorded.json(), { completions: 2 });
    const changed = await coordinator.request({
      method: 'PUT',
      url: `/api/training/courses/${course.id}`,
      payload: {
        name: 'Larm på Jobbtorg och SFI',
        description: 'Larmknappar och rutiner.',
        validityMonths: 24,
        targetGroup: {
          orgUnitIds: [await unitId('AMF-JT-CITY'), await unitId('AMF-SFI')],
          roles: ['duty_officer'],
          officialCategories: [],
        },
        isProgrammeTraining: false,
      },
    });
    assert.equal(changed.statusCode, 200, changed.body);
    assert.equal(changed.json().name, 'Larm på Jobbtorg och SFI');
    const coverage = (await department.get(`/api/training/coverage?courseId=${course.id}`)).json() as Coverage;
    const targets = (await peopleOfUnit('AMF-JT-CITY')).length + (await peopleOfUnit('AMF-SFI')).length + 1;
    assert.equal(coverage.totals.targetCount, targets, 'both units and the duty officer');
    const validities = await harness.db
      .selectFrom('trainingCompletions')
      .select(sql<string>`valid_until::text`.as('validUntil'))
      .where('courseId', '=', course.id)
      .execute();
    assert.deepEqual(
      validities.map((row) => row.validUntil),
      [validUntilOf(today, 12), validUntilOf(today, 12)],
      'recorded completions keep the validity they were given',
    );
  });

  test('a CSV import with bad rows reports each of them and imports nothing', async () => {
    const course = await createCourse(coordinator, {
      name: 'Den digitala kursen i personlig säkerhet',
      validityMonths: null,
      targetGroup: { orgUnitIds: [await unitId('AMF')], roles: [], officialCategories: [] },
    });
    const [anna, bo] = await peopleOfUnit('AMF-KOMVUX');
    const school = await peopleOfUnit('UTF-GY');
    assert.ok(anna && bo && school[0]);
    const before = await countRows(harness.db, 'training_completions');
    const csv = [
      'employee_number;email;completed_on',
      `${anna.employeeNumber};;2026-10-01`,
      'X9999;;2026-10-01',
      `${bo.employeeNumber};;1. oktober`,
      `${school[0].employeeNumber};;2026-10-01`,
      `${bo.employeeNumber};;2999-01-01`,
    ].join('\n');
    const importUrl = `/api/training/courses/${course.id}/completions/import`;
    const failed = await coordinator.request({
      method: 'POST',
      url: importUrl,
      payload: csv,
      headers: { 'content-type': 'text/csv' },
    });
    assert.equal(failed.statusCode, 422, failed.body);
    assert.equal(failed.json().code, 'import_failed');
    assert.deepEqual((failed.json().errors as { path: string }[]).map((error) => error.path).sort(), [
      'row 3.employee_number',
      'row 4.completed_on',
      'row 5.employee_number',
      'row 6.completed_on',
    ]);
    assert.equal(await countRows(harness.db, 'training_completions'), before, 'nothing was imported');

    const good = await coordinator.request({
      method: 'POST',
      url: importUrl,
      payload: `employee_number,email,completed_on\n${anna.employeeNumber},,2026-10-01\n,${'MEDARBETARE@demo.varn.se'},2026-09-15\n`,
      headers: { 'content-type': 'text/csv' },
    });
    assert.equal(good.statusCode, 200, good.body);
    assert.deepEqual(good.json(), { completions: 2 });
    const coverage = (await coordinator.get(`/api/training/coverage?courseId=${course.id}`)).json() as Coverage;
    assert.equal(coverage.totals.validCount, 2, 'a course that never expires stays valid');
  });
});
