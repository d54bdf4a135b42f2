/** The demo log-in of one role, as the server's demo tenant seeds it. */
export type DemoLogin = { role: string; email: string; password: string; totpSecret: string | null };

export type TestServer = { url: string; demoLogins: DemoLogin[]; stop(): Promise<void> };

type StartTestServer = (overrides?: Record<string, string>) => Promise<TestServer>;

// Loaded by URL so that the web project's type check does not pull in the server's sources.
const modulePath = new URL('../../../server/src/testing/start-test-server.ts', import.meta.url).href;

/**
 * The real server on a random port, with a fresh in-memory database, the demo tenant and `web/dist`.
 * Sign-in rate limits are raised: the tests sign in many times a minute from one address.
 */
export async function startTestServer(): Promise<TestServer> {
  const { startTestServer: start } = (await import(modulePath)) as { startTestServer: StartTestServer };
  return start({ SIGN_IN_RATE_PER_MINUTE: '10000' });
}

export function loginOf(server: TestServer, role: string): DemoLogin {
  const login = server.demoLogins.find((candidate) => candidate.role === role);
  if (!login) throw new Error(`The demo tenant has no log-in for the role ${role}`);
  return login;
}
