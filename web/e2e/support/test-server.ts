/** The demo log-in of one role, as the server's demo tenant seeds it. */
export type DemoLogin = { role: string; email: string; password: string; totpSecret: string | null };

export type TestServer = { url: string; demoLogins: DemoLogin[]; stop(): Promise<void> };

type StartTestServer = (overrides?: Record<string, string>) => Promise<TestServer>;

type CreatePostgresDatabase = () => Promise<{ url: string; drop(): Promise<void> }>;

// Loaded by URL so that the web project's type check does not pull in the server's sources.
const serverModule = new URL('../../../server/src/testing/start-test-server.ts', import.meta.url).href;
const databaseModule = new URL('../../../server/src/testing/test-database.ts', import.meta.url).href;

/**
 * The real server on a random port, with a fresh database, the demo tenant and `web/dist`. The database
 * is a new one on the PostgreSQL server of TEST_DATABASE_URL when it is set (as in CI): PostgreSQL runs
 * beside the server instead of inside its event loop, which keeps pages quick while Chromium shares the
 * cores. Without it, an in-memory PGlite, so a fresh machine runs the browser tests too.
 * Sign-in rate limits are raised: the tests sign in many times a minute from one address.
 */
export async function startTestServer(): Promise<TestServer> {
  const { startTestServer: start } = (await import(serverModule)) as { startTestServer: StartTestServer };
  const overrides = { SIGN_IN_RATE_PER_MINUTE: '10000' };
  if (!process.env.TEST_DATABASE_URL) return start(overrides);
  const { createPostgresDatabase } = (await import(databaseModule)) as {
    createPostgresDatabase: CreatePostgresDatabase;
  };
  const database = await createPostgresDatabase();
  const server = await start({ ...overrides, DATABASE_URL: database.url });
  return {
    ...server,
    async stop() {
      await server.stop();
      await database.drop();
    },
  };
}

export function loginOf(server: TestServer, role: string): DemoLogin {
  const login = server.demoLogins.find((candidate) => candidate.role === role);
  if (!login) throw new Error(`The demo tenant has no log-in for the role ${role}`);
  return login;
}
