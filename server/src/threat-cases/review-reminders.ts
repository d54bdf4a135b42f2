import { type Permission, type Role, reviewReminderAt, rolePermissions, roles } from '@varn/domain';
import { findRoleHolders } from '../access/role-holders.ts';
import { notify } from '../notifications/notify.ts';
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
 * Returns whether the case still awaited that review.
 */
export async function markReviewDue(db: Db, job: ReviewReminderJob): Promise<boolean> {
  const result = await db
    .updateTable('threatCases')
    .set({ reviewRemindedOn: job.reviewOn })
    .where('tenantId', '=', job.tenantId)
    .where('id', '=', job.caseId)
    .where('nextReviewOn', '=', job.reviewOn)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

const rolesWith = (permission: Permission): Role[] =>
  roles.filter((role) => rolePermissions[role].includes(permission));

/**
 * The case's handlers: the people on its access list who may still open it, i.e. hold a role that
 * reads threat cases through a grant reaching the case's unit (the need-to-know rule of
 * `authorizeNeedToKnow` for a listed person). Someone listed who has since lost the role is not told.
 */
export async function reviewReminderRecipients(db: Db, job: Pick<ReviewReminderJob, 'tenantId' | 'caseId'>) {
  const threatCase = await db
    .selectFrom('threatCases as threatCase')
    .innerJoin('orgUnits as unit', 'unit.id', 'threatCase.unitId')
    .select('unit.path')
    .where('threatCase.tenantId', '=', job.tenantId)
    .where('threatCase.id', '=', job.caseId)
    .executeTakeFirst();
  if (!threatCase) return [];
  const listed = await db
    .selectFrom('threatCaseAccess')
    .select('personId')
    .where('tenantId', '=', job.tenantId)
    .where('caseId', '=', job.caseId)
    .execute();
  const readers = new Set(
    await findRoleHolders(db, job.tenantId, rolesWith('threat_cases.read'), { orgUnitPath: threatCase.path }),
  );
  return listed.map((entry) => entry.personId).filter((personId) => readers.has(personId));
}

/** A due review marks the case and tells its handlers, once per review date however often the job runs. */
export async function remindOfReview(db: Db, jobs: JobQueue, job: ReviewReminderJob): Promise<void> {
  await db.transaction().execute(async (transaction) => {
    if (!(await markReviewDue(transaction, job))) return;
    await notify(transaction, jobs, job.tenantId, await reviewReminderRecipients(transaction, job), {
      kind: 'threat_case_review_due',
      subject: { kind: 'threat_case', id: job.caseId },
      eventKey: `threat_case_review_due:${job.caseId}:${job.reviewOn}`,
    });
  });
}

/** Works the review reminder queue in this app server. */
export function startReviewReminderWorker(db: Db, jobs: JobQueue): Promise<void> {
  return jobs.work<ReviewReminderJob>('threat_case_review', (job) => remindOfReview(db, jobs, job));
}
