import { sql } from 'kysely';
import type { Db } from '../platform/database.ts';

/**
 * Moves the next attempt of every retrying job of the queue to now, as if its back-off had passed:
 * a test sees a job through all its attempts in seconds instead of an hour.
 */
export async function skipRetryBackOff(db: Db, queue: string): Promise<void> {
  await sql`UPDATE pgboss.job SET start_after = now() WHERE name = ${queue} AND state = 'retry'`.execute(db);
}
