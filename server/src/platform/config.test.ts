import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { loadConfig } from './config.ts';

const secretKey = 'ab'.repeat(32);

test('production refuses to start without SECRET_KEY and never seeds the demo tenant', () => {
  assert.throws(() => loadConfig({ NODE_ENV: 'production' }), /SECRET_KEY must be set/);
  const production = loadConfig({ NODE_ENV: 'production', SECRET_KEY: secretKey });
  assert.equal(production.seedDemo, false);
});

test('development seeds the demo tenant unless told not to', () => {
  assert.equal(loadConfig({ SECRET_KEY: secretKey }).seedDemo, true);
  assert.equal(loadConfig({ SECRET_KEY: secretKey, SEED_DEMO: 'never' }).seedDemo, false);
});

test('DATABASE_URL selects PostgreSQL; without it PGlite keeps its data in DATA_DIR', () => {
  const postgres = loadConfig({ SECRET_KEY: secretKey, DATABASE_URL: 'postgres://app@db/varn' });
  assert.deepEqual(postgres.database, { kind: 'postgres', url: 'postgres://app@db/varn', poolSize: 10 });
  const embedded = loadConfig({ SECRET_KEY: secretKey, DATA_DIR: '/srv/varn' });
  assert.deepEqual(embedded.database, { kind: 'pglite', dataDir: '/srv/varn/pglite' });
});

test('outside production a missing key is made once and kept in the data directory', async () => {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'varn-config-'));
  try {
    const first = loadConfig({ DATA_DIR: dataDir });
    const second = loadConfig({ DATA_DIR: dataDir });
    assert.equal(first.secretKey.length, 32);
    assert.deepEqual(second.secretKey, first.secretKey);
    assert.equal((await readFile(path.join(dataDir, 'secret.key'), 'utf8')).trim(), first.secretKey.toString('hex'));
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
});

test('a malformed setting is refused with the variable named', () => {
  assert.throws(() => loadConfig({ SECRET_KEY: 'short' }), /SECRET_KEY/);
  assert.throws(() => loadConfig({ SECRET_KEY: secretKey, PORT: 'eighty' }), /PORT/);
});

test('the default data directory is the repository data/ folder, wherever the command runs', () => {
  const repositoryRoot = path.resolve(import.meta.dirname, '../../..');
  const config = loadConfig({ SECRET_KEY: secretKey });
  assert.equal(config.dataDir, path.join(repositoryRoot, 'data'));
});
