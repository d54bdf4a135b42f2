import { randomBytes } from 'node:crypto';
import type { Role } from '@varn/domain';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { generate } from 'otplib';
import { buildApp } from '../app.ts';
import { type DemoLogin, seedDemoTenant } from '../demo/demo-tenant.ts';
import { loadConfig } from '../platform/config.ts';
import type { Db } from '../platform/database.ts';
import { createTestDatabase, type DatabaseKind } from './test-database.ts';

export interface TestApp {
  app: FastifyInstance;
  db: Db;
  demoLogins: DemoLogin[];
  /** A second tenant, seeded like the first, to prove that tenants never see each other. */
  otherTenantLogins: DemoLogin[];
  signIn(role: Role, tenant?: 'demo' | 'other'): Promise<TestClient>;
  close(): Promise<void>;
}

export interface TestClient {
  request(options: InjectOptions): Promise<LightMyRequestResponse>;
  get(url: string): Promise<LightMyRequestResponse>;
  post(url: string, body?: unknown, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  patch(url: string, body?: unknown): Promise<LightMyRequestResponse>;
  delete(url: string): Promise<LightMyRequestResponse>;
}

/**
 * The whole app over a fresh database with two demo tenants, driven through Fastify's inject: the
 * real routing, hooks, validation, authorization and serialization, without opening a port.
 */
export async function createTestApp(kind: DatabaseKind, environment: NodeJS.ProcessEnv = {}): Promise<TestApp> {
  const database = await createTestDatabase(kind);
  const config = {
    ...loadConfig({
      NODE_ENV: 'test',
      LOG_LEVEL: 'silent',
      SECRET_KEY: randomBytes(32).toString('hex'),
      SIGN_IN_RATE_PER_MINUTE: '10000',
      ...environment,
    }),
    database: database.config,
    webRoot: null,
  };
  const demoLogins = await seedDemoTenant(database.db, config);
  const otherTenantLogins = await seedDemoTenant(database.db, config, {
    slug: 'annan',
    name: 'Annan kommun',
    emailDomain: 'annan.varn.se',
  });
  const app = await buildApp(config, database.db);
  await app.ready();

  async function signIn(role: Role, tenant: 'demo' | 'other' = 'demo'): Promise<TestClient> {
    const login = (tenant === 'demo' ? demoLogins : otherTenantLogins).find((candidate) => candidate.role === role);
    if (!login) throw new Error(`no demo log-in for ${role}`);
    let response = await app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      payload: { email: login.email, password: login.password },
    });
    let cookies = cookieJar(response);
    if (response.json().status === 'second_factor_required') {
      // Tests sign the same demo account in many times a minute; a real code is accepted only once.
      await database.db
        .updateTable('accounts')
        .set({ totpLastTimeStep: null })
        .where('email', '=', login.email)
        .execute();
      const code = await generate({ secret: login.totpSecret as string });
      response = await app.inject({ method: 'POST', url: '/api/auth/second-factor', payload: { code }, cookies });
      cookies = cookieJar(response);
    }
    if (response.json().status !== 'signed_in') throw new Error(`sign-in as ${role} failed: ${response.body}`);
    return clientWith(app, cookies);
  }

  return {
    app,
    db: database.db,
    demoLogins,
    otherTenantLogins,
    signIn,
    async close() {
      await app.close();
      await database.drop();
    },
  };
}

function cookieJar(response: LightMyRequestResponse): Record<string, string> {
  return Object.fromEntries(response.cookies.map((cookie) => [cookie.name, cookie.value]));
}

/** A signed-in client that sends its cookies and the CSRF header like the web app does. */
export function clientWith(app: FastifyInstance, cookies: Record<string, string>): TestClient {
  const request = (options: InjectOptions) =>
    app.inject({
      ...options,
      cookies: { ...cookies, ...(options.cookies ?? {}) },
      headers: { 'x-csrf-token': cookies.varn_csrf ?? '', ...(options.headers ?? {}) },
    });
  return {
    request,
    get: (url) => request({ method: 'GET', url }),
    post: (url, body, headers) =>
      request({ method: 'POST', url, payload: body as InjectOptions['payload'], headers: headers ?? {} }),
    patch: (url, body) => request({ method: 'PATCH', url, payload: body as InjectOptions['payload'] }),
    delete: (url) => request({ method: 'DELETE', url }),
  };
}
