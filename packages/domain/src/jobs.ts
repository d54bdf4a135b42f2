import { z } from 'zod';
import { pageQuerySchema } from './pagination.ts';

/** The app's job queues (pg-boss): e-mail sending, acknowledgement reminders, threat-case reviews,
 * unanswered escalations of risk analyses, training renewal reminders, measure reminders and the
 * protection programme's conversation reminders. */
export const jobQueues = [
  'email',
  'incident_reminder',
  'threat_case_review',
  'risk_analysis_escalation',
  'training_reminder',
  'measure_reminder',
  'conversation_reminder',
] as const;
export type JobQueueName = (typeof jobQueues)[number];

/** pg-boss's job states: waiting, waiting for a retry after a failure, running, done, cancelled, failed for good. */
export const jobStates = ['created', 'retry', 'active', 'completed', 'cancelled', 'failed'] as const;
export type JobState = (typeof jobStates)[number];

/** The states an administrator follows up by default: failed for good, and failed once and waiting to retry. */
export const troubledJobStates = ['failed', 'retry'] as const satisfies readonly JobState[];

export const jobListQuerySchema = pageQuerySchema.extend({ state: z.enum(jobStates).optional() });
export type JobListQuery = z.infer<typeof jobListQuerySchema>;

/**
 * One job as an administrator sees it: what kind, how it went, when it runs next. Never its data:
 * that holds recipients' addresses. The last error is stripped of addresses and numbers.
 */
export const jobSchema = z.object({
  id: z.string(),
  queue: z.enum(jobQueues),
  state: z.enum(jobStates),
  attemptsMade: z.number().int(),
  attemptLimit: z.number().int(),
  createdAt: z.string(),
  /** When the queue tries it next (waiting or retrying jobs only). */
  nextAttemptAt: z.string().nullable(),
  lastError: z.string().nullable(),
});
export type Job = z.infer<typeof jobSchema>;
