import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, test } from 'node:test';
import { type Role, roles, rolesHavePermission } from '@varn/domain';
import type { TestApp, TestClient } from '../testing/test-app.ts';
import { createTestApp } from '../testing/test-app.ts';
import { countRows, describeEachDatabase } from '../testing/test-database.ts';

// Routes that run a sign-in step of their own are covered by the sign-in tests.
const signInSteps = new Set(['/api/auth/sign-in', '/api/auth/second-factor', '/api/auth/sign-out']);
const allowedForPermitted = new Set([200, 201, 204, 400, 404, 409, 415, 422]);

/**
 * The generated permission matrix: every declared route, called by every demo role, answers 403
 * exactly when the domain's permission model withholds the route's permission from the role, and
 * 401 without a session. Bodies are empty, so permitted writes fail validation and store nothing.
 */
describeEachDatabase('permission matrix', (kind) => {
  let harness: TestApp;
  const clients = new Map<string, TestClient>();
  // A demo user holds the named role and, as staff or official, a base role over themself.
  const heldRoles = new Map<string, Role[]>();
  before(async () => {
    harness = await createTestApp(kind);
    for (const role of roles) {
      const client = await harness.signIn(role);
      clients.set(role, client);
      const me = (await client.get('/api/auth/me')).json() as { grants: { role: Role }[] };
      heldRoles.set(
        role,
        me.grants.map((grant) => grant.role),
      );
    }
  });
  after(() => harness.close());

  const routesUnderTest = () =>
    harness.app.declaredRoutes.filter((route) => route.url.startsWith('/api/') && !signInSteps.has(route.url));

  test('the matrix covers every API route', () => {
    assert.ok(routesUnderTest().length >= 20, `only ${routesUnderTest().length} API routes found`);
  });

  test('each role gets exactly what the permission model gives it', async () => {
    const peopleBefore = await countRows(harness.db, 'people');
    const mismatches: string[] = [];
    for (const route of routesUnderTest()) {
      const url = route.url.replace(/:\w+/g, () => randomUUID()).replace('*', '');
      for (const role of roles) {
        const client = clients.get(role) as TestClient;
        const response = await client.request({
          method: route.method as 'GET',
          url,
          ...(route.method === 'GET' || route.method === 'DELETE' ? {} : { payload: {} }),
        });
        const isPermitted =
          route.access === 'public' ||
          route.access === 'authenticated' ||
          rolesHavePermission(heldRoles.get(role) ?? [], route.access);
        const isAsExpected = isPermitted ? allowedForPermitted.has(response.statusCode) : response.statusCode === 403;
        if (!isAsExpected) mismatches.push(`${role} ${route.method} ${route.url} → ${response.statusCode}`);
      }
    }
    assert.deepEqual(mismatches, []);
    assert.equal(await countRows(harness.db, 'people'), peopleBefore, 'no request of the matrix stored anything');
  });

  test('without a session every non-public route answers 401 problem+json', async () => {
    for (const route of routesUnderTest().filter((candidate) => candidate.access !== 'public')) {
      const response = await harness.app.inject({
        method: route.method as 'GET',
        url: route.url.replace(/:\w+/g, () => randomUUID()),
      });
      assert.equal(response.statusCode, 401, `${route.method} ${route.url}`);
      assert.equal(response.json().code, 'unauthenticated');
    }
  });
});
