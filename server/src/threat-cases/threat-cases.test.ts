import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import {
  assessmentFactors,
  type FactorRating,
  type Role,
  type ThreatAssessmentInput,
  type ThreatCase,
  type ThreatCaseInput,
  type ThreatCaseSummary,
} from '@varn/domain';
import { sql } from 'kysely';
import { threatAtDropIn } from '../testing/incident-reports.ts';
import { createTestApp, type TestApp } from '../testing/test-app.ts';
import { countRows, describeEachDatabase } from '../testing/test-database.ts';
import { markReviewDue } from './review-reminders.ts';

const protectedAddress = 'Hemliga vägen 7, 123 45 Skarpnäck';
const concernAddress = 'Okändavägen 3, 163 70 Spånga';

function ratings(overrides: Record<string, FactorRating> = {}) {
  return assessmentFactors.map((factor) => ({
    factorId: factor.id,
    rating: overrides[factor.id] ?? ('not_present' as const),
    note: '',
  }));
}

const assessment = (level: ThreatAssessmentInput['level'], overrides: Record<string, FactorRating> = {}) =>
  ({
    templateVersion: 1,
    ratings: ratings(overrides),
    level,
    justification: 'Bedömningen grundar sig på händelserna och samtal med polisen.',
    recommendedMeasures: 'Inga enskilda möten; personlarm.',
  }) satisfies ThreatAssessmentInput;

describeEachDatabase('threat cases', (kind) => {
  let harness: TestApp;
  let cityUnitId: string;
  let educationAdministrationId: string;
  before(async () => {
    harness = await createTestApp(kind);
    const tenantId = (await personOf('manager')).tenantId;
    const unitIdOf = async (code: string) =>
      (
        await harness.db
          .selectFrom('orgUnits')
          .select('id')
          .where('tenantId', '=', tenantId)
          .where('code', '=', code)
          .executeTakeFirstOrThrow()
      ).id;
    cityUnitId = await unitIdOf('AMF-JT-CITY');
    educationAdministrationId = await unitIdOf('UTF');
  });
  after(() => harness.close());

  async function personOf(role: Role) {
    const login = harness.demoLogins.find((candidate) => candidate.role === role);
    return harness.db
      .selectFrom('people')
      .select(['id', 'tenantId'])
      .where('email', '=', login?.email as string)
      .executeTakeFirstOrThrow();
  }

  const newCase = (): ThreatCaseInput => ({
    title: 'Hot mot handläggare på Jobbtorg City',
    unitId: cityUnitId,
    protects: 'persons',
    protectedPersons: [{ name: 'Sara Handläggare', description: 'Handläggare', homeAddress: protectedAddress }],
    personsOfConcern: [
      {
        name: 'Okänd besökare',
        relation: 'client',
        gangCrimeLink: 'suspected',
        description: 'Återkommande besökare',
        homeAddress: concernAddress,
      },
    ],
  });

  async function openCase(): Promise<ThreatCase> {
    const manager = await harness.signIn('manager');
    const created = await manager.post('/api/threat-cases', newCase());
    assert.equal(created.statusCode, 201, created.body);
    return created.json() as ThreatCase;
  }

  test('a manager opens a case and assesses it twice: two versions, the latest level shown', async () => {
    const employee = await harness.signIn('employee');
    const incident = await employee.post('/api/incidents', {
      ...threatAtDropIn(),
      description: 'Besökaren sa att han vet var handläggaren bor.',
    });
    const manager = await harness.signIn('manager');
    const created = await manager.post('/api/threat-cases', { ...newCase(), incidentIds: [incident.json().id] });
    assert.equal(created.statusCode, 201, created.body);
    const threatCase = created.json() as ThreatCase;
    assert.equal(threatCase.currentLevel, null);
    const units = (await manager.get('/api/threat-case-units')).json().items as { id: string }[];
    assert.deepEqual(
      units.map((unit) => unit.id),
      [cityUnitId],
      'a manager opens cases for their own unit',
    );
    assert.equal(threatCase.incidents[0]?.id, incident.json().id);
    assert.equal(threatCase.protectedPersons[0]?.homeAddress, null, 'answers to writes withhold addresses');
    const read = (await manager.get(`/api/threat-cases/${threatCase.id}`)).json() as ThreatCase;
    assert.equal(read.protectedPersons[0]?.homeAddress, protectedAddress);
    assert.equal(threatCase.accessList[0]?.isCreator, true);

    const first = await manager.post(`/api/threat-cases/${threatCase.id}/assessments`, assessment('moderate'));
    assert.equal(first.statusCode, 201, first.body);
    const nextWeek = new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10);
    const second = await manager.post(`/api/threat-cases/${threatCase.id}/assessments`, {
      ...assessment('acute', { threat_specific: 'present', approach_home: 'present' }),
      nextReviewOn: nextWeek,
    });
    assert.equal(second.statusCode, 201, second.body);
    const assessed = second.json() as ThreatCase;
    assert.deepEqual(
      assessed.assessments.map((version) => [version.version, version.level, version.suggestedLevel]),
      [
        [1, 'moderate', 'low'],
        [2, 'acute', 'acute'],
      ],
    );
    assert.equal(assessed.currentLevel, 'acute');
    assert.equal(assessed.nextReviewOn, nextWeek);
    const versions = await manager.get(`/api/threat-cases/${threatCase.id}/assessments`);
    assert.equal(versions.json().items.length, 2);
    const listed = (await manager.get('/api/threat-cases')).json().items as ThreatCaseSummary[];
    const summary = listed.find((item) => item.id === threatCase.id);
    assert.equal(summary?.currentLevel, 'acute');
    assert.equal(summary?.assessmentCount, 2);

    const jobs = await sql<{ startAfter: Date }>`
      SELECT start_after FROM pgboss.job WHERE name = 'threat_case_review' AND data->>'caseId' = ${threatCase.id}`.execute(
      harness.db,
    );
    assert.equal(jobs.rows.length, 1, 'the review reminder is queued with the assessment');
    await markReviewDue(harness.db, {
      tenantId: (await personOf('manager')).tenantId,
      caseId: threatCase.id,
      reviewOn: nextWeek,
    });
    const due = ((await manager.get('/api/threat-cases')).json().items as ThreatCaseSummary[]).find(
      (item) => item.id === threatCase.id,
    );
    assert.equal(due?.isReviewDue, true);
  });

  test('a coordinator of another administration and another tenant get 404', async () => {
    const threatCase = await openCase();
    const dutyOfficer = await personOf('duty_officer');
    await harness.db
      .insertInto('roleGrants')
      .values({
        tenantId: dutyOfficer.tenantId,
        personId: dutyOfficer.id,
        role: 'security_coordinator',
        scopeKind: 'org_unit',
        orgUnitId: educationAdministrationId,
        partyId: null,
      })
      .execute();
    const otherCoordinator = await harness.signIn('duty_officer');
    assert.equal((await otherCoordinator.get(`/api/threat-cases/${threatCase.id}`)).statusCode, 404);
    const listed = (await otherCoordinator.get('/api/threat-cases')).json().items as ThreatCaseSummary[];
    assert.ok(!listed.some((item) => item.id === threatCase.id));
    const otherTenant = await harness.signIn('security_department', 'other');
    assert.equal((await otherTenant.get(`/api/threat-cases/${threatCase.id}`)).statusCode, 404);
  });

  test('a coordinator in scope but not on the access list gets 404 until added with a reason (audited)', async () => {
    const threatCase = await openCase();
    const coordinator = await harness.signIn('security_coordinator');
    assert.equal((await coordinator.get(`/api/threat-cases/${threatCase.id}`)).statusCode, 404);
    assert.ok(
      !((await coordinator.get('/api/threat-cases')).json().items as ThreatCaseSummary[]).some(
        (item) => item.id === threatCase.id,
      ),
    );
    assert.equal(
      (await coordinator.post(`/api/threat-cases/${threatCase.id}/assessments`, assessment('low'))).statusCode,
      404,
    );

    const manager = await harness.signIn('manager');
    const coordinatorPerson = await personOf('security_coordinator');
    const candidates = (await manager.get(`/api/threat-cases/${threatCase.id}/access-candidates`)).json().items as {
      personId: string;
    }[];
    assert.ok(candidates.some((candidate) => candidate.personId === coordinatorPerson.id));
    const employee = await personOf('employee');
    const refused = await manager.post(`/api/threat-cases/${threatCase.id}/access`, {
      personId: employee.id,
      reason: 'Berörd kollega',
    });
    assert.equal(refused.statusCode, 400, 'the list never widens a role: an employee cannot be added');
    const reason = 'Samordnar skyddsåtgärder för förvaltningen';
    const added = await manager.post(`/api/threat-cases/${threatCase.id}/access`, {
      personId: coordinatorPerson.id,
      reason,
    });
    assert.equal(added.statusCode, 201, added.body);
    const audit = await harness.db
      .selectFrom('auditEntries')
      .select(['reason', 'actorPersonId'])
      .where('resourceId', '=', threatCase.id)
      .where('action', '=', 'threat_case.access.add')
      .execute();
    assert.deepEqual(audit, [{ reason, actorPersonId: (await personOf('manager')).id }]);
    assert.equal((await coordinator.get(`/api/threat-cases/${threatCase.id}`)).statusCode, 200);

    const removed = await manager.post(`/api/threat-cases/${threatCase.id}/access-removals`, {
      personId: coordinatorPerson.id,
      reason: 'Uppdraget avslutat',
    });
    assert.equal(removed.statusCode, 204, removed.body);
    assert.equal((await coordinator.get(`/api/threat-cases/${threatCase.id}`)).statusCode, 404);
  });

  test('the security department reads every case of the tenant without being listed; every read is audited', async () => {
    const threatCase = await openCase();
    const reads = async () =>
      (
        await harness.db
          .selectFrom('auditEntries')
          .select('id')
          .where('resourceId', '=', threatCase.id)
          .where('action', '=', 'threat_case.read')
          .execute()
      ).length;
    const before = await reads();
    const securityDepartment = await harness.signIn('security_department');
    const read = await securityDepartment.get(`/api/threat-cases/${threatCase.id}`);
    assert.equal(read.statusCode, 200);
    assert.equal((read.json() as ThreatCase).personsOfConcern[0]?.homeAddress, concernAddress);
    assert.equal(await reads(), before + 1);
    for (const role of ['employee', 'safety_representative', 'party_security_contact', 'board_reader'] as const) {
      const outsider = await harness.signIn(role);
      assert.equal((await outsider.get(`/api/threat-cases/${threatCase.id}`)).statusCode, 403, role);
    }
  });

  test('home addresses are ciphertext in the database, and never in the audit log or a stored answer', async () => {
    const manager = await harness.signIn('manager');
    const created = await manager.post('/api/threat-cases', newCase(), { 'idempotency-key': 'threat-case-address-1' });
    assert.equal(created.statusCode, 201, created.body);
    const threatCase = created.json() as ThreatCase;
    const replays = await sql<{ count: number }>`
      SELECT count(*)::int AS count FROM idempotency_keys
      WHERE key = 'threat-case-address-1' AND response::text NOT LIKE '%Hemliga%' AND response::text NOT LIKE '%Okändavägen%'`.execute(
      harness.db,
    );
    assert.equal(replays.rows[0]?.count, 1, 'the stored answer holds no home address');
    const stored = await sql<{ address: string }>`
      SELECT home_address_encrypted AS address FROM threat_case_protected_persons WHERE case_id = ${threatCase.id}
      UNION ALL
      SELECT home_address_encrypted FROM threat_case_persons_of_concern WHERE case_id = ${threatCase.id}`.execute(
      harness.db,
    );
    assert.equal(stored.rows.length, 2);
    for (const { address } of stored.rows) {
      assert.match(address, /^v1\./);
      assert.ok(!address.includes('Hemliga') && !address.includes('Okändavägen'));
    }
    const leaked = await sql<{ count: number }>`
      SELECT count(*)::int AS count FROM audit_entries
      WHERE details::text LIKE '%Hemliga%' OR details::text LIKE '%Okändavägen%'`.execute(harness.db);
    assert.equal(leaked.rows[0]?.count, 0);
  });

  test('bad ratings are refused with problem+json and nothing is stored', async () => {
    const threatCase = await openCase();
    const manager = await harness.signIn('manager');
    const before = await countRows(harness.db, 'threat_assessments');
    const refusals = [
      { ...assessment('high'), ratings: ratings().slice(2) },
      { ...assessment('high'), ratings: ratings({ fixation: 'maybe' as FactorRating }) },
      { ...assessment('high'), ratings: [...ratings().slice(1), { factorId: 'horoscope', rating: 'present' }] },
      { ...assessment('high'), justification: '' },
      { ...assessment('severe' as 'high') },
    ];
    for (const body of refusals) {
      const response = await manager.post(`/api/threat-cases/${threatCase.id}/assessments`, body);
      assert.equal(response.statusCode, 400, response.body);
      assert.equal(response.headers['content-type'], 'application/problem+json; charset=utf-8');
      assert.equal(response.json().code, 'validation_failed');
    }
    assert.equal(await countRows(harness.db, 'threat_assessments'), before);
    const unchanged = (await manager.get(`/api/threat-cases/${threatCase.id}`)).json() as ThreatCase;
    assert.equal(unchanged.assessmentCount, 0);
    const casesBefore = await countRows(harness.db, 'threat_cases');
    const noPersons = await manager.post('/api/threat-cases', { ...newCase(), protectedPersons: [] });
    assert.equal(noPersons.statusCode, 400);
    const otherUnit = await manager.post('/api/threat-cases', { ...newCase(), unitId: educationAdministrationId });
    assert.equal(otherUnit.statusCode, 400, 'a manager opens cases for their own units only');
    assert.equal(await countRows(harness.db, 'threat_cases'), casesBefore);
  });

  test('consultations are logged with date and outcome', async () => {
    const threatCase = await openCase();
    const manager = await harness.signIn('manager');
    const logged = await manager.post(`/api/threat-cases/${threatCase.id}/consultations`, {
      party: 'bops',
      consultedOn: new Date().toISOString().slice(0, 10),
      outcome: 'BOPS rekommenderar att möten sker två och två.',
    });
    assert.equal(logged.statusCode, 201, logged.body);
    const [consultation] = (logged.json() as ThreatCase).consultations;
    assert.equal(consultation?.party, 'bops');
    assert.equal(consultation?.consultedOn, new Date().toISOString().slice(0, 10));
  });

  test('a pre-intake assessment records the dialogues, the decision and the safety arrangements', async () => {
    const threatCase = await openCase();
    const manager = await harness.signIn('manager');
    const today = new Date().toISOString().slice(0, 10);
    const missingArrangements = await manager.post(`/api/threat-cases/${threatCase.id}/pre-intake-assessments`, {
      decision: 'take_in_with_arrangements',
    });
    assert.equal(missingArrangements.statusCode, 400);
    assert.equal(missingArrangements.json().errors[0].path, 'safetyArrangements');
    const recorded = await manager.post(`/api/threat-cases/${threatCase.id}/pre-intake-assessments`, {
      referringDistrictDialogueOn: today,
      referringDistrictOutcome: 'Stadsdelen bekräftar kopplingar till ett nätverk.',
      bopsDialogueOn: today,
      bopsOutcome: 'BOPS råder till möten två och två.',
      decision: 'take_in_with_arrangements',
      safetyArrangements: 'Möten i rum med två utgångar, alltid två handläggare, personlarm.',
    });
    assert.equal(recorded.statusCode, 201, recorded.body);
    const [assessment] = (recorded.json() as ThreatCase).preIntakeAssessments;
    assert.equal(assessment?.decision, 'take_in_with_arrangements');
    assert.equal(assessment?.bopsDialogueOn, today);
  });

  test('the next review date is set with its reminder; a past date is refused', async () => {
    const threatCase = await openCase();
    const manager = await harness.signIn('manager');
    const past = await manager.post(`/api/threat-cases/${threatCase.id}/review-date`, { nextReviewOn: '2020-01-01' });
    assert.equal(past.statusCode, 400);
    assert.equal(past.json().errors[0].path, 'nextReviewOn');
    const inAMonth = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
    const set = await manager.post(`/api/threat-cases/${threatCase.id}/review-date`, { nextReviewOn: inAMonth });
    assert.equal(set.statusCode, 200, set.body);
    assert.equal((set.json() as ThreatCase).nextReviewOn, inAMonth);
    const jobs = await sql<{ count: number }>`
      SELECT count(*)::int AS count FROM pgboss.job
      WHERE name = 'threat_case_review' AND data->>'caseId' = ${threatCase.id} AND data->>'reviewOn' = ${inAMonth}`.execute(
      harness.db,
    );
    assert.equal(jobs.rows[0]?.count, 1);
    // A reminder for a date that has since changed does nothing.
    const tenantId = (await personOf('manager')).tenantId;
    await markReviewDue(harness.db, { tenantId, caseId: threatCase.id, reviewOn: '2026-01-01' });
    const listed = ((await manager.get('/api/threat-cases')).json().items as ThreatCaseSummary[]).find(
      (item) => item.id === threatCase.id,
    );
    assert.equal(listed?.isReviewDue, false);
  });

  test('a case protects a site or an elected official, named on the case', async () => {
    const securityDepartment = await harness.signIn('security_department');
    const site = (
      (await securityDepartment.get('/api/sites?limit=200')).json().items as { id: string; name: string }[]
    ).find((candidate) => candidate.name === 'Jobbtorg City');
    const official = (
      (await securityDepartment.get('/api/people?kind=elected_official&search=Politiker')).json().items as {
        id: string;
      }[]
    )[0];
    assert.ok(site && official);
    const protecting = async (input: Partial<ThreatCaseInput>) => {
      const created = await securityDepartment.post('/api/threat-cases', {
        ...newCase(),
        protectedPersons: [],
        ...input,
      });
      assert.equal(created.statusCode, 201, created.body);
      const read = await securityDepartment.get(`/api/threat-cases/${created.json().id}`);
      return read.json() as ThreatCase;
    };
    const siteCase = await protecting({ protects: 'site', siteId: site.id });
    assert.equal(siteCase.siteName, 'Jobbtorg City, Kungsgatan 12');
    assert.equal(siteCase.officialName, null);
    const officialCase = await protecting({ protects: 'official', officialPersonId: official.id });
    assert.equal(officialCase.officialName, 'Olof Politiker');
    assert.equal(officialCase.siteName, null);

    const missing = await securityDepartment.post('/api/threat-cases', { ...newCase(), protects: 'site' });
    assert.equal(missing.statusCode, 400);
    assert.equal(missing.json().errors[0].path, 'siteId');
  });
});
