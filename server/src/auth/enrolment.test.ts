import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { generate } from 'otplib';
import { createTestApp, type TestApp } from '../testing/test-app.ts';
import { describeEachDatabase } from '../testing/test-database.ts';

describeEachDatabase('second factor enrolment', (kind) => {
  let harness: TestApp;
  before(async () => {
    harness = await createTestApp(kind);
  });
  after(() => harness.close());

  test('a manager without TOTP is shown a QR code at first sign-in and must confirm a code', async () => {
    const manager = harness.demoLogins.find((candidate) => candidate.role === 'manager') as {
      email: string;
      password: string;
    };
    const login = { email: manager.email, password: manager.password };
    await harness.db
      .updateTable('accounts')
      .set({ totpSecretEncrypted: null, totpEnabledAt: null })
      .where('email', '=', login.email)
      .execute();
    const first = await harness.app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: login });
    const body = first.json();
    assert.equal(body.status, 'second_factor_enrolment_required');
    assert.match(body.enrolment.otpauthUrl, /^otpauth:\/\/totp\//);
    assert.match(body.enrolment.qrCodeDataUrl, /^data:image\/png;base64,/);
    const cookies = Object.fromEntries(first.cookies.map((cookie) => [cookie.name, cookie.value]));
    const stored = await harness.db
      .selectFrom('accounts')
      .select('totpSecretEncrypted')
      .where('email', '=', login.email)
      .executeTakeFirstOrThrow();
    assert.ok(
      stored.totpSecretEncrypted && !stored.totpSecretEncrypted.includes(body.enrolment.secret),
      'the secret is encrypted at rest',
    );
    const code = await generate({ secret: body.enrolment.secret });
    const confirmed = await harness.app.inject({
      method: 'POST',
      url: '/api/auth/second-factor',
      payload: { code },
      cookies,
    });
    assert.equal(confirmed.json().status, 'signed_in');
    assert.equal(confirmed.json().user.hasSecondFactor, true);
    const again = await harness.app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: login });
    assert.equal(
      again.json().status,
      'second_factor_required',
      'once enrolled, the code is asked for, not a new QR code',
    );
  });
});
