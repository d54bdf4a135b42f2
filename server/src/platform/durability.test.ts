import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { generate } from 'otplib';
import { demoPassword, demoTotpSecret } from '../demo/demo-tenant.ts';
import { createTestDatabase } from '../testing/test-database.ts';

const mainScript = path.join(import.meta.dirname, '../main.ts');
const postgresUrl = process.env.TEST_DATABASE_URL;

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  return typeof address === 'object' && address ? address.port : 0;
}

/** Starts `node server/src/main.ts` as a real process and waits until it is ready. */
async function startProcess(environment: NodeJS.ProcessEnv): Promise<{ child: ChildProcess; url: string }> {
  const port = await freePort();
  const child = spawn(process.execPath, [mainScript], {
    env: { ...process.env, LOG_LEVEL: 'warn', NODE_ENV: 'test', PORT: String(port), ...environment },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk) => {
    output += chunk;
  });
  child.stderr?.on('data', (chunk) => {
    output += chunk;
  });
  const url = `http://127.0.0.1:${port}`;
  // Two minutes: PGlite's first start (initdb, migrations, demo tenant) is slow on a loaded CI machine.
  for (let attempt = 0; attempt < 1200; attempt += 1) {
    if (child.exitCode !== null) throw new Error(`server exited: ${output}`);
    const ready = await fetch(`${url}/readyz`).then(
      (response) => response.ok,
      () => false,
    );
    if (ready) return { child, url };
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  child.kill('SIGKILL');
  throw new Error(`server did not become ready: ${output}`);
}

/** Signs in with the TOTP code of the current time step, or of the next one (a code works only once). */
async function signInAsAdministrator(url: string, timeStepOffset = 0): Promise<{ cookie: string; csrf: string }> {
  const cookies = new Map<string, string>();
  const remember = (response: Response) => {
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const [name, value] = (pair as string).split('=');
      cookies.set(name as string, value as string);
    }
  };
  const header = () => [...cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  const first = await fetch(`${url}/api/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'admin@demo.varn.se', password: demoPassword }),
  });
  remember(first);
  const second = await fetch(`${url}/api/auth/second-factor`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie: header() },
    body: JSON.stringify({
      code: await generate({ secret: demoTotpSecret, epoch: Math.floor(Date.now() / 1000) + 30 * timeStepOffset }),
    }),
  });
  remember(second);
  assert.equal(((await second.json()) as { status: string }).status, 'signed_in');
  return { cookie: header(), csrf: cookies.get('varn_csrf') as string };
}

const cleanups: (() => Promise<void>)[] = [];
const databases: { name: string; environment: () => Promise<NodeJS.ProcessEnv> }[] = [
  {
    name: 'PGlite',
    environment: async () => {
      const dataDir = await mkdtemp(path.join(tmpdir(), 'varn-durability-'));
      cleanups.push(() => rm(dataDir, { recursive: true, force: true }));
      return { DATA_DIR: dataDir };
    },
  },
];
if (postgresUrl) {
  databases.push({
    name: 'PostgreSQL',
    environment: async () => {
      const database = await createTestDatabase('postgres');
      cleanups.push(() => database.drop());
      return { DATABASE_URL: database.config.kind === 'postgres' ? database.config.url : '' };
    },
  });
}

after(async () => {
  for (const cleanup of cleanups) await cleanup();
});

for (const database of databases) {
  test(`a write answered 201 survives kill -9 the next instant [${database.name}]`, async () => {
    const environment = await database.environment();
    const first = await startProcess(environment);
    const session = await signInAsAdministrator(first.url);
    const abbreviation = `K${Date.now() % 100000}`;
    const response = await fetch(`${first.url}/api/parties`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: session.cookie, 'x-csrf-token': session.csrf },
      body: JSON.stringify({ name: 'Kraschpartiet', abbreviation }),
    });
    assert.equal(response.status, 201);
    first.child.kill('SIGKILL');
    await new Promise((resolve) => first.child.once('exit', resolve));

    const second = await startProcess(environment);
    try {
      const again = await signInAsAdministrator(second.url, 1);
      const parties = await fetch(`${second.url}/api/parties`, { headers: { cookie: again.cookie } }).then(
        (reply) => reply.json() as Promise<{ items: { abbreviation: string }[] }>,
      );
      assert.ok(parties.items.some((party: { abbreviation: string }) => party.abbreviation === abbreviation));
    } finally {
      second.child.kill('SIGTERM');
      await new Promise((resolve) => second.child.once('exit', resolve));
    }
  });
}
