import type { Attachment } from '@varn/domain';
import { type Actor, isInScope, scopeOf } from '../access/authorize.ts';
import type { Db } from '../platform/database.ts';

/** What the attachment rules need to know of an incident. */
export interface AttachedIncident {
  id: string;
  status: string;
  reporterPersonId: string;
  unitPath: string | null;
  partyId: string | null;
}

/**
 * Who may add attachments: the reporter of the incident (through their own reporting grant) and those
 * who handle it in their scope. Others who read it (a safety representative) only look.
 */
export function mayAddAttachments(actor: Actor, incident: AttachedIncident): boolean {
  return (
    isInScope(actor, scopeOf(actor, 'incidents.report'), { personId: incident.reporterPersonId }) ||
    mayHandle(actor, incident)
  );
}

function mayHandle(actor: Actor, incident: AttachedIncident): boolean {
  return isInScope(actor, scopeOf(actor, 'incidents.handle'), {
    orgUnitPath: incident.unitPath,
    partyId: incident.partyId,
  });
}

/**
 * Who may remove an attachment (the incident's state aside): those who handle the incident, any of
 * its attachments; the person who uploaded one, as long as they may still add to the incident (a
 * wrong photo is undone by whoever chose it). A reporter never removes what a handler added.
 */
export function mayRemoveAttachment(actor: Actor, incident: AttachedIncident, uploadedByPersonId: string): boolean {
  return mayHandle(actor, incident) || (uploadedByPersonId === actor.personId && mayAddAttachments(actor, incident));
}

/** A closed incident's attachments are part of what was closed: it is reopened before one goes. */
export function isRemovable(incident: AttachedIncident): boolean {
  return incident.status !== 'closed';
}

/** The attachments of an incident the caller has already found in the actor's scope, oldest first. */
export async function findAttachments(db: Db, actor: Actor, incident: AttachedIncident): Promise<Attachment[]> {
  const rows = await db
    .selectFrom('incidentAttachments as attachment')
    .leftJoin('people as uploader', 'uploader.id', 'attachment.uploadedByPersonId')
    .select([
      'attachment.id',
      'attachment.fileName',
      'attachment.mediaType',
      'attachment.byteSize',
      'attachment.createdAt',
      'attachment.uploadedByPersonId',
      'uploader.givenName',
      'uploader.familyName',
    ])
    .where('attachment.tenantId', '=', actor.tenantId)
    .where('attachment.incidentId', '=', incident.id)
    .orderBy('attachment.createdAt')
    .orderBy('attachment.id')
    .execute();
  return rows.map((row) => ({
    id: row.id,
    fileName: row.fileName,
    mediaType: row.mediaType as Attachment['mediaType'],
    byteSize: row.byteSize,
    uploadedAt: new Date(row.createdAt).toISOString(),
    uploadedBy: row.givenName ? `${row.givenName} ${row.familyName}` : null,
    canRemove: isRemovable(incident) && mayRemoveAttachment(actor, incident, row.uploadedByPersonId),
  }));
}
