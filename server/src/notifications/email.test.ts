import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, test } from 'node:test';
import { loadConfig } from '../platform/config.ts';
import type { RunningServer } from '../platform/server.ts';
import { decodeQuotedPrintable, type Mailbox, startMailbox } from '../testing/mailbox.ts';
import { startTestServer } from '../testing/start-test-server.ts';
import { createTestDatabase, describeEachDatabase } from '../testing/test-database.ts';
import { emailMessage } from './email.ts';

test('an e-mail queued before notifications had subjects still links to its incident or risk analysis', () => {
  const config = loadConfig({
    NODE_ENV: 'test',
    SECRET_KEY: randomBytes(32).toString('hex'),
    PUBLIC_URL: 'https://varn.example.se',
  });
  const queued = { tenantId: 'tenant', to: 'chef@demo.varn.se', status: null, isSerious: false };
  const incident = emailMessage({ ...queued, kind: 'incident_unacknowledged', incidentId: 'abc' }, config);
  assert.ok(incident.text.includes('https://varn.example.se/handelser/abc\n'));
  const analysis = emailMessage(
    { ...queued, kind: 'risk_analysis_escalated', incidentId: null, riskAnalysisId: 'def' },
    config,
  );
  assert.ok(analysis.text.includes('https://varn.example.se/riskanalyser/def\n'));
  const measure = emailMessage({ ...queued, kind: 'measure_overdue', subject: { kind: 'measure', id: 'ghi' } }, config);
  assert.equal(measure.subject, 'Påminnelse: en åtgärd i Värn har passerat sitt slutdatum');
  assert.ok(measure.text.includes('https://varn.example.se/atgarder/ghi\n'));
  assert.ok(measure.text.includes('Reminder: a measure in Värn is past its due date'));
});

describeEachDatabase('e-mail of reports', (kind) => {
  let mailbox: Mailbox;
  let server: RunningServer;
  let dropDatabase = async () => {};
  before(async () => {
    mailbox = await startMailbox();
    const environment: NodeJS.ProcessEnv = {
      SMTP_URL: `smtp://127.0.0.1:${mailbox.port}`,
      SIGN_IN_RATE_PER_MINUTE: '1000',
    };
    if (kind === 'postgres') {
      const database = await createTestDatabase('postgres');
      dropDatabase = database.drop;
      if (database.config.kind === 'postgres') environment.DATABASE_URL = database.config.url;
    }
    server = await startTestServer(environment);
  });
  after(async () => {
    await server.stop();
    await mailbox.close();
    await dropDatabase();
  });

  test("a report is mailed to the unit's manager, coordinator and safety representative, with a link and no details", async () => {
    const employee = server.demoLogins.find((login) => login.role === 'employee');
    const signIn = await fetch(`${server.url}/api/auth/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: employee?.email, password: employee?.password }),
    });
    const cookies = signIn.headers.getSetCookie().map((line) => line.split(';')[0] as string);
    const csrf = (cookies.find((cookie) => cookie.startsWith('varn_csrf=')) as string).split('=')[1] as string;
    const description = 'Besökaren nämnde min dotters skola.';
    const reported = await fetch(`${server.url}/api/incidents`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: cookies.join('; '), 'x-csrf-token': csrf },
      body: JSON.stringify({
        kind: 'incident',
        types: ['threat'],
        occurredAt: new Date(Date.now() - 600_000).toISOString(),
        place: { kind: 'free', description: 'Receptionen' },
        context: 'drop_in',
        channel: 'in_person',
        description,
      }),
    });
    assert.equal(reported.status, 201);
    const { id } = (await reported.json()) as { id: string };

    const expected = ['chef@demo.varn.se', 'samordnare@demo.varn.se', 'skyddsombud@demo.varn.se'];
    for (let waited = 0; mailbox.mails.length < expected.length && waited < 15_000; waited += 200) {
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    assert.deepEqual(mailbox.mails.flatMap((mail) => mail.to).sort(), expected);
    for (const mail of mailbox.mails) {
      assert.match(
        mail.raw,
        /Subject: Ny h=C3=A4ndelse rapporterad i V=C3=A4rn|Subject: =\?UTF-8\?Q\?Ny_h=C3=A4ndelse/,
      );
      const text = decodeQuotedPrintable(mail.raw);
      assert.ok(text.includes(`/handelser/${id}`), 'the mail links to the report');
      assert.ok(text.includes('Logga in för att läsa'));
      assert.ok(!text.includes('dotters'), 'the mail carries nothing of what happened');
    }
  });
});
