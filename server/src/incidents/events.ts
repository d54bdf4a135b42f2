import type { IncidentEventKind, MeasureStatus } from '@varn/domain';
import type { Actor } from '../access/authorize.ts';
import type { Db } from '../platform/database.ts';

/** Appends one event to an incident's timeline; the timeline is never changed afterwards. */
export async function appendIncidentEvent(
  db: Db,
  actor: Actor,
  incidentId: string,
  event: { kind: IncidentEventKind; text?: string; fields?: string[]; measureStatus?: MeasureStatus | null },
): Promise<void> {
  await db
    .insertInto('incidentEvents')
    .values({
      tenantId: actor.tenantId,
      incidentId,
      actorPersonId: actor.personId,
      kind: event.kind,
      fromStatus: null,
      toStatus: null,
      text: event.text ?? '',
      fields: event.fields ?? [],
      measureStatus: event.measureStatus ?? null,
    })
    .execute();
}
