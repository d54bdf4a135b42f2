import type { Attachment } from '@varn/domain';
import { type Actor, isInScope, scopeOf } from '../access/authorize.ts';
import type { Db } from '../platform/database.ts';

/** What the attachment rules need to know of an incident. */
export interface AttachedIncident {
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
    isInScope(actor, scopeOf(actor, 'incidents.handle'), { orgUnitPath: incident.unitPath, partyId: incident.partyId })
  );
}

/** The attachments of an incident the caller has already found in the actor's scope, oldest first. */
export async function findAttachments(db: Db, tenantId: string, incidentId: string): Promise<Attachment[]> {
  const rows = await db
    .selectFrom('incidentAttachments as attachment')
    .leftJoin('people as uploader', 'uploader.id', 'attachment.uploadedByPersonId')
    .select([
      'attachment.id',
      'attachment.fileName',
      'attachment.mediaType',
      'attachment.byteSize',
      'attachment.createdAt',
      'uploader.givenName',
      'uploader.familyName',
    ])
    .where('attachment.tenantId', '=', tenantId)
    .where('attachment.incidentId', '=', incidentId)
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
  }));
}
