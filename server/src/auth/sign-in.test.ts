import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { generate } from 'otplib';
import { createTestApp, type TestApp } from '../testing/test-app.ts';
import { describeEachDatabase } from '../testing/test-database.ts';

describeEachDatabase('sign-in', (kind) => {
  let harness: TestApp;
  before(async () => {
    harness = await createTestApp(kind);
  });
  after(() => harness.close());

  const signInAs = (email: string, password: string) =>
    harness.app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { email, password } });
  const loginOf = (role: string) =>
    harness.demoLogins.find((login) => login.role === role) as { email: string; password: string; totpSecret: string };

  test('an employee signs in with a password alone and gets an HttpOnly, SameSite session cookie', async () => {
    const response = await signInAs(loginOf('employee').email, loginOf('employee').password);
    assert.equal(response.statusCode, 200);
    assert.equal(response.json().status, 'signed_in');
    const session = response.cookies.find((cookie) => cookie.name === 'varn_session');
    assert.ok(session?.httpOnly);
    assert.equal(session?.sameSite, 'Lax');
  });

  test('a manager must give a TOTP code before the session reaches any data', async () => {
    const login = loginOf('manager');
    const first = await signInAs(login.email, login.password);
    assert.equal(first.json().status, 'second_factor_required');
    const pendingCookies = Object.fromEntries(first.cookies.map((cookie) => [cookie.name, cookie.value]));
    const blocked = await harness.app.inject({ method: 'GET', url: '/api/people', cookies: pendingCookies });
    assert.equal(blocked.statusCode, 401);
    const wrong = await harness.app.inject({
      method: 'POST',
      url: '/api/auth/second-factor',
      payload: { code: '000000' },
      cookies: pendingCookies,
    });
    assert.equal(wrong.statusCode, 401);
    assert.equal(wrong.json().code, 'invalid_second_factor');
    const code = await generate({ secret: login.totpSecret });
    const second = await harness.app.inject({
      method: 'POST',
      url: '/api/auth/second-factor',
      payload: { code },
      cookies: pendingCookies,
    });
    assert.equal(second.json().status, 'signed_in');
    const rotated = second.cookies.find((cookie) => cookie.name === 'varn_session')?.value;
    assert.notEqual(
      rotated,
      pendingCookies.varn_session,
      'the session token is rotated when the second factor is verified',
    );
  });

  test('a wrong password answers the same problem as an unknown account, in Swedish and English', async () => {
    const wrong = await signInAs(loginOf('employee').email, 'not the password');
    const unknown = await signInAs('nobody@demo.varn.se', 'not the password');
    assert.equal(wrong.statusCode, 401);
    assert.equal(wrong.headers['content-type'], 'application/problem+json; charset=utf-8');
    assert.deepEqual(wrong.json().message, unknown.json().message);
    assert.equal(wrong.json().message.sv, 'Fel e-postadress eller lösenord.');
  });

  test('repeated failures lock the account, even for the right password', async () => {
    const login = loginOf('board_reader');
    for (let attempt = 0; attempt < 5; attempt += 1) {
      assert.equal((await signInAs(login.email, `wrong ${attempt}`)).statusCode, 401);
    }
    const locked = await signInAs(login.email, login.password);
    assert.equal(locked.statusCode, 423);
    assert.equal(locked.json().code, 'account_locked');
  });

  test('signing out ends the session', async () => {
    const client = await harness.signIn('employee');
    assert.equal((await client.get('/api/auth/me')).statusCode, 200);
    assert.equal((await client.post('/api/auth/sign-out')).statusCode, 204);
    assert.equal((await client.get('/api/auth/me')).statusCode, 401);
  });

  test('a write without the CSRF header is refused', async () => {
    const client = await harness.signIn('administrator');
    const response = await client.request({
      method: 'POST',
      url: '/api/parties',
      payload: { name: 'Testpartiet', abbreviation: 'TP' },
      headers: { 'x-csrf-token': 'forged' },
    });
    assert.equal(response.statusCode, 403);
    assert.equal(response.json().code, 'csrf_failed');
  });
});

describeEachDatabase('sign-in rate limit', (kind) => {
  let harness: TestApp;
  before(async () => {
    harness = await createTestApp(kind, { SIGN_IN_RATE_PER_MINUTE: '3' });
  });
  after(() => harness.close());

  test('one client address gets 429 after the allowed attempts a minute, across accounts', async () => {
    const statuses: number[] = [];
    for (const email of ['a@x.se', 'b@x.se', 'c@x.se', 'd@x.se']) {
      const response = await harness.app.inject({
        method: 'POST',
        url: '/api/auth/sign-in',
        payload: { email, password: 'guess' },
      });
      statuses.push(response.statusCode);
    }
    assert.deepEqual(statuses, [401, 401, 401, 429]);
  });
});

describeEachDatabase('deactivated people', (kind) => {
  let harness: TestApp;
  before(async () => {
    harness = await createTestApp(kind);
  });
  after(() => harness.close());

  test('a deactivated person cannot sign in, and is answered like an unknown account', async () => {
    const login = harness.demoLogins.find((candidate) => candidate.role === 'employee') as {
      email: string;
      password: string;
    };
    await harness.db.updateTable('people').set({ isActive: false }).where('email', '=', login.email).execute();
    const response = await harness.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      payload: { email: login.email, password: login.password },
    });
    assert.equal(response.statusCode, 401);
    assert.equal(response.json().code, 'invalid_credentials');
  });
});

describeEachDatabase('second factor replay', (kind) => {
  let harness: TestApp;
  before(async () => {
    harness = await createTestApp(kind);
  });
  after(() => harness.close());

  test('a TOTP code that was accepted once is refused the second time', async () => {
    const login = harness.demoLogins.find((candidate) => candidate.role === 'duty_officer') as {
      email: string;
      password: string;
      totpSecret: string;
    };
    const code = await generate({ secret: login.totpSecret });
    const useCode = async () => {
      const first = await harness.app.inject({
        method: 'POST',
        url: '/api/auth/sign-in',
        payload: { email: login.email, password: login.password },
      });
      const cookies = Object.fromEntries(first.cookies.map((cookie) => [cookie.name, cookie.value]));
      return harness.app.inject({ method: 'POST', url: '/api/auth/second-factor', payload: { code }, cookies });
    };
    assert.equal((await useCode()).json().status, 'signed_in');
    const replay = await useCode();
    assert.equal(replay.statusCode, 401);
    assert.equal(replay.json().code, 'invalid_second_factor');
  });
});
