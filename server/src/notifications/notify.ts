import type { NotificationKind } from '@varn/domain';
import type { Db } from '../platform/database.ts';

/** Writes in-app notifications in the caller's transaction: they exist exactly when the event does. */
export async function notify(
  db: Db,
  tenantId: string,
  recipientPersonIds: readonly string[],
  notification: { kind: NotificationKind; incidentId: string; status?: string | null; isSerious?: boolean },
): Promise<void> {
  if (recipientPersonIds.length === 0) return;
  await db
    .insertInto('notifications')
    .values(
      recipientPersonIds.map((recipientPersonId) => ({
        tenantId,
        recipientPersonId,
        kind: notification.kind,
        incidentId: notification.incidentId,
        status: notification.status ?? null,
        isSerious: notification.isSerious ?? false,
      })),
    )
    .execute();
}
