import assert from 'node:assert/strict';
import { test } from 'node:test';
import { startTestServer } from '../testing/start-test-server.ts';
import { countRows } from '../testing/test-database.ts';

test('a running server seals audit entries within seconds, and stopping lets requests in flight finish', async () => {
  const server = await startTestServer();
  const employee = server.demoLogins.find((login) => login.role === 'employee');
  const signIn = () =>
    fetch(`${server.url}/api/auth/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: employee?.email, password: employee?.password }),
    });
  const startedAt = performance.now();
  assert.equal((await signIn()).status, 200);
  const signInMs = performance.now() - startedAt;
  let unsealed = await countRows(server.db, 'audit_unsealed');
  for (let waited = 0; unsealed > 0 && waited < 5000; waited += 100) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    unsealed = await countRows(server.db, 'audit_unsealed');
  }
  assert.equal(unsealed, 0, 'every entry was sealed within five seconds');

  // A sign-in takes tens of milliseconds (argon2id), more on a loaded machine: a quarter of the first
  // one's time in, the second is being hashed when stop begins.
  const inFlight = signIn();
  await new Promise((resolve) => setTimeout(resolve, Math.max(5, signInMs / 4)));
  await server.stop();
  const response = await inFlight;
  assert.equal(response.status, 200);
  assert.equal(((await response.json()) as { status: string }).status, 'signed_in');
});
