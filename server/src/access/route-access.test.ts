import assert from 'node:assert/strict';
import { test } from 'node:test';
import Fastify from 'fastify';
import { registerRouteAccess } from './route-access.ts';

test('a route that declares no access stops the app from starting', async () => {
  const app = Fastify();
  app.decorate('db', {} as never);
  app.decorate('config', { session: { cacheSeconds: 0 } } as never);
  registerRouteAccess(app);
  assert.throws(() => app.get('/api/forgotten', async () => ({ secret: true })), /declares no access/);
  await app.close();
});
