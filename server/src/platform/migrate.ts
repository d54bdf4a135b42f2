import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { sql } from 'kysely';
import type { Db } from './database.ts';

const migrationsDir = path.join(import.meta.dirname, 'migrations');

/**
 * Applies the committed SQL migrations in file-name order, each in its own transaction, and records
 * them. An advisory lock keeps two app servers starting at once from racing.
 */
export async function migrate(db: Db): Promise<string[]> {
  const files = (await readdir(migrationsDir)).filter((file) => file.endsWith('.sql')).sort();
  const applied: string[] = [];
  await db.connection().execute(async (connection) => {
    await sql`SELECT pg_advisory_lock(7262001)`.execute(connection);
    try {
      await sql`CREATE TABLE IF NOT EXISTS schema_migrations (
        name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())`.execute(connection);
      const done = await sql<{ name: string }>`SELECT name FROM schema_migrations`.execute(connection);
      const doneNames = new Set(done.rows.map((row) => row.name));
      for (const file of files.filter((name) => !doneNames.has(name))) {
        const text = await readFile(path.join(migrationsDir, file), 'utf8');
        await connection.transaction().execute(async (transaction) => {
          await sql.raw(text).execute(transaction);
          await sql`INSERT INTO schema_migrations (name) VALUES (${file})`.execute(transaction);
        });
        applied.push(file);
      }
    } finally {
      await sql`SELECT pg_advisory_unlock(7262001)`.execute(connection);
    }
  });
  return applied;
}
