import { canMoveIncident, type IncidentStatus, statusesToldToReporter } from '@varn/domain';
import { type Actor, authorize } from '../access/authorize.ts';
import { type AuditContext, recordAudit } from '../audit/audit-log.ts';
import { countLiveMeasures } from '../measures/measures.ts';
import { notify } from '../notifications/notify.ts';
import { AppError, fieldError } from '../platform/app-error.ts';
import type { Db } from '../platform/database.ts';
import type { JobQueue } from '../platform/jobs.ts';
import { getIncidentRow } from './read.ts';

/**
 * Moves an incident one step in its workflow. Handling needs `incidents.handle` in the incident's
 * scope; a reporter who may read but not handle gets 404 like anyone out of scope would.
 */
export async function moveIncident(
  db: Db,
  jobs: JobQueue,
  actor: Actor,
  context: AuditContext,
  id: string,
  change: { status: IncidentStatus; comment: string },
): Promise<void> {
  const row = await getIncidentRow(db, actor, id);
  authorize(actor, 'incidents.handle', { orgUnitPath: row.unitPath, partyId: row.partyId });
  if (!canMoveIncident(row.status, change.status)) {
    throw new AppError('validation_failed', {
      errors: [
        fieldError(
          'status',
          'invalid_transition',
          `Cannot go from ${row.status} to ${change.status}`,
          'Det steget går inte härifrån',
        ),
      ],
    });
  }
  if (row.status === 'closed' && change.comment.trim() === '') {
    throw new AppError('validation_failed', {
      errors: [fieldError('comment', 'required', 'Say why the report is reopened', 'Ange varför ärendet öppnas igen')],
    });
  }
  if (
    change.status === 'measures_decided' &&
    change.comment.trim() === '' &&
    (await countLiveMeasures(db, actor.tenantId, 'incident', id)) === 0
  ) {
    // Deciding on no measures is a decision too, but it must be said (docs/decisions).
    throw new AppError('validation_failed', {
      errors: [
        fieldError(
          'comment',
          'measures_required',
          'Add a measure, or say in the comment why no measures are needed',
          'Lägg till en åtgärd, eller skriv i kommentaren varför inga åtgärder behövs',
        ),
      ],
    });
  }
  const now = new Date();
  await db
    .updateTable('incidents')
    .set({
      status: change.status,
      updatedAt: now,
      ...(change.status === 'acknowledged' ? { acknowledgedAt: now } : {}),
      closedAt: change.status === 'closed' ? now : null,
    })
    .where('id', '=', id)
    .execute();
  await db
    .insertInto('incidentEvents')
    .values({
      tenantId: actor.tenantId,
      incidentId: id,
      actorPersonId: actor.personId,
      kind: 'status_changed',
      fromStatus: row.status,
      toStatus: change.status,
      text: change.comment,
    })
    .execute();
  if (
    (statusesToldToReporter as readonly string[]).includes(change.status) &&
    row.reporterPersonId !== actor.personId
  ) {
    await notify(db, jobs, actor.tenantId, [row.reporterPersonId], {
      kind: 'incident_status_changed',
      incidentId: id,
      status: change.status,
    });
  }
  await recordAudit(db, context, {
    action: 'incident.status_change',
    resourceType: 'incident',
    resourceId: id,
    details: { from: row.status, to: change.status },
  });
}
