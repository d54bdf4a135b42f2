import type { Job, JobListQuery, JobQueueName, JobState } from '@varn/domain';
import { troubledJobStates } from '@varn/domain';
import { sql } from 'kysely';
import { type Actor, authorize } from '../access/authorize.ts';
import { type AuditContext, recordAudit } from '../audit/audit-log.ts';
import { AppError } from '../platform/app-error.ts';
import { decodeCursor, toPage } from '../platform/cursor.ts';
import type { Db } from '../platform/database.ts';
import type { JobQueue } from '../platform/jobs.ts';

/** A row of pg-boss's job table (schema `pgboss`), as far as the administrator's view needs it. */
interface JobRow {
  id: string;
  name: JobQueueName;
  state: JobState;
  retryCount: number;
  retryLimit: number;
  createdOn: Date | string;
  startAfter: Date | string;
  startedOn: Date | string | null;
  output: unknown;
}

// pg-boss's own table is read directly: its findJobs() filters neither by state nor newest first.
// Every job's data names its tenant (EmailJob, ReminderJob), and that is the tenant filter.
const jobColumns = sql`id::text AS id, name, state::text AS state, retry_count, retry_limit, created_on, start_after, started_on, output`;

/** The jobs of the actor's tenant in the given state (default: failed and retrying), newest first. */
export async function listJobs(db: Db, actor: Actor, query: JobListQuery) {
  // Jobs belong to the tenant, not to a unit: only a tenant-wide grant reaches them.
  authorize(actor, 'jobs.read', {});
  const states: readonly JobState[] = query.state ? [query.state] : troubledJobStates;
  const after = query.after ? (decodeCursor(query.after, 2) as [string, string]) : null;
  const rows = await sql<JobRow>`
    SELECT ${jobColumns} FROM pgboss.job
    WHERE data->>'tenantId' = ${actor.tenantId}
      AND state::text IN (${sql.join(states)})
      ${after ? sql`AND (created_on, id) < (${after[0]}::timestamptz, ${after[1]}::uuid)` : sql``}
    ORDER BY created_on DESC, id DESC
    LIMIT ${query.limit + 1}`.execute(db);
  return toPage(rows.rows, query.limit, presentJob, (row) => [isoOf(row.createdOn), row.id]);
}

/**
 * Puts a failed job of the actor's tenant back in its queue now, with one more attempt, and audits
 * it in the same transaction. A job of another tenant answers 404 like a missing one.
 */
export async function retryJob(
  db: Db,
  jobs: JobQueue,
  actor: Actor,
  context: AuditContext,
  jobId: string,
): Promise<Job> {
  authorize(actor, 'jobs.manage', {});
  const job = await findJob(db, actor, jobId, true);
  if (job.state !== 'failed') throw new AppError('job_not_failed');
  await jobs.retry(db, job.name, job.id);
  await recordAudit(db, context, {
    action: 'job.retry',
    resourceType: 'job',
    resourceId: job.id,
    details: { queue: job.name },
  });
  return presentJob(await findJob(db, actor, jobId, false));
}

async function findJob(db: Db, actor: Actor, jobId: string, forUpdate: boolean): Promise<JobRow> {
  const row = await sql<JobRow>`
    SELECT ${jobColumns} FROM pgboss.job
    WHERE id = ${jobId}::uuid AND data->>'tenantId' = ${actor.tenantId}
    ${forUpdate ? sql`FOR UPDATE` : sql``}`.execute(db);
  const job = row.rows[0];
  if (!job) throw new AppError('not_found');
  return job;
}

function presentJob(row: JobRow): Job {
  const isWaiting = row.state === 'created' || row.state === 'retry';
  return {
    id: row.id,
    queue: row.name,
    state: row.state,
    // pg-boss counts retries when it claims a job again; an attempt has been made once it started.
    attemptsMade: row.startedOn === null ? row.retryCount : row.retryCount + 1,
    attemptLimit: row.retryLimit + 1,
    createdAt: isoOf(row.createdOn),
    nextAttemptAt: isWaiting ? isoOf(row.startAfter) : null,
    lastError: row.state === 'completed' ? null : errorMessageOf(row.output),
  };
}

const emailAddresses = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g;
const numbers = /\+?\d[\d -]{4,}\d/g;

/**
 * The error message of the last failed attempt, for an administrator: its first line only, without
 * e-mail addresses or long numbers (a recipient, a phone number, a personal identity number), which
 * SMTP servers and database errors tend to repeat. The stack and the rest of the error stay out.
 */
export function errorMessageOf(output: unknown): string | null {
  const error = output as { message?: unknown; value?: { message?: unknown } } | null;
  const message = typeof error?.message === 'string' ? error.message : error?.value?.message;
  if (typeof message !== 'string' || message.trim() === '') return null;
  const firstLine = (message.split('\n')[0] as string)
    .replace(emailAddresses, '[e-postadress]')
    .replace(numbers, '[nummer]');
  return firstLine.length > 300 ? `${firstLine.slice(0, 299)}…` : firstLine;
}

function isoOf(value: Date | string): string {
  return new Date(value).toISOString();
}
