import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { loadConfig } from '../platform/config.ts';
import { type RunningServer, startServer } from '../platform/server.ts';

/**
 * The real app on a random loopback port with a fresh in-memory PGlite database and the demo
 * tenant, for browser tests and benchmarks.
 */
export async function startTestServer(overrides: NodeJS.ProcessEnv = {}): Promise<RunningServer> {
  const config = loadConfig({
    NODE_ENV: 'test',
    PORT: '0',
    LOG_LEVEL: 'silent',
    SECRET_KEY: randomBytes(32).toString('hex'),
    DATA_DIR: path.join(import.meta.dirname, '../../../data/test'),
    ...overrides,
  });
  return startServer({
    ...config,
    database: overrides.DATABASE_URL ? config.database : { kind: 'pglite', dataDir: null },
  });
}
