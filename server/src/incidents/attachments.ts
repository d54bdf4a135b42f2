import { randomUUID } from 'node:crypto';
import { type Attachment, type AttachmentMediaType, attachmentMediaTypes } from '@varn/domain';
import type { Actor } from '../access/authorize.ts';
import { type AuditContext, recordAudit } from '../audit/audit-log.ts';
import { AppError } from '../platform/app-error.ts';
import type { Db } from '../platform/database.ts';
import { decryptBytes, encryptBytes } from '../platform/field-encryption.ts';
import { type ReceivedFile, tooManyFiles, type UploadRules } from '../platform/uploaded-files.ts';
import { findAttachments, isRemovable, mayAddAttachments, mayRemoveAttachment } from './attachment-metadata.ts';
import { appendIncidentEvent } from './events.ts';
import { getIncidentRow } from './read.ts';

export interface AttachmentLimits {
  maxBytes: number;
  maxPerIncident: number;
}

/** What an incident takes: photos, screenshots and PDFs, up to the configured count. */
export function incidentUploadRules(limits: AttachmentLimits): UploadRules {
  return {
    maxBytes: limits.maxBytes,
    maxFiles: limits.maxPerIncident,
    mediaTypes: attachmentMediaTypes,
    wrongType: (fileName) => ({
      en: `${fileName} is not a photo, a screenshot or a PDF`,
      sv: `${fileName} är inte en bild, en skärmbild eller en PDF`,
    }),
    tooMany: () => ({
      en: `An incident holds at most ${limits.maxPerIncident} attachments`,
      sv: `En händelse kan ha högst ${limits.maxPerIncident} bilagor`,
    }),
  };
}

/**
 * The incident, if the actor may add attachments to it; not_found otherwise, as for anything out of
 * scope. Checked before the files are read, and again in the writing transaction.
 */
export async function findIncidentToAttachTo(db: Db, actor: Actor, incidentId: string) {
  const incident = await getIncidentRow(db, actor, incidentId);
  if (!mayAddAttachments(actor, incident)) throw new AppError('not_found');
  return incident;
}

/**
 * Stores checked files with an incident, each as a metadata row and an encrypted content row, in the
 * caller's transaction with one audit entry (ids, types and sizes: never names or content).
 */
export async function addAttachments(
  db: Db,
  secretKey: Buffer,
  actor: Actor,
  context: AuditContext,
  incidentId: string,
  files: readonly ReceivedFile[],
  maxPerIncident: number,
): Promise<Attachment[]> {
  const incident = await findIncidentToAttachTo(db, actor, incidentId);
  // Two uploads at once must not pass the count together: the second waits for the first.
  await db.selectFrom('incidents').select('id').where('id', '=', incidentId).forUpdate().execute();
  const { count } = await db
    .selectFrom('incidentAttachments')
    .select((builder) => builder.fn.countAll<number>().as('count'))
    .where('tenantId', '=', actor.tenantId)
    .where('incidentId', '=', incidentId)
    .executeTakeFirstOrThrow();
  if (Number(count) + files.length > maxPerIncident) {
    throw tooManyFiles(incidentUploadRules({ maxBytes: 0, maxPerIncident }), 'validation_failed');
  }
  const ids: string[] = [];
  for (const file of files) {
    const id = randomUUID();
    ids.push(id);
    await db
      .insertInto('incidentAttachments')
      .values({
        id,
        tenantId: actor.tenantId,
        incidentId,
        fileName: file.fileName,
        mediaType: file.mediaType,
        byteSize: file.content.length,
        sha256: file.sha256,
        uploadedByPersonId: actor.personId,
      })
      .execute();
    await db
      .insertInto('attachmentContents')
      .values({ attachmentId: id, tenantId: actor.tenantId, content: encryptBytes(secretKey, file.content, id) })
      .execute();
  }
  await recordAudit(db, context, {
    action: 'incident.attachment.add',
    resourceType: 'incident',
    resourceId: incidentId,
    details: {
      attachmentIds: ids,
      mediaTypes: files.map((file) => file.mediaType),
      byteSizes: files.map((file) => file.content.length),
    },
  });
  const all = await findAttachments(db, actor, incident);
  return ids.flatMap((id) => all.filter((attachment) => attachment.id === id));
}

/** The attachments of an incident in the actor's read scope. */
export async function listAttachments(db: Db, actor: Actor, incidentId: string): Promise<Attachment[]> {
  return findAttachments(db, actor, await getIncidentRow(db, actor, incidentId));
}

/**
 * Removes an attachment: its metadata and its encrypted content, in the caller's transaction, with a
 * timeline event (the file name, so the incident shows that something was removed) and an audit
 * entry (id, type, size). Someone who may not remove it gets 404, as for anything out of scope; a
 * closed incident answers 409.
 */
export async function removeAttachment(
  db: Db,
  actor: Actor,
  context: AuditContext,
  incidentId: string,
  attachmentId: string,
): Promise<void> {
  const incident = await getIncidentRow(db, actor, incidentId);
  // Locked, and its status read again under the lock: a removal never races a close.
  const { status } = await db
    .selectFrom('incidents')
    .select('status')
    .where('id', '=', incidentId)
    .forUpdate()
    .executeTakeFirstOrThrow();
  const attachment = await db
    .selectFrom('incidentAttachments')
    .select(['fileName', 'mediaType', 'byteSize', 'uploadedByPersonId'])
    .where('tenantId', '=', actor.tenantId)
    .where('incidentId', '=', incidentId)
    .where('id', '=', attachmentId)
    .executeTakeFirst();
  if (!attachment || !mayRemoveAttachment(actor, incident, attachment.uploadedByPersonId)) {
    throw new AppError('not_found');
  }
  if (!isRemovable({ ...incident, status })) throw new AppError('incident_closed');
  await db.deleteFrom('attachmentContents').where('attachmentId', '=', attachmentId).execute();
  await db.deleteFrom('incidentAttachments').where('id', '=', attachmentId).execute();
  await appendIncidentEvent(db, actor, incidentId, { kind: 'attachment_removed', text: attachment.fileName });
  await recordAudit(db, context, {
    action: 'incident.attachment.delete',
    resourceType: 'incident',
    resourceId: incidentId,
    details: { attachmentId, mediaType: attachment.mediaType, byteSize: attachment.byteSize },
  });
}

/**
 * One attachment's content for a reader of its incident (not_found otherwise, also across tenants).
 * Every read is audited: these are pictures of threats and injuries.
 */
export async function readAttachment(
  db: Db,
  secretKey: Buffer,
  actor: Actor,
  context: AuditContext,
  incidentId: string,
  attachmentId: string,
): Promise<{ fileName: string; mediaType: AttachmentMediaType; content: Buffer }> {
  await getIncidentRow(db, actor, incidentId);
  const row = await db
    .selectFrom('incidentAttachments as attachment')
    .innerJoin('attachmentContents as content', 'content.attachmentId', 'attachment.id')
    .select(['attachment.fileName', 'attachment.mediaType', 'content.content'])
    .where('attachment.tenantId', '=', actor.tenantId)
    .where('attachment.incidentId', '=', incidentId)
    .where('attachment.id', '=', attachmentId)
    .executeTakeFirst();
  if (!row) throw new AppError('not_found');
  const content = decryptBytes(secretKey, row.content, attachmentId);
  await recordAudit(db, context, {
    action: 'incident.attachment.read',
    resourceType: 'incident',
    resourceId: incidentId,
    details: { attachmentId },
  });
  return { fileName: row.fileName, mediaType: row.mediaType as AttachmentMediaType, content };
}
