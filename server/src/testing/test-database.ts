import { randomBytes } from 'node:crypto';
import { describe } from 'node:test';
import { sql } from 'kysely';
import pg from 'pg';
import type { Config } from '../platform/config.ts';
import { type Db, openDatabase } from '../platform/database.ts';
import { migrate } from '../platform/migrate.ts';

export type DatabaseKind = 'pglite' | 'postgres';

const postgresUrl = process.env.TEST_DATABASE_URL;

if (!postgresUrl) {
  const message = 'TEST_DATABASE_URL is not set: database tests run on PGlite only, NOT on PostgreSQL.';
  if (process.env.CI === 'true') throw new Error(`${message} CI must run both.`);
  console.warn(`\n!!! ${message}\n`);
}

/** A fresh, migrated, empty database of the given kind; `drop` removes it again. */
export async function createTestDatabase(
  kind: DatabaseKind,
): Promise<{ db: Db; config: Config['database']; drop(): Promise<void> }> {
  if (kind === 'pglite') {
    const config = { kind: 'pglite' as const, dataDir: null };
    const db = openDatabase(config);
    await migrate(db);
    return { db, config, drop: () => db.destroy() };
  }
  const database = await createPostgresDatabase();
  const config = { kind: 'postgres' as const, url: database.url, poolSize: 5 };
  const db = openDatabase(config);
  await migrate(db);
  return {
    db,
    config,
    async drop() {
      await db.destroy();
      await database.drop();
    },
  };
}

/** A fresh, empty database on the PostgreSQL server of TEST_DATABASE_URL; `drop` removes it again. */
export async function createPostgresDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  if (!postgresUrl) throw new Error('TEST_DATABASE_URL is not set');
  const name = `varn_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: postgresUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(postgresUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const cleanup = new pg.Client({ connectionString: postgresUrl });
      await cleanup.connect();
      await cleanup.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await cleanup.end();
    },
  };
}

/**
 * Declares a suite once per database kind: on PGlite always, and on PostgreSQL when
 * TEST_DATABASE_URL is set (CI sets it; without it, CI fails above instead of skipping).
 */
export function describeEachDatabase(title: string, suite: (kind: DatabaseKind) => void): void {
  describe(`${title} [PGlite]`, () => suite('pglite'));
  describe(`${title} [PostgreSQL]`, { skip: postgresUrl ? false : 'TEST_DATABASE_URL is not set' }, () =>
    suite('postgres'),
  );
}

/** Rows of a table read directly, bypassing the app: for asserting what was (not) stored. */
export async function countRows(db: Db, table: string): Promise<number> {
  const result = await sql<{ count: number }>`SELECT count(*)::int AS count FROM ${sql.table(table)}`.execute(db);
  return result.rows[0]?.count ?? 0;
}
