import { addDays, expiringWithinDays } from '@varn/domain';
import { sql } from 'kysely';
import { findRoleHolders } from '../access/role-holders.ts';
import { notify } from '../notifications/notify.ts';
import type { Db } from '../platform/database.ts';
import type { JobQueue } from '../platform/jobs.ts';

export interface RenewalReminderJob {
  tenantId: string;
  courseId: string;
  personId: string;
  /** The last valid day of the completion that asked for the reminder. */
  validUntil: string;
}

/** When the renewal reminder fires: 07:00 UTC (08:00 or 09:00 in Stockholm) 90 days before expiry. */
export function renewalReminderAt(validUntil: string): Date {
  return new Date(`${addDays(validUntil, -expiringWithinDays + 1)}T07:00:00Z`);
}

/**
 * Queues, in the completion's transaction, the reminder to renew it: as a database job it survives
 * restarts and waits months. A completion already inside the 90 days is reminded of at once.
 */
export async function scheduleRenewalReminder(db: Db, jobs: JobQueue, job: RenewalReminderJob): Promise<void> {
  await jobs.enqueue(db, 'training_reminder', job, { startAfter: renewalReminderAt(job.validUntil) });
}

/**
 * Who a fired reminder goes to: the person and the managers of their unit, unless the person has
 * renewed since (a completion valid beyond this one), has left, or the course is gone.
 */
export async function renewalReminderRecipients(db: Db, job: RenewalReminderJob): Promise<string[]> {
  const person = await db
    .selectFrom('people as person')
    .leftJoin('orgUnits as unit', 'unit.id', 'person.unitId')
    .select(['person.id', 'person.isActive', 'unit.path'])
    .where('person.tenantId', '=', job.tenantId)
    .where('person.id', '=', job.personId)
    .executeTakeFirst();
  if (!person?.isActive) return [];
  const renewal = await db
    .selectFrom('trainingCompletions')
    .select('id')
    .where('tenantId', '=', job.tenantId)
    .where('courseId', '=', job.courseId)
    .where('personId', '=', job.personId)
    .where((builder) => builder.or([builder('validUntil', 'is', null), builder('validUntil', '>', job.validUntil)]))
    .executeTakeFirst();
  if (renewal) return [];
  const managers = person.path
    ? await findRoleHolders(db, job.tenantId, ['manager'], { orgUnitPath: person.path })
    : [];
  return [person.id, ...managers.filter((id) => id !== person.id)];
}

/**
 * When the reminder fires, the recipients computed above are told, in one transaction and once per
 * completion: the event key names the person, the course and the completion's last valid day.
 */
export async function remindOfRenewal(db: Db, jobs: JobQueue, job: RenewalReminderJob): Promise<void> {
  await db.transaction().execute(async (transaction) => {
    await notify(transaction, jobs, job.tenantId, await renewalReminderRecipients(transaction, job), {
      kind: 'training_renewal_due',
      subject: { kind: 'training_course', id: job.courseId },
      eventKey: `training_renewal_due:${job.personId}:${job.courseId}:${job.validUntil}`,
    });
  });
}

/** Works the renewal reminder queue in this app server. */
export function startRenewalReminderWorker(db: Db, jobs: JobQueue): Promise<void> {
  return jobs.work<RenewalReminderJob>('training_reminder', (job) => remindOfRenewal(db, jobs, job));
}

/** The reminder jobs queued for a person and course, for tests and the follow-up of a completion. */
export async function queuedRenewalReminders(db: Db, personId: string, courseId: string) {
  const result = await sql<{ startAfter: Date; validUntil: string }>`
    SELECT start_after, data->>'validUntil' AS valid_until FROM pgboss.job
    WHERE name = 'training_reminder' AND data->>'personId' = ${personId} AND data->>'courseId' = ${courseId}
    ORDER BY start_after`.execute(db);
  return result.rows;
}
