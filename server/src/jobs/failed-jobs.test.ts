import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Job } from '@varn/domain';
import { startEmailWorker } from '../notifications/email.ts';
import { skipRetryBackOff } from '../testing/job-clock.ts';
import { type Mailbox, startMailbox, waitFor } from '../testing/mailbox.ts';
import { createTestApp, type TestApp, type TestClient } from '../testing/test-app.ts';
import { describeEachDatabase } from '../testing/test-database.ts';

describeEachDatabase('failed jobs for the administrator', (kind) => {
  let mailbox: Mailbox;
  let harness: TestApp;
  let administrator: TestClient;
  before(async () => {
    mailbox = await startMailbox();
    harness = await createTestApp(kind, { SMTP_URL: `smtp://127.0.0.1:${mailbox.port}` });
    await startEmailWorker(harness.app.jobs, harness.app.config);
    administrator = await harness.signIn('administrator');
  });
  after(async () => {
    await harness.close();
    await mailbox.close();
  });

  const jobsOf = async (client: TestClient, query = ''): Promise<Job[]> => {
    const response = await client.get(`/api/jobs${query}`);
    assert.equal(response.statusCode, 200, response.body);
    return (response.json().items as Job[]).filter((job) => job.queue === 'email');
  };

  test('a refused e-mail is retried with back-off, fails, is shown to its own administrator only, and runs again on request', async () => {
    mailbox.isRejecting = true;
    const employee = await harness.signIn('employee');
    const reported = await employee.post('/api/incidents', {
      kind: 'incident',
      types: ['threat'],
      occurredAt: new Date(Date.now() - 600_000).toISOString(),
      place: { kind: 'free', description: 'Receptionen' },
      context: 'drop_in',
      channel: 'in_person',
      description: 'En besökare hotade mig i receptionen.',
    });
    assert.equal(reported.statusCode, 201, reported.body);

    // The first attempt fails: each mail waits for its retry, seconds later (back-off from 30 s).
    let retrying: Job[] = [];
    await waitFor('the first failed attempts', async () => {
      retrying = await jobsOf(administrator, '?state=retry');
      return retrying.length === 3;
    });
    for (const job of retrying) {
      assert.equal(job.attemptsMade, 1);
      assert.equal(job.attemptLimit, 7);
      assert.ok(Date.parse(job.nextAttemptAt as string) - Date.now() > 5_000, 'the retry waits');
      assert.match(job.lastError as string, /550/);
      assert.doesNotMatch(JSON.stringify(job), /@|demo\.varn\.se/, 'no recipient address is shown');
    }
    const first = retrying[0] as Job;
    const early = await administrator.post(`/api/jobs/${first.id}/retry`, {});
    assert.equal(early.statusCode, 409);
    assert.equal(early.json().code, 'job_not_failed');

    // As the back-off passes, the attempts grow until the limit, and the job has failed for good.
    const attemptsSeen = new Set<number>();
    await waitFor(
      'the jobs to fail for good',
      async () => {
        await skipRetryBackOff(harness.db, 'email');
        const jobs = await jobsOf(administrator);
        for (const job of jobs) attemptsSeen.add(job.attemptsMade);
        return jobs.length === 3 && jobs.every((job) => job.state === 'failed');
      },
      90_000,
    );
    assert.ok(attemptsSeen.size > 2, `attempts grew: ${[...attemptsSeen].join(', ')}`);
    const failed = await jobsOf(administrator, '?state=failed');
    assert.equal(failed.length, 3);
    for (const job of failed) {
      assert.equal(job.attemptsMade, 7);
      assert.equal(job.nextAttemptAt, null);
      assert.doesNotMatch(JSON.stringify(job), /@|demo\.varn\.se/);
    }

    // Another tenant's administrator sees none of them and cannot retry them; other roles may not.
    const otherAdministrator = await harness.signIn('administrator', 'other');
    assert.deepEqual(await jobsOf(otherAdministrator, '?state=failed'), []);
    assert.equal((await otherAdministrator.post(`/api/jobs/${first.id}/retry`, {})).statusCode, 404);
    for (const role of ['employee', 'manager', 'security_department'] as const) {
      const client = await harness.signIn(role);
      assert.equal((await client.get('/api/jobs')).statusCode, 403, role);
      assert.equal((await client.post(`/api/jobs/${first.id}/retry`, {})).statusCode, 403, role);
    }

    // The mail server takes mail again; the administrator runs the jobs again and the mail arrives.
    mailbox.isRejecting = false;
    for (const job of failed) {
      const retried = await administrator.post(`/api/jobs/${job.id}/retry`, {});
      assert.equal(retried.statusCode, 200, retried.body);
      assert.equal(retried.json().state, 'retry');
    }
    await waitFor('the mails to arrive', () => mailbox.mails.length === 3);
    assert.deepEqual(mailbox.mails.flatMap((mail) => mail.to).sort(), [
      'chef@demo.varn.se',
      'samordnare@demo.varn.se',
      'skyddsombud@demo.varn.se',
    ]);
    await waitFor('the list to empty', async () => (await jobsOf(administrator)).length === 0);

    const audited = await harness.db
      .selectFrom('auditEntries')
      .select(['resourceId', 'details'])
      .where('action', '=', 'job.retry')
      .execute();
    assert.deepEqual(audited.map((entry) => entry.resourceId).sort(), failed.map((job) => job.id).sort());
  });

  test('the list refuses an unknown state', async () => {
    assert.equal((await administrator.get('/api/jobs?state=lost')).statusCode, 400);
  });
});
