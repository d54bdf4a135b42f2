import type { NotificationKind } from '@varn/domain';
import type { Db } from '../platform/database.ts';
import type { JobQueue } from '../platform/jobs.ts';
import type { EmailJob } from './email.ts';

/**
 * Writes in-app notifications, and queues an e-mail to each recipient who has an address, in the
 * caller's transaction: they exist exactly when the event does.
 */
export async function notify(
  db: Db,
  jobs: JobQueue,
  tenantId: string,
  recipientPersonIds: readonly string[],
  notification: {
    kind: NotificationKind;
    incidentId?: string;
    riskAnalysisId?: string;
    status?: string | null;
    isSerious?: boolean;
  },
): Promise<void> {
  if (recipientPersonIds.length === 0) return;
  await db
    .insertInto('notifications')
    .values(
      recipientPersonIds.map((recipientPersonId) => ({
        tenantId,
        recipientPersonId,
        kind: notification.kind,
        incidentId: notification.incidentId ?? null,
        riskAnalysisId: notification.riskAnalysisId ?? null,
        status: notification.status ?? null,
        isSerious: notification.isSerious ?? false,
      })),
    )
    .execute();
  const recipients = await db
    .selectFrom('people')
    .select('email')
    .where('tenantId', '=', tenantId)
    .where('id', 'in', recipientPersonIds)
    .where('email', 'is not', null)
    .execute();
  for (const { email } of recipients) {
    const job: EmailJob = {
      tenantId,
      to: email as string,
      kind: notification.kind,
      incidentId: notification.incidentId ?? null,
      riskAnalysisId: notification.riskAnalysisId ?? null,
      status: notification.status ?? null,
      isSerious: notification.isSerious ?? false,
    };
    await jobs.enqueue(db, 'email', job);
  }
}
