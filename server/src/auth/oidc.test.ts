import assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, test } from 'node:test';
// oidc-provider ships JavaScript only; the little of it this test uses is typed below.
// @ts-expect-error -- no declaration file (add @types/oidc-provider to drop this line)
import { Provider as UntypedProvider } from 'oidc-provider';
import { createTestApp, type TestApp } from '../testing/test-app.ts';
import { countRows, describeEachDatabase } from '../testing/test-database.ts';

interface TestProviderInstance {
  callback(): (request: IncomingMessage, response: ServerResponse) => void;
  interactionFinished(
    request: IncomingMessage,
    response: ServerResponse,
    result: { login: { accountId: string } },
    options: { mergeWithLastSubmission: boolean },
  ): Promise<void>;
  Grant: new (properties: { clientId: string; accountId: string }) => TestGrant;
}
interface TestGrant {
  addOIDCScope(scope: string): void;
  save(): Promise<string>;
}
interface ProviderContext {
  oidc: {
    client: { clientId: string };
    session: { accountId: string; grantIdFor(clientId: string): string | undefined };
    result?: { consent?: { grantId?: string } };
    provider: TestProviderInstance & { Grant: { find(id: string): Promise<TestGrant | undefined> } };
  };
}
const Provider = UntypedProvider as new (issuer: string, configuration: object) => TestProviderInstance;

const clientId = 'varn';
const clientSecret = 'test-client-secret-that-is-long-enough';

/** The people the test provider knows, by subject: who signs in is chosen per test. */
type Identity = { email: string; email_verified?: boolean };

interface TestIdentityProvider {
  issuer: string;
  identities: Map<string, Identity>;
  /** The subject the provider signs in at its next login interaction. */
  signInAs(subject: string): void;
  close(): Promise<void>;
}

/**
 * A real OpenID Connect provider on a loopback port, with one confidential client and a login
 * interaction that signs in a chosen subject without a form.
 */
async function startIdentityProvider(redirectUri: string): Promise<TestIdentityProvider> {
  const identities = new Map<string, Identity>();
  let nextSubject = '';
  let handle: (request: IncomingMessage, response: ServerResponse) => void = (_request, response) => {
    response.statusCode = 503;
    response.end();
  };
  const server: Server = createServer((request, response) => handle(request, response));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const signingKey = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'jwk' });

  const provider = new Provider(issuer, {
    clients: [{ client_id: clientId, client_secret: clientSecret, redirect_uris: [redirectUri] }],
    jwks: { keys: [{ ...signingKey, use: 'sig', alg: 'RS256' }] },
    cookies: { keys: ['test-provider-cookie-key'] },
    ttl: { Interaction: 600, Session: 600, Grant: 600, AccessToken: 600, IdToken: 600, AuthorizationCode: 60 },
    claims: { openid: ['sub'], email: ['email', 'email_verified'] },
    features: { devInteractions: { enabled: false } },
    interactions: { url: (_context: unknown, interaction: { uid: string }) => `/interaction/${interaction.uid}` },
    async findAccount(_context: unknown, subject: string) {
      const identity = identities.get(subject);
      if (!identity) return undefined;
      return { accountId: subject, claims: async () => ({ sub: subject, ...identity }) };
    },
    // A first-party client needs no consent screen: every scope is granted.
    async loadExistingGrant(context: ProviderContext) {
      const { oidc } = context;
      const grantId = oidc.result?.consent?.grantId ?? oidc.session.grantIdFor(oidc.client.clientId);
      if (grantId) return oidc.provider.Grant.find(grantId);
      const grant = new oidc.provider.Grant({ clientId: oidc.client.clientId, accountId: oidc.session.accountId });
      grant.addOIDCScope('openid email');
      await grant.save();
      return grant;
    },
  });
  const providerCallback = provider.callback();
  handle = (request, response) => {
    if (!request.url?.startsWith('/interaction/')) return providerCallback(request, response);
    provider
      .interactionFinished(request, response, { login: { accountId: nextSubject } }, { mergeWithLastSubmission: false })
      .catch((error: unknown) => {
        response.statusCode = 500;
        response.end(String(error));
      });
  };

  return {
    issuer,
    identities,
    signInAs(subject) {
      nextSubject = subject;
    },
    close: () => new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}

/** A browser, as far as this flow needs one: cookies kept per origin, redirects followed by hand. */
function createBrowser() {
  const jars = new Map<string, Map<string, string>>();
  const jarOf = (url: URL) => {
    const jar = jars.get(url.origin) ?? new Map<string, string>();
    jars.set(url.origin, jar);
    return jar;
  };

  async function get(url: URL): Promise<Response> {
    const jar = jarOf(url);
    const cookie = [...jar].map(([name, value]) => `${name}=${value}`).join('; ');
    const response = await fetch(url, { redirect: 'manual', headers: cookie ? { cookie } : {} });
    for (const header of response.headers.getSetCookie()) {
      const [pair = '', ...attributes] = header.split(';');
      const separator = pair.indexOf('=');
      const name = pair.slice(0, separator).trim();
      const value = pair.slice(separator + 1).trim();
      const isRemoval =
        value === '' ||
        attributes.some((attribute) => /^\s*max-age=0\s*$/i.test(attribute)) ||
        attributes.some(
          (attribute) => /^\s*expires=/i.test(attribute) && new Date(attribute.split('=')[1] ?? '') < new Date(),
        );
      if (isRemoval) jar.delete(name);
      else jar.set(name, value);
    }
    return response;
  }

  return {
    get,
    cookieOf: (origin: string, name: string) => jars.get(origin)?.get(name),
    /** Follows redirects from `url` until `stop` says a location is far enough, or a page answers. */
    async follow(url: URL, stop: (location: URL) => boolean = () => false): Promise<URL[]> {
      const visited = [url];
      let current = url;
      for (let hop = 0; hop < 20; hop += 1) {
        const response = await get(current);
        await response.body?.cancel();
        const location = response.headers.get('location');
        if (response.status < 300 || response.status >= 400 || !location) return visited;
        current = new URL(location, current);
        visited.push(current);
        if (stop(current)) return visited;
      }
      throw new Error(`too many redirects from ${url}`);
    },
  };
}

/** A port that was free a moment ago: the app's public URL must be known before the app is built. */
async function reservePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

describeEachDatabase('single sign-on with OpenID Connect', (kind) => {
  let harness: TestApp;
  let identityProvider: TestIdentityProvider;
  let publicUrl: string;

  before(async () => {
    const port = await reservePort();
    publicUrl = `http://127.0.0.1:${port}`;
    identityProvider = await startIdentityProvider(`${publicUrl}/api/auth/oidc/callback`);
    harness = await createTestApp(kind, {
      PUBLIC_URL: publicUrl,
      OIDC_ISSUER: identityProvider.issuer,
      OIDC_CLIENT_ID: clientId,
      OIDC_CLIENT_SECRET: clientSecret,
    });
    await harness.app.listen({ port, host: '127.0.0.1' });
  });
  after(async () => {
    await harness.close();
    await identityProvider.close();
  });

  const employeeEmail = () => harness.demoLogins.find((login) => login.role === 'employee')?.email as string;
  const isBackAtVarn = (location: URL) => location.origin === publicUrl && !location.pathname.startsWith('/api/');
  const accountOf = (email: string) =>
    harness.db
      .selectFrom('accounts')
      .select(['id', 'oidcSubject'])
      .where('email', '=', email)
      .executeTakeFirstOrThrow();

  /** Runs the whole flow in a fresh browser and says where it ended and with which session. */
  async function signInThroughProvider(subject: string) {
    identityProvider.signInAs(subject);
    const browser = createBrowser();
    const visited = await browser.follow(new URL('/api/auth/oidc/start', publicUrl), isBackAtVarn);
    const session = browser.cookieOf(publicUrl, 'varn_session');
    return { visited, landing: visited.at(-1) as URL, session, browser };
  }

  const currentUserWith = (session: string | undefined) =>
    harness.app.inject({ method: 'GET', url: '/api/auth/me', cookies: session ? { varn_session: session } : {} });

  test('status says single sign-on is on', async () => {
    const response = await harness.app.inject({ method: 'GET', url: '/api/auth/oidc/status' });
    assert.deepEqual(response.json(), { enabled: true });
  });

  test('start sends the browser to the provider with PKCE, state and nonce in a sealed cookie', async () => {
    const response = await createBrowser().get(new URL('/api/auth/oidc/start', publicUrl));
    assert.equal(response.status, 302);
    const location = new URL(response.headers.get('location') as string);
    assert.equal(location.origin, identityProvider.issuer);
    assert.equal(location.searchParams.get('code_challenge_method'), 'S256');
    assert.equal(location.searchParams.get('redirect_uri'), `${publicUrl}/api/auth/oidc/callback`);
    assert.ok(location.searchParams.get('state'));
    assert.ok(location.searchParams.get('nonce'));
    const attempt = response.headers.getSetCookie().find((cookie) => cookie.startsWith('varn_oidc='));
    assert.match(attempt ?? '', /HttpOnly/);
    assert.match(attempt ?? '', /SameSite=Lax/);
    const state = location.searchParams.get('state') as string;
    assert.ok(!attempt?.includes(state), 'the cookie is sealed, not readable');
  });

  test('a known person signs in at the provider and gets a complete Värn session', async () => {
    identityProvider.identities.set('subject-employee', { email: employeeEmail(), email_verified: true });
    const flow = await signInThroughProvider('subject-employee');
    assert.equal(flow.landing.href, `${publicUrl}/`);
    assert.ok(flow.session, 'a session cookie was set');
    assert.equal(flow.browser.cookieOf(publicUrl, 'varn_oidc'), undefined, 'the attempt cookie is spent');
    const me = await currentUserWith(flow.session);
    assert.equal(me.statusCode, 200);
    assert.equal(me.json().email, employeeEmail());
    assert.equal((await accountOf(employeeEmail())).oidcSubject, 'subject-employee');
  });

  test('once linked, the subject finds the account even after the e-mail address changes', async () => {
    identityProvider.identities.set('subject-employee', { email: 'new-address@example.org', email_verified: true });
    const flow = await signInThroughProvider('subject-employee');
    assert.equal(flow.landing.href, `${publicUrl}/`);
    assert.equal((await currentUserWith(flow.session)).json().email, employeeEmail());
  });

  test('another subject with a linked account’s e-mail address is refused', async () => {
    identityProvider.identities.set('subject-impostor', { email: employeeEmail(), email_verified: true });
    const flow = await signInThroughProvider('subject-impostor');
    assert.equal(flow.landing.pathname + flow.landing.search, '/logga-in?fel=sso');
    assert.equal(flow.session, undefined);
  });

  test('a person Värn does not know ends at the sign-in page, and nothing is created', async () => {
    const accountsBefore = await countRows(harness.db, 'accounts');
    const sessionsBefore = await countRows(harness.db, 'sessions');
    identityProvider.identities.set('subject-stranger', { email: 'stranger@demo.varn.se', email_verified: true });
    const flow = await signInThroughProvider('subject-stranger');
    assert.equal(flow.landing.href, `${publicUrl}/logga-in?fel=sso`);
    assert.equal(flow.session, undefined);
    assert.equal(await countRows(harness.db, 'accounts'), accountsBefore);
    assert.equal(await countRows(harness.db, 'sessions'), sessionsBefore);
  });

  test('an address the provider has not verified is refused', async () => {
    const manager = harness.demoLogins.find((login) => login.role === 'manager')?.email as string;
    identityProvider.identities.set('subject-unverified', { email: manager, email_verified: false });
    const flow = await signInThroughProvider('subject-unverified');
    assert.equal(flow.landing.pathname + flow.landing.search, '/logga-in?fel=sso');
    assert.equal((await accountOf(manager)).oidcSubject, null);
  });

  test('a callback with a tampered state is refused, even with a valid code', async () => {
    const manager = harness.demoLogins.find((login) => login.role === 'manager')?.email as string;
    identityProvider.identities.set('subject-manager', { email: manager, email_verified: true });
    identityProvider.signInAs('subject-manager');
    const browser = createBrowser();
    const isCallback = (location: URL) => location.pathname === '/api/auth/oidc/callback';
    const callback = (await browser.follow(new URL('/api/auth/oidc/start', publicUrl), isCallback)).at(-1) as URL;
    assert.ok(callback.searchParams.get('code'), 'the provider issued a code');
    callback.searchParams.set('state', `${callback.searchParams.get('state')}x`);
    const response = await browser.get(callback);
    assert.equal(response.status, 302);
    assert.equal(response.headers.get('location'), '/logga-in?fel=sso');
    assert.equal(browser.cookieOf(publicUrl, 'varn_session'), undefined);
    assert.equal((await accountOf(manager)).oidcSubject, null);
  });

  test('a callback without the attempt cookie, or with a forged one, is refused', async () => {
    const forged = 'v1.AAAAAAAAAAAAAAAA.AAAAAAAAAAAAAAAAAAAAAA.AAAA';
    for (const cookies of [{}, { varn_oidc: forged }] as Record<string, string>[]) {
      const response = await harness.app.inject({
        method: 'GET',
        url: '/api/auth/oidc/callback?code=anything&state=anything',
        cookies,
      });
      assert.equal(response.statusCode, 302);
      assert.equal(response.headers.location, '/logga-in?fel=sso');
      assert.equal(
        response.cookies.find((cookie) => cookie.name === 'varn_session'),
        undefined,
      );
    }
  });
});

describeEachDatabase('single sign-on when no provider is configured', (kind) => {
  let harness: TestApp;
  before(async () => {
    harness = await createTestApp(kind);
  });
  after(() => harness.close());

  test('status says off, and start and callback are not found', async () => {
    const status = await harness.app.inject({ method: 'GET', url: '/api/auth/oidc/status' });
    assert.deepEqual(status.json(), { enabled: false });
    for (const url of ['/api/auth/oidc/start', '/api/auth/oidc/callback?code=x&state=y']) {
      const response = await harness.app.inject({ method: 'GET', url });
      assert.equal(response.statusCode, 404);
      assert.equal(response.json().code, 'not_found');
    }
  });
});

describeEachDatabase('single sign-on while the provider is down', (kind) => {
  test('the app starts without reaching the provider; start fails only when used', async () => {
    const port = await reservePort();
    const harness = await createTestApp(kind, {
      OIDC_ISSUER: `http://127.0.0.1:${port}`,
      OIDC_CLIENT_ID: clientId,
      OIDC_CLIENT_SECRET: clientSecret,
    });
    try {
      const status = await harness.app.inject({ method: 'GET', url: '/api/auth/oidc/status' });
      assert.deepEqual(status.json(), { enabled: true });
      const start = await harness.app.inject({ method: 'GET', url: '/api/auth/oidc/start' });
      assert.equal(start.statusCode, 500);
    } finally {
      await harness.close();
    }
  });
});
