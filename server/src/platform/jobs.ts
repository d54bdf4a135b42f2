import type { JobQueueName } from '@varn/domain';
import type { FastifyBaseLogger } from 'fastify';
import { fromKysely, fromPglite, PgBoss, type QueueOptions } from 'pg-boss';
import { type Db, jobDatabaseOf } from './database.ts';

/** The queues of the app, each with its retry policy (exponential back-off). */
export const queues = {
  email: { retryLimit: 6, retryDelay: 30, retryBackoff: true, retryDelayMax: 3600 },
  incident_reminder: { retryLimit: 3, retryDelay: 60, retryBackoff: true },
  threat_case_review: { retryLimit: 3, retryDelay: 60, retryBackoff: true },
  risk_analysis_escalation: { retryLimit: 3, retryDelay: 60, retryBackoff: true },
  training_reminder: { retryLimit: 3, retryDelay: 60, retryBackoff: true },
  measure_reminder: { retryLimit: 3, retryDelay: 60, retryBackoff: true },
  conversation_reminder: { retryLimit: 3, retryDelay: 60, retryBackoff: true },
} as const satisfies Record<JobQueueName, QueueOptions>;
export type QueueName = keyof typeof queues;

/**
 * Jobs live in the database (pg-boss), never in process memory: they survive a restart, any app
 * server may work them, and a failed one stays visible. A job is enqueued in the transaction of the
 * change that asks for it, so it exists exactly when the change does.
 */
export function createJobQueue(db: Db, log: FastifyBaseLogger) {
  const jobDatabase = jobDatabaseOf(db);
  const boss = new PgBoss(
    jobDatabase.kind === 'postgres'
      ? { connectionString: jobDatabase.url, max: 2, schedule: false }
      : { db: fromPglite(jobDatabase.pglite), schedule: false },
  );
  boss.on('error', (error) => log.error({ err: error }, 'job queue error'));
  return {
    async start(): Promise<void> {
      await boss.start();
      for (const [name, policy] of Object.entries(queues)) await boss.createQueue(name, policy);
    },
    /** Enqueues in the caller's transaction. The data names the tenant: administrators see their own. */
    async enqueue(
      transaction: Db,
      queue: QueueName,
      data: { tenantId: string },
      options: { startAfter?: Date } = {},
    ): Promise<void> {
      await boss.send(queue, data, { db: fromKysely(transaction), ...options });
    },
    /** Enqueues several jobs of one queue with one statement, in the caller's transaction. */
    async enqueueMany(transaction: Db, queue: QueueName, jobs: readonly { tenantId: string }[]): Promise<void> {
      if (jobs.length === 0) return;
      await boss.insert(
        queue,
        jobs.map((data) => ({ data })),
        { db: fromKysely(transaction) },
      );
    },
    async work<Data extends object>(queue: QueueName, handler: (data: Data) => Promise<void>): Promise<void> {
      await boss.work<Data>(queue, { pollingIntervalSeconds: 1 }, async (jobs) => {
        for (const job of jobs) await handler(job.data);
      });
    },
    /** Puts a failed job back in its queue at once, in the caller's transaction. */
    async retry(transaction: Db, queue: QueueName, id: string): Promise<void> {
      await boss.retry(queue, id, { db: fromKysely(transaction) });
    },
    stop: () => boss.stop({ graceful: true, timeout: 10_000 }),
  };
}
export type JobQueue = ReturnType<typeof createJobQueue>;
