import { sql } from 'kysely';
import type { DemoLogin } from '../demo/demo-tenant.ts';
import { reportOverHttp } from './http-report.ts';
import { skipRetryBackOff } from './job-clock.ts';
import { type Mailbox, startMailbox, waitFor } from './mailbox.ts';
import { startTestServer } from './start-test-server.ts';

export interface FailedEmailServer {
  url: string;
  demoLogins: DemoLogin[];
  /** The SMTP server; it refuses mail until the test sets `isRejecting` to false. */
  mailbox: Mailbox;
  stop(): Promise<void>;
}

/**
 * The real app whose mail server refuses every recipient, after an employee's report whose e-mails
 * have used up all their attempts: the state an administrator finds on "Utskick och jobb".
 */
export async function startServerWithFailedEmails(): Promise<FailedEmailServer> {
  const mailbox = await startMailbox();
  mailbox.isRejecting = true;
  const server = await startTestServer({
    SMTP_URL: `smtp://127.0.0.1:${mailbox.port}`,
    SIGN_IN_RATE_PER_MINUTE: '10000',
  });
  await reportOverHttp(server.url, server.demoLogins);
  await waitFor(
    'the e-mails to fail for good',
    async () => {
      await skipRetryBackOff(server.db, 'email');
      const failed = await sql<{ count: number }>`
        SELECT count(*)::int AS count FROM pgboss.job WHERE name = 'email' AND state = 'failed'`.execute(server.db);
      return failed.rows[0]?.count === 3;
    },
    90_000,
  );
  return {
    url: server.url,
    demoLogins: server.demoLogins,
    mailbox,
    async stop() {
      await server.stop();
      await mailbox.close();
    },
  };
}
