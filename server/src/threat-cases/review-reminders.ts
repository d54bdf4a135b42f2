import { reviewReminderAt } from '@varn/domain';
import type { Db } from '../platform/database.ts';
import type { JobQueue } from '../platform/jobs.ts';

export interface ReviewReminderJob {
  tenantId: string;
  caseId: string;
  /** The review date the job was queued for; a later change of date makes the job a no-op. */
  reviewOn: string;
}

/** Queues, in the transaction that sets the date, the reminder for a case's next review. */
export async function scheduleReviewReminder(db: Db, jobs: JobQueue, job: ReviewReminderJob): Promise<void> {
  await jobs.enqueue(db, 'threat_case_review', job, { startAfter: reviewReminderAt(job.reviewOn) });
}

/**
 * When the reminder fires and the case still awaits the review it was queued for, the case is
 * marked as due: the cases list flags it until a new assessment or a new date is recorded.
 */
export async function markReviewDue(db: Db, job: ReviewReminderJob): Promise<void> {
  await db
    .updateTable('threatCases')
    .set({ reviewRemindedOn: job.reviewOn })
    .where('tenantId', '=', job.tenantId)
    .where('id', '=', job.caseId)
    .where('nextReviewOn', '=', job.reviewOn)
    .execute();
}

/** Works the review reminder queue in this app server. */
export function startReviewReminderWorker(db: Db, jobs: JobQueue): Promise<void> {
  return jobs.work<ReviewReminderJob>('threat_case_review', (job) => markReviewDue(db, job));
}
