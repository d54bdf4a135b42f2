import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import {
  addMonths,
  type Enrolment,
  type EnrolmentSummary,
  type ProgrammeFollowUp,
  stockholmDate,
  validUntilOf,
} from '@varn/domain';
import { createTestApp, type TestApp } from '../testing/test-app.ts';
import { countRows, describeEachDatabase } from '../testing/test-database.ts';

const daysAgo = (days: number) => stockholmDate(new Date(Date.now() - days * 86_400_000));

describeEachDatabase('protection programme', (kind) => {
  let harness: TestApp;
  let tenantId: string;
  before(async () => {
    harness = await createTestApp(kind);
    const party = await harness.db
      .selectFrom('parties')
      .innerJoin('tenants', 'tenants.id', 'parties.tenantId')
      .select('parties.tenantId')
      .where('tenants.slug', '=', 'demo')
      .executeTakeFirstOrThrow();
    tenantId = party.tenantId;
  });
  after(() => harness.close());

  /** A demo official of the party and category who is not yet enrolled. */
  async function officialOf(party: string, category: 'specially_remunerated' | 'leisure') {
    const row = await harness.db
      .selectFrom('people')
      .innerJoin('parties', 'parties.id', 'people.partyId')
      .select('people.id')
      .where('people.tenantId', '=', tenantId)
      .where('parties.abbreviation', '=', party)
      .where('people.kind', '=', 'elected_official')
      .where('people.officialCategory', '=', category)
      .where((builder) =>
        builder.not(
          builder.exists(
            builder
              .selectFrom('protectionEnrolments')
              .select('protectionEnrolments.id')
              .whereRef('protectionEnrolments.personId', '=', 'people.id'),
          ),
        ),
      )
      .orderBy('people.familyName')
      .executeTakeFirstOrThrow();
    return row.id;
  }

  async function enrol(party: string): Promise<Enrolment> {
    const security = await harness.signIn('security_department');
    const response = await security.post('/api/protection-programme/officials', {
      personId: await officialOf(party, 'specially_remunerated'),
    });
    assert.equal(response.statusCode, 201, response.body);
    return response.json() as Enrolment;
  }

  test('the next conversation is due 12 months after the last held one, or sooner when set', async () => {
    const enrolment = await enrol('S');
    assert.equal(enrolment.nextConversationDueOn, enrolment.enrolledOn, 'due at enrolment before any conversation');
    assert.equal(enrolment.isConversationDue, true);
    const security = await harness.signIn('security_department');
    const heldOn = daysAgo(30);
    const recorded = await security.post(`/api/protection-programme/officials/${enrolment.id}/conversations`, {
      offeredOn: daysAgo(40),
      heldOn,
      heldBy: 'Karin Säkerhet',
      notes: 'Hot i sociala medier efter debatten.',
    });
    assert.equal(recorded.statusCode, 201, recorded.body);
    const afterConversation = recorded.json() as Enrolment;
    assert.equal(afterConversation.lastConversationHeldOn, heldOn);
    assert.equal(afterConversation.nextConversationDueOn, addMonths(heldOn, 12));
    assert.equal(afterConversation.isConversationDue, false);

    const soon = addMonths(stockholmDate(), 1);
    const status = await security.post(`/api/protection-programme/officials/${enrolment.id}/status`, {
      instructionReadOn: daysAgo(60),
      conversationNeededBy: soon,
    });
    assert.equal(status.statusCode, 200, status.body);
    assert.equal((status.json() as Enrolment).nextConversationDueOn, soon, 'sooner when needed');
  });

  test("the programme training is the official's completion of the programme's course, typed dates stay readable", async () => {
    const security = await harness.signIn('security_department');
    const enrolment = await enrol('M');
    assert.equal(enrolment.trainingCompletedOn, null);
    assert.equal(enrolment.isTrained, false);
    // The training is no longer typed on the programme.
    const typed = await security.post(`/api/protection-programme/officials/${enrolment.id}/status`, {
      instructionReadOn: null,
      trainingCompletedOn: daysAgo(5),
      conversationNeededBy: null,
    });
    assert.equal(typed.statusCode, 400, typed.body);

    const courses = (await security.get('/api/training/courses')).json() as {
      items: { id: string; name: string; isProgrammeTraining: boolean; validityMonths: number | null }[];
    };
    const programmeCourse = courses.items.find((course) => course.isProgrammeTraining);
    assert.ok(programmeCourse, 'the demo flags the personal security course');
    const expiredOn = addMonths(stockholmDate(), -((programmeCourse.validityMonths ?? 0) + 1));
    const old = await security.post(`/api/training/courses/${programmeCourse.id}/completions`, {
      personIds: [enrolment.personId],
      completedOn: expiredOn,
    });
    assert.equal(old.statusCode, 201, old.body);
    const expired = (await security.get(`/api/protection-programme/officials/${enrolment.id}`)).json() as Enrolment;
    assert.equal(expired.trainingCompletedOn, expiredOn);
    assert.equal(expired.trainingSource, 'completion');
    assert.equal(expired.isTrained, false, 'an expired completion is no training');

    const completedOn = daysAgo(3);
    await security.post(`/api/training/courses/${programmeCourse.id}/completions`, {
      personIds: [enrolment.personId],
      completedOn,
    });
    const trained = (await security.get(`/api/protection-programme/officials/${enrolment.id}`)).json() as Enrolment;
    assert.equal(trained.trainingCompletedOn, completedOn);
    assert.equal(trained.trainingValidUntil, validUntilOf(completedOn, programmeCourse.validityMonths));
    assert.equal(trained.isTrained, true);

    // The demo's Moderate official with a date typed before the link: shown as typed, counted as trained.
    const overview = (await security.get('/api/protection-programme/officials')).json() as {
      items: EnrolmentSummary[];
    };
    const legacy = overview.items.find((official) => official.trainingSource === 'typed');
    assert.ok(legacy?.trainingCompletedOn && legacy.isTrained);

    // A second course cannot also be the programme's training.
    const second = await security.post('/api/training/courses', {
      name: 'Personlig säkerhet, fördjupning',
      description: '',
      validityMonths: 24,
      targetGroup: { orgUnitIds: [], roles: [], officialCategories: ['specially_remunerated'] },
      isProgrammeTraining: true,
    });
    assert.equal(second.statusCode, 400, second.body);
    assert.match(second.body, /programme_training_taken/);
  });

  test('a leisure politician or an employee cannot be enrolled: problem+json, nothing stored', async () => {
    const security = await harness.signIn('security_department');
    const before = await countRows(harness.db, 'protection_enrolments');
    const leisure = await security.post('/api/protection-programme/officials', {
      personId: await officialOf('M', 'leisure'),
    });
    assert.equal(leisure.statusCode, 422, leisure.body);
    assert.match(leisure.headers['content-type'] as string, /application\/problem\+json/);
    assert.equal(leisure.json().code, 'not_specially_remunerated');
    const employee = await harness.db
      .selectFrom('people')
      .select('id')
      .where('tenantId', '=', tenantId)
      .where('kind', '=', 'employee')
      .executeTakeFirstOrThrow();
    const notOfficial = await security.post('/api/protection-programme/officials', { personId: employee.id });
    assert.equal(notOfficial.json().code, 'not_specially_remunerated');
    assert.equal(await countRows(harness.db, 'protection_enrolments'), before);
  });

  test('bad input answers problem+json and stores nothing', async () => {
    const enrolment = await enrol('V');
    const security = await harness.signIn('security_department');
    const before = await countRows(harness.db, 'protection_conversations');
    const supportBefore = await countRows(harness.db, 'protection_support');
    const response = await security.post(`/api/protection-programme/officials/${enrolment.id}/conversations`, {
      offeredOn: daysAgo(5),
      heldOn: daysAgo(10),
      heldBy: null,
      notes: '',
    });
    assert.equal(response.statusCode, 400, response.body);
    const paths = (response.json().errors as { path: string }[]).map((error) => error.path);
    assert.ok(
      paths.some((path) => path.endsWith('heldOn')),
      paths.join(),
    );
    assert.ok(
      paths.some((path) => path.endsWith('heldBy')),
      paths.join(),
    );
    const support = await security.post(`/api/protection-programme/officials/${enrolment.id}/support`, {
      kind: 'guarding',
      status: 'done',
      startedOn: daysAgo(5),
      endedOn: null,
      alarmCentreReference: 'LC-1',
      description: '',
    });
    assert.equal(support.statusCode, 400, 'only alarms carry an alarm centre reference');
    assert.equal(await countRows(harness.db, 'protection_conversations'), before);
    assert.equal(await countRows(harness.db, 'protection_support'), supportBefore);
  });

  test("a party office sees its own officials only, never another party's nor the notes", async () => {
    const own = await enrol('S');
    const other = await enrol('M');
    const security = await harness.signIn('security_department');
    await security.post(`/api/protection-programme/officials/${own.id}/conversations`, {
      offeredOn: daysAgo(3),
      heldOn: daysAgo(2),
      heldBy: 'Karin Säkerhet',
      notes: 'Känslig anteckning om hemmet.',
    });
    const alarm = await security.post(`/api/protection-programme/officials/${own.id}/support`, {
      kind: 'personal_alarm',
      status: 'in_progress',
      startedOn: daysAgo(2),
      endedOn: null,
      alarmCentreReference: 'LC-4711',
      description: 'Personlarm utlämnat',
    });
    assert.equal(alarm.statusCode, 201, alarm.body);

    const partyOffice = await harness.signIn('party_security_contact');
    const list = (await partyOffice.get('/api/protection-programme/officials')).json().items as EnrolmentSummary[];
    assert.ok(list.length > 0);
    assert.ok(list.every((official) => official.partyAbbreviation === 'S'));
    assert.ok(list.some((official) => official.id === own.id));
    assert.ok(list.every((official) => official.securityContactName !== null));

    const otherParty = await partyOffice.get(`/api/protection-programme/officials/${other.id}`);
    assert.equal(otherParty.statusCode, 404);
    const auditBefore = await countRows(harness.db, 'audit_entries');
    const read = await partyOffice.get(`/api/protection-programme/officials/${own.id}`);
    assert.equal(read.statusCode, 200, read.body);
    const seen = read.json() as Enrolment;
    assert.equal(seen.lastConversationHeldOn, daysAgo(2));
    assert.ok(seen.conversations.length > 0);
    assert.ok(seen.conversations.every((conversation) => conversation.notes === null));
    assert.equal(seen.support, null);
    assert.doesNotMatch(read.body, /Känslig anteckning|LC-4711/);
    assert.equal(await countRows(harness.db, 'audit_entries'), auditBefore, 'no notes read, nothing to audit');

    const write = await partyOffice.post(`/api/protection-programme/officials/${own.id}/conversations`, {});
    assert.equal(write.statusCode, 403);
  });

  test('every read of the notes is audited', async () => {
    const enrolment = await enrol('L');
    const security = await harness.signIn('security_department');
    await security.post(`/api/protection-programme/officials/${enrolment.id}/conversations`, {
      offeredOn: daysAgo(1),
      heldOn: null,
      heldBy: null,
      notes: 'Erbjudet per telefon.',
    });
    const reads = () =>
      harness.db
        .selectFrom('auditEntries')
        .select(['actorPersonId'])
        .where('action', '=', 'protection_programme.notes.read')
        .where('resourceId', '=', enrolment.id)
        .execute();
    const before = (await reads()).length;
    const read = await security.get(`/api/protection-programme/officials/${enrolment.id}`);
    assert.equal(read.statusCode, 200);
    assert.equal((read.json() as Enrolment).conversations[0]?.notes, 'Erbjudet per telefon.');
    assert.equal((read.json() as Enrolment).nextConversationDueOn, (read.json() as Enrolment).enrolledOn);
    assert.equal((await reads()).length, before + 1);
  });

  test('the follow-up counts per party and in total, without names, for the board', async () => {
    const board = await harness.signIn('board_reader');
    const response = await board.get('/api/protection-programme/follow-up');
    assert.equal(response.statusCode, 200, response.body);
    const followUp = response.json() as ProgrammeFollowUp;
    const enrolled = await countRows(harness.db, 'protection_enrolments');
    assert.ok(followUp.total.enrolled > 0);
    assert.ok(followUp.total.enrolled <= enrolled, 'only its own tenant');
    const social = followUp.parties.find((party) => party.partyAbbreviation === 'S');
    assert.ok(social && social.offeredConversation >= 1 && social.trained >= 1 && social.instructed >= 1);
    assert.doesNotMatch(response.body, /"name"|givenName/);
    const partyOffice = await harness.signIn('party_security_contact');
    assert.equal((await partyOffice.get('/api/protection-programme/officials')).statusCode, 200);
    const employee = await harness.signIn('employee');
    assert.equal((await employee.get('/api/protection-programme/officials')).statusCode, 403);
  });
});
