import type { NotificationKind, NotificationSubject } from '@varn/domain';
import type { Db } from '../platform/database.ts';
import type { JobQueue } from '../platform/jobs.ts';
import type { EmailJob } from './email.ts';
import { subjectColumnValues } from './tables.ts';

export interface NotificationEvent {
  kind: NotificationKind;
  /** The record the notification points at. */
  subject?: NotificationSubject;
  /** Shorthand for an incident or risk analysis subject, as the incident and risk-analysis code names it. */
  incidentId?: string;
  riskAnalysisId?: string;
  status?: string | null;
  isSerious?: boolean;
  /**
   * Names the event a reminder tells of (kind, record, due date): a recipient already told of it is
   * neither notified nor mailed again, so a job that runs twice tells once.
   */
  eventKey?: string;
}

function subjectOf(event: NotificationEvent): NotificationSubject {
  if (event.subject) return event.subject;
  if (event.incidentId) return { kind: 'incident', id: event.incidentId };
  if (event.riskAnalysisId) return { kind: 'risk_analysis', id: event.riskAnalysisId };
  throw new Error(`a ${event.kind} notification without a subject`);
}

/**
 * Writes in-app notifications, and queues an e-mail to each recipient who has an address, in the
 * caller's transaction: they exist exactly when the event does. Returns the people it told (those
 * already told of the same event key are left out).
 */
export async function notify(
  db: Db,
  jobs: JobQueue,
  tenantId: string,
  recipientPersonIds: readonly string[],
  event: NotificationEvent,
): Promise<string[]> {
  if (recipientPersonIds.length === 0) return [];
  const subject = subjectOf(event);
  // The notifications and their recipients' addresses in one statement.
  const told = await db
    .with('told', (creator) =>
      creator
        .insertInto('notifications')
        .values(
          [...new Set(recipientPersonIds)].map((recipientPersonId) => ({
            tenantId,
            recipientPersonId,
            kind: event.kind,
            ...subjectColumnValues(subject),
            status: event.status ?? null,
            isSerious: event.isSerious ?? false,
            eventKey: event.eventKey ?? null,
          })),
        )
        .onConflict((conflict) => conflict.columns(['recipientPersonId', 'eventKey']).doNothing())
        .returning('recipientPersonId'),
    )
    .selectFrom('told')
    .leftJoin('people', 'people.id', 'told.recipientPersonId')
    .select(['told.recipientPersonId', 'people.email'])
    .execute();
  // One statement for all the e-mails of the event, not one per recipient.
  await jobs.enqueueMany(
    db,
    'email',
    told.flatMap(({ email }): EmailJob[] =>
      email
        ? [
            {
              tenantId,
              to: email,
              kind: event.kind,
              subject,
              status: event.status ?? null,
              isSerious: event.isSerious ?? false,
            },
          ]
        : [],
    ),
  );
  return told.map((row) => row.recipientPersonId);
}
