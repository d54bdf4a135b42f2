import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { sql } from 'kysely';
import { reportOverHttp } from '../testing/http-report.ts';
import { type Mailbox, startMailbox, waitFor } from '../testing/mailbox.ts';
import { createTestDatabase, describeEachDatabase } from '../testing/test-database.ts';
import { type Config, loadConfig } from './config.ts';
import { startServer } from './server.ts';

describeEachDatabase('jobs survive a restart', (kind) => {
  let mailbox: Mailbox;
  let database: Config['database'];
  let cleanUp = async () => {};
  before(async () => {
    mailbox = await startMailbox();
    if (kind === 'postgres') {
      const created = await createTestDatabase('postgres');
      database = created.config;
      cleanUp = created.drop;
    } else {
      const dataDir = await mkdtemp(path.join(tmpdir(), 'varn-jobs-'));
      database = { kind: 'pglite', dataDir };
      cleanUp = () => rm(dataDir, { recursive: true, force: true });
    }
  });
  after(async () => {
    await mailbox.close();
    await cleanUp();
  });

  const secretKey = randomBytes(32).toString('hex');
  const configWith = (environment: NodeJS.ProcessEnv): Config => ({
    ...loadConfig({ NODE_ENV: 'test', PORT: '0', LOG_LEVEL: 'silent', SECRET_KEY: secretKey, ...environment }),
    database,
    webRoot: null,
  });

  test('e-mails queued before the app stops are sent by the app started again on the same database', async () => {
    // Without a mail server configured, this app server works no e-mail: the jobs only wait.
    const first = await startServer(configWith({ SIGN_IN_RATE_PER_MINUTE: '1000' }));
    let incidentId = '';
    try {
      incidentId = await reportOverHttp(first.url, first.demoLogins);
      const waiting = await sql<{ state: string }>`
        SELECT state::text AS state FROM pgboss.job WHERE name = 'email' AND data->'subject'->>'id' = ${incidentId}`.execute(
        first.db,
      );
      assert.deepEqual(
        waiting.rows.map((row) => row.state),
        ['created', 'created', 'created'],
      );
    } finally {
      await first.stop();
    }

    const second = await startServer(configWith({ SMTP_URL: `smtp://127.0.0.1:${mailbox.port}` }));
    try {
      await waitFor('the queued e-mails to be sent', () => mailbox.mails.length === 3);
      // Quoted-printable may break the link's line: join the soft breaks before looking for it.
      assert.ok(mailbox.mails.every((mail) => mail.raw.replace(/=\r?\n/g, '').includes(incidentId)));
    } finally {
      await second.stop();
    }
  });
});
