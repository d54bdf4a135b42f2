import { measureReminderAt } from '@varn/domain';
import { sql } from 'kysely';
import { notify } from '../notifications/notify.ts';
import type { Db } from '../platform/database.ts';
import type { JobQueue } from '../platform/jobs.ts';

/** Days before the due date that the owner is reminded. */
export const reminderDaysBeforeDue = 7;

export interface MeasureReminderJob {
  tenantId: string;
  measureId: string;
  kind: 'before_due' | 'overdue';
  /** The due date the job was queued for; a postponed measure makes the job a no-op. */
  dueOn: string;
}

/**
 * Queues, in the transaction that sets the due date, a reminder a week before it (if that is still
 * ahead) and one the morning after it.
 */
export async function scheduleMeasureReminders(
  db: Db,
  jobs: JobQueue,
  measure: { tenantId: string; measureId: string; dueOn: string },
  now = new Date(),
): Promise<void> {
  const beforeAt = measureReminderAt(measure.dueOn, -reminderDaysBeforeDue);
  if (beforeAt > now) {
    const before: MeasureReminderJob = { ...measure, kind: 'before_due' };
    await jobs.enqueue(db, 'measure_reminder', before, { startAfter: beforeAt });
  }
  const overdue: MeasureReminderJob = { ...measure, kind: 'overdue' };
  await jobs.enqueue(db, 'measure_reminder', overdue, { startAfter: measureReminderAt(measure.dueOn, 1) });
}

/**
 * When a reminder fires and the measure is still open with the due date it was queued for, the
 * reminder is recorded once: the key (measure, kind, due date) makes a second run of the job, or a
 * second job for the same date, change nothing. The owner's list shows the reminded measures.
 * Returns whether this run reminded.
 */
export async function remindOfMeasure(db: Db, job: MeasureReminderJob): Promise<boolean> {
  const inserted = await sql`
    INSERT INTO measure_reminders (tenant_id, measure_id, kind, due_on)
    SELECT tenant_id, id, ${job.kind}, due_on FROM measures
    WHERE tenant_id = ${job.tenantId} AND id = ${job.measureId} AND due_on = ${job.dueOn}::date
      AND status NOT IN ('done', 'cancelled')
    ON CONFLICT DO NOTHING`.execute(db);
  return Number(inserted.numAffectedRows ?? 0) > 0;
}

/**
 * A fired reminder is recorded and its owner told in one transaction: only the run that records it
 * notifies, so the owner hears of each reminder once. The owner may always open their measure.
 */
export async function remindAndNotifyOfMeasure(db: Db, jobs: JobQueue, job: MeasureReminderJob): Promise<void> {
  await db.transaction().execute(async (transaction) => {
    if (!(await remindOfMeasure(transaction, job))) return;
    const measure = await transaction
      .selectFrom('measures as measure')
      .innerJoin('people as owner', 'owner.id', 'measure.ownerPersonId')
      .select('measure.ownerPersonId')
      .where('measure.tenantId', '=', job.tenantId)
      .where('measure.id', '=', job.measureId)
      .where('owner.isActive', '=', true)
      .executeTakeFirst();
    if (!measure) return;
    await notify(transaction, jobs, job.tenantId, [measure.ownerPersonId], {
      kind: job.kind === 'before_due' ? 'measure_due_soon' : 'measure_overdue',
      subject: { kind: 'measure', id: job.measureId },
      eventKey: `measure_${job.kind}:${job.measureId}:${job.dueOn}`,
    });
  });
}

/** Works the measure reminder queue in this app server. */
export function startMeasureReminderWorker(db: Db, jobs: JobQueue): Promise<void> {
  return jobs.work<MeasureReminderJob>('measure_reminder', (job) => remindAndNotifyOfMeasure(db, jobs, job));
}
