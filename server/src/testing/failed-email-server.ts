import { sql } from 'kysely';
import type { DemoLogin } from '../demo/demo-tenant.ts';
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
  const employee = server.demoLogins.find((login) => login.role === 'employee') as DemoLogin;
  const signIn = await fetch(`${server.url}/api/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: employee.email, password: employee.password }),
  });
  const cookies = signIn.headers.getSetCookie().map((line) => line.split(';')[0] as string);
  const csrf = (cookies.find((cookie) => cookie.startsWith('varn_csrf=')) as string).split('=')[1] as string;
  const reported = await fetch(`${server.url}/api/incidents`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie: cookies.join('; '), 'x-csrf-token': csrf },
    body: JSON.stringify({
      kind: 'incident',
      types: ['threat'],
      occurredAt: new Date(Date.now() - 600_000).toISOString(),
      place: { kind: 'free', description: 'Receptionen' },
      context: 'drop_in',
      description: 'En besökare hotade mig i receptionen.',
    }),
  });
  if (reported.status !== 201) throw new Error(`the report failed: ${await reported.text()}`);
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
