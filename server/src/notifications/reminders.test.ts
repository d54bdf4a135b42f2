import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import {
  addDays,
  addMonths,
  type Enrolment,
  type Measure,
  type Notification,
  type NotificationKind,
  type Role,
  roles,
  stockholmDate,
  type ThreatCase,
} from '@varn/domain';
import { sql } from 'kysely';
import { remindIfUnacknowledged } from '../incidents/reminders.ts';
import { remindAndNotifyOfMeasure, startMeasureReminderWorker } from '../measures/reminders.ts';
import {
  remindOfConversation,
  startConversationReminderWorker,
} from '../protection-programme/conversation-reminders.ts';
import { decodeQuotedPrintable, type Mailbox, startMailbox, waitFor } from '../testing/mailbox.ts';
import { createTestApp, type TestApp, type TestClient } from '../testing/test-app.ts';
import { describeEachDatabase } from '../testing/test-database.ts';
import { remindOfReview, startReviewReminderWorker } from '../threat-cases/review-reminders.ts';
import { queuedRenewalReminders, remindOfRenewal, startRenewalReminderWorker } from '../training/reminders.ts';
import { startEmailWorker } from './email.ts';

/**
 * Each reminder is fired through its real job queue (its waiting job made due now), then its handler
 * is run once more as a retry or a second delivery would: the recipients are told, in the app and by
 * e-mail, exactly once, and nobody outside the record's readers is told at all.
 */
describeEachDatabase('reminders delivered as notifications and e-mail', (kind) => {
  let harness: TestApp;
  let mailbox: Mailbox;
  let tenantId: string;
  const everyone = roles;
  before(async () => {
    mailbox = await startMailbox();
    harness = await createTestApp(kind, { SMTP_URL: `smtp://127.0.0.1:${mailbox.port}` });
    const { db, app } = harness;
    await startEmailWorker(app.jobs, app.config);
    await startReviewReminderWorker(db, app.jobs);
    await startMeasureReminderWorker(db, app.jobs);
    await startRenewalReminderWorker(db, app.jobs);
    await startConversationReminderWorker(db, app.jobs);
    tenantId = (await db.selectFrom('tenants').select('id').where('slug', '=', 'demo').executeTakeFirstOrThrow()).id;
  });
  after(async () => {
    await harness.close();
    await mailbox.close();
  });

  const clients = new Map<string, TestClient>();
  async function clientOf(role: Role, tenant: 'demo' | 'other' = 'demo') {
    const key = `${tenant}:${role}`;
    if (!clients.has(key)) clients.set(key, await harness.signIn(role, tenant));
    return clients.get(key) as TestClient;
  }
  const emailOf = (role: Role) => harness.demoLogins.find((login) => login.role === role)?.email as string;
  const personIdOf = async (role: Role) => (await (await clientOf(role)).get('/api/auth/me')).json().personId as string;

  /** The notifications a person has about the record. */
  async function notificationsAbout(role: Role, subjectId: string, tenant: 'demo' | 'other' = 'demo') {
    const response = await (await clientOf(role, tenant)).get('/api/notifications?limit=200');
    assert.equal(response.statusCode, 200, response.body);
    return (response.json().items as Notification[]).filter((item) => item.subject.id === subjectId);
  }

  /** Makes the record's waiting reminder jobs due now, as if their day had come. */
  async function fireNow(queue: string, field: string, value: string) {
    const made = await sql`
      UPDATE pgboss.job SET start_after = now()
      WHERE name = ${queue} AND state = 'created' AND data->>${field} = ${value}`.execute(harness.db);
    assert.ok(Number(made.numAffectedRows) > 0, `a ${queue} job waits for ${value}`);
  }

  /**
   * Waits until the queue has told the expected roles, then asserts that they alone were told, each
   * once with the kinds expected, and mailed once per notification with a link and nothing else.
   */
  async function assertToldOnce(
    subjectId: string,
    told: Partial<Record<Role, NotificationKind[]>>,
    afterSecondRun: () => Promise<void>,
  ) {
    const roles = Object.keys(told) as Role[];
    const expectedCount = Object.values(told).reduce((sum, kinds) => sum + (kinds?.length ?? 0), 0);
    await waitFor('the reminder notifications', async () => {
      let count = 0;
      for (const role of roles) count += (await notificationsAbout(role, subjectId)).length;
      return count >= expectedCount;
    });
    await afterSecondRun();
    for (const role of everyone) {
      const kinds = (await notificationsAbout(role, subjectId)).map((item) => item.kind).sort();
      assert.deepEqual(kinds, [...(told[role] ?? [])].sort(), `${role} is told ${told[role] ?? 'nothing'}`);
    }
    for (const role of everyone) assert.deepEqual(await notificationsAbout(role, subjectId, 'other'), []);
    const mailJobs = await sql<{ to: string }>`
      SELECT data->>'to' AS to FROM pgboss.job WHERE name = 'email' AND data->'subject'->>'id' = ${subjectId}`.execute(
      harness.db,
    );
    assert.deepEqual(
      mailJobs.rows.map((row) => row.to).sort(),
      roles.flatMap((role) => (told[role] ?? []).map(() => emailOf(role))).sort(),
      'one e-mail per notification',
    );
    await waitFor('the reminder e-mails', () => mailsAbout(subjectId).length === expectedCount);
  }

  const mailsAbout = (subjectId: string) =>
    mailbox.mails.map((mail) => decodeQuotedPrintable(mail.raw)).filter((text) => text.includes(subjectId));

  test("a threat case's due review tells its listed handlers who may open it, once", async () => {
    const manager = await clientOf('manager');
    const cityUnitId = (
      await harness.db.selectFrom('orgUnits').select('id').where('code', '=', 'AMF-JT-CITY').executeTakeFirstOrThrow()
    ).id;
    const title = 'Hot mot handläggare efter beslut om försörjningsstöd';
    const created = await manager.post('/api/threat-cases', {
      title,
      unitId: cityUnitId,
      protects: 'persons',
      protectedPersons: [{ name: 'Sara Handläggare', description: 'Handläggare' }],
      personsOfConcern: [],
    });
    assert.equal(created.statusCode, 201, created.body);
    const threatCase = created.json() as ThreatCase;
    // Listed once but without a role that reads threat cases: must not be told of the case.
    await harness.db
      .insertInto('threatCaseAccess')
      .values({ caseId: threatCase.id, personId: await personIdOf('employee'), tenantId, reason: 'Berörd' })
      .execute();
    const reviewOn = addDays(stockholmDate(), 14);
    const set = await manager.post(`/api/threat-cases/${threatCase.id}/review-date`, { nextReviewOn: reviewOn });
    assert.equal(set.statusCode, 200, set.body);

    await fireNow('threat_case_review', 'caseId', threatCase.id);
    await assertToldOnce(threatCase.id, { manager: ['threat_case_review_due'] }, () =>
      remindOfReview(harness.db, harness.app.jobs, { tenantId, caseId: threatCase.id, reviewOn }),
    );
    const [notification] = await notificationsAbout('manager', threatCase.id);
    assert.deepEqual(notification?.subject, { kind: 'threat_case', id: threatCase.id });
    for (const text of mailsAbout(threatCase.id)) {
      assert.ok(text.includes(`/hotbild/${threatCase.id}`));
      assert.ok(text.includes('ska omprövas') && text.includes('due for review'), 'Swedish and English');
      assert.ok(!text.includes('försörjningsstöd') && !text.includes('Sara'), 'nothing of the case in the mail');
    }
  });

  test("a measure's reminders before and after its due date tell its owner, once each", async () => {
    const coordinator = await clientOf('security_coordinator');
    const jarva = (
      await harness.db.selectFrom('orgUnits').select('id').where('code', '=', 'AMF-JT-JARVA').executeTakeFirstOrThrow()
    ).id;
    const dueOn = addDays(stockholmDate(), 30);
    const created = await coordinator.post('/api/measures', {
      title: 'Skalskydd vid bostaden',
      category: 'lock',
      ownerPersonId: await personIdOf('manager'),
      orgUnitId: jarva,
      dueOn,
    });
    assert.equal(created.statusCode, 201, created.body);
    const measure = created.json() as Measure;

    await fireNow('measure_reminder', 'measureId', measure.id);
    await assertToldOnce(measure.id, { manager: ['measure_due_soon', 'measure_overdue'] }, async () => {
      for (const reminder of ['before_due', 'overdue'] as const) {
        await remindAndNotifyOfMeasure(harness.db, harness.app.jobs, {
          tenantId,
          measureId: measure.id,
          kind: reminder,
          dueOn,
        });
      }
    });
    for (const text of mailsAbout(measure.id)) {
      assert.ok(text.includes(`/atgarder/${measure.id}`));
      assert.ok(!text.includes('Skalskydd'), 'nothing of the measure in the mail');
    }
  });

  test('a training renewal reminder tells the person and their unit manager, once', async () => {
    const department = await clientOf('security_department');
    const employeeId = await personIdOf('employee');
    const employeeUnit = await harness.db
      .selectFrom('people')
      .select('unitId')
      .where('id', '=', employeeId)
      .executeTakeFirstOrThrow();
    const course = await department.post('/api/training/courses', {
      name: 'Hot och våld i mötet med besökare',
      description: '',
      validityMonths: 12,
      targetGroup: { orgUnitIds: [employeeUnit.unitId], roles: [], officialCategories: [] },
    });
    assert.equal(course.statusCode, 201, course.body);
    const courseId = course.json().id as string;
    // Completed eleven months ago: valid one more month, inside the 90 days of renewal.
    const completedOn = addMonths(stockholmDate(), -11);
    const recorded = await department.post(`/api/training/courses/${courseId}/completions`, {
      personIds: [employeeId],
      completedOn,
    });
    assert.equal(recorded.statusCode, 201, recorded.body);
    const [queued] = await queuedRenewalReminders(harness.db, employeeId, courseId);
    const validUntil = queued?.validUntil as string;

    await fireNow('training_reminder', 'courseId', courseId);
    await assertToldOnce(courseId, { employee: ['training_renewal_due'], manager: ['training_renewal_due'] }, () =>
      remindOfRenewal(harness.db, harness.app.jobs, {
        tenantId,
        courseId,
        personId: employeeId,
        validUntil,
      }),
    );
    for (const text of mailsAbout(courseId)) assert.ok(text.includes(`/utbildning/kurser/${courseId}`));
  });

  test("a protected official's due security conversation tells the security department only, once", async () => {
    const department = await clientOf('security_department');
    const official = await harness.db
      .selectFrom('people')
      .innerJoin('parties', 'parties.id', 'people.partyId')
      .select('people.id')
      .where('people.tenantId', '=', tenantId)
      .where('parties.abbreviation', '=', 'S')
      .where('people.officialCategory', '=', 'specially_remunerated')
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
    const enrolled = await department.post('/api/protection-programme/officials', { personId: official.id });
    assert.equal(enrolled.statusCode, 201, enrolled.body);
    const enrolment = enrolled.json() as Enrolment;
    assert.equal(enrolment.nextConversationDueOn, stockholmDate(), 'due at enrolment');

    await fireNow('conversation_reminder', 'enrolmentId', enrolment.id);
    // The party office reads its officials' due dates on its own page; it is not notified.
    await assertToldOnce(enrolment.id, { security_department: ['protection_conversation_due'] }, () =>
      remindOfConversation(harness.db, harness.app.jobs, {
        tenantId,
        enrolmentId: enrolment.id,
        dueOn: enrolment.nextConversationDueOn,
      }),
    );
    for (const text of mailsAbout(enrolment.id)) assert.ok(text.includes(`/skyddsprogram/${enrolment.id}`));

    // A conversation held moves the next one a year ahead: a new reminder waits for that day.
    const held = await department.post(`/api/protection-programme/officials/${enrolment.id}/conversations`, {
      offeredOn: stockholmDate(),
      heldOn: stockholmDate(),
      heldBy: 'Säkerhetsavdelningen',
      notes: '',
    });
    assert.equal(held.statusCode, 201, held.body);
    const nextDue = (held.json() as Enrolment).nextConversationDueOn;
    const waiting = await sql<{ dueOn: string }>`
      SELECT data->>'dueOn' AS due_on FROM pgboss.job
      WHERE name = 'conversation_reminder' AND state = 'created' AND data->>'enrolmentId' = ${enrolment.id}`.execute(
      harness.db,
    );
    assert.deepEqual(
      waiting.rows.map((row) => row.dueOn),
      [nextDue],
    );
  });

  test('an unacknowledged report reminds its manager once, however often the job runs', async () => {
    const employee = await clientOf('employee');
    const reported = await employee.post('/api/incidents', {
      kind: 'incident',
      types: ['threat'],
      occurredAt: new Date(Date.now() - 600_000).toISOString(),
      place: { kind: 'free', description: 'Receptionen' },
      context: 'drop_in',
      channel: 'in_person',
      description: 'Besökaren hotade handläggaren.',
    });
    assert.equal(reported.statusCode, 201, reported.body);
    const incidentId = reported.json().id as string;
    for (let run = 0; run < 2; run += 1) {
      await remindIfUnacknowledged(harness.db, harness.app.jobs, { tenantId, incidentId });
    }
    const kinds = (await notificationsAbout('manager', incidentId)).map((item) => item.kind).sort();
    assert.deepEqual(kinds, ['incident_reported', 'incident_unacknowledged']);
  });
});
