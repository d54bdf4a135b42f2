import { nextConversationDueOn, stockholmMorning } from '@varn/domain';
import { sql } from 'kysely';
import { findRoleHolders } from '../access/role-holders.ts';
import { notify } from '../notifications/notify.ts';
import type { Db } from '../platform/database.ts';
import type { JobQueue } from '../platform/jobs.ts';
import { dateText } from './read.ts';

export interface ConversationReminderJob {
  tenantId: string;
  enrolmentId: string;
  /** The due date the job was queued for; a conversation held or a new date since makes it a no-op. */
  dueOn: string;
}

/**
 * Queues, in the transaction of a change to an enrolment, the reminder for its next conversation
 * (08:00 in Stockholm on the due day; at once when that has passed) unless one for the same date
 * already waits: most changes (an instruction ticked, support given) leave the date as it was.
 */
export async function scheduleConversationReminder(
  db: Db,
  jobs: JobQueue,
  job: ConversationReminderJob,
): Promise<void> {
  const waiting = await sql<{ id: string }>`
    SELECT id FROM pgboss.job
    WHERE name = 'conversation_reminder' AND state IN ('created', 'retry')
      AND data->>'enrolmentId' = ${job.enrolmentId} AND data->>'dueOn' = ${job.dueOn}
    LIMIT 1`.execute(db);
  if (waiting.rows.length > 0) return;
  await jobs.enqueue(db, 'conversation_reminder', job, { startAfter: stockholmMorning(job.dueOn) });
}

/** The enrolment's conversation due date now, or null when the enrolment is gone. */
async function currentDueOn(db: Db, job: ConversationReminderJob): Promise<string | null> {
  const enrolment = await db
    .selectFrom('protectionEnrolments as enrolment')
    .select((builder) => [
      'enrolment.enrolledOn',
      'enrolment.conversationNeededBy',
      builder
        .selectFrom('protectionConversations as conversation')
        .whereRef('conversation.enrolmentId', '=', 'enrolment.id')
        .select((inner) => inner.fn.max('conversation.heldOn').as('heldOn'))
        .as('lastHeldOn'),
    ])
    .where('enrolment.tenantId', '=', job.tenantId)
    .where('enrolment.id', '=', job.enrolmentId)
    .executeTakeFirst();
  if (!enrolment) return null;
  return nextConversationDueOn({
    enrolledOn: dateText(enrolment.enrolledOn) as string,
    lastHeldOn: dateText(enrolment.lastHeldOn as string | Date | null),
    neededBy: dateText(enrolment.conversationNeededBy),
  });
}

/**
 * When the reminder fires and the conversation is still due on that date, the security department
 * is told: it offers and holds the conversations (seed 002). The party office follows its officials'
 * due dates on its own page. Once per enrolment and due date, however often the job runs.
 */
export async function remindOfConversation(db: Db, jobs: JobQueue, job: ConversationReminderJob): Promise<void> {
  await db.transaction().execute(async (transaction) => {
    if ((await currentDueOn(transaction, job)) !== job.dueOn) return;
    const securityDepartment = await findRoleHolders(transaction, job.tenantId, ['security_department'], {});
    await notify(transaction, jobs, job.tenantId, securityDepartment, {
      kind: 'protection_conversation_due',
      subject: { kind: 'protection_enrolment', id: job.enrolmentId },
      eventKey: `protection_conversation_due:${job.enrolmentId}:${job.dueOn}`,
    });
  });
}

/** Works the conversation reminder queue in this app server. */
export function startConversationReminderWorker(db: Db, jobs: JobQueue): Promise<void> {
  return jobs.work<ConversationReminderJob>('conversation_reminder', (job) => remindOfConversation(db, jobs, job));
}
