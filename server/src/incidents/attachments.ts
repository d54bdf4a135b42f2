import { createHash, randomUUID } from 'node:crypto';
import { type Attachment, type AttachmentMediaType, attachmentFileNameOf, attachmentMediaTypes } from '@varn/domain';
import type { FastifyRequest } from 'fastify';
import { fileTypeFromBuffer } from 'file-type';
import type { Actor } from '../access/authorize.ts';
import { type AuditContext, recordAudit } from '../audit/audit-log.ts';
import { AppError, fieldError } from '../platform/app-error.ts';
import type { Db } from '../platform/database.ts';
import { decryptBytes, encryptBytes } from '../platform/field-encryption.ts';
import { findAttachments, mayAddAttachments } from './attachment-metadata.ts';
import { getIncidentRow } from './read.ts';

/** A file as received and checked, before it is stored. */
export interface ReceivedFile {
  fileName: string;
  mediaType: AttachmentMediaType;
  content: Buffer;
  sha256: string;
}

export interface AttachmentLimits {
  maxBytes: number;
  maxPerIncident: number;
}

const megabytes = (bytes: number) => Math.round(bytes / (1024 * 1024));

/**
 * Reads the files of a multipart upload into memory, at most `maxBytes` each, and checks each one's
 * real type by its first bytes. A file too large answers 413, an unknown type 415; either way nothing
 * has been stored yet, and nothing will be.
 */
export async function receiveFiles(request: FastifyRequest, limits: AttachmentLimits): Promise<ReceivedFile[]> {
  const received: ReceivedFile[] = [];
  try {
    for await (const part of request.files({
      limits: {
        fileSize: limits.maxBytes,
        files: limits.maxPerIncident,
        fields: 10,
        parts: limits.maxPerIncident + 10,
      },
    })) {
      const content = await part.toBuffer();
      received.push(await checkedFile(attachmentFileNameOf(part.filename), content, received.length));
    }
  } catch (error) {
    throw asProblem(error, limits);
  }
  if (received.length === 0) {
    throw new AppError('validation_failed', {
      errors: [fieldError('files', 'required', 'Choose at least one file', 'Välj minst en fil')],
    });
  }
  return received;
}

async function checkedFile(fileName: string, content: Buffer, index: number): Promise<ReceivedFile> {
  const detected = await fileTypeFromBuffer(content);
  const mediaType = attachmentMediaTypes.find((type) => type === detected?.mime);
  if (!mediaType) {
    throw new AppError('unsupported_media_type', {
      errors: [
        fieldError(
          `files.${index}`,
          'unsupported_file_type',
          `${fileName} is not a photo, a screenshot or a PDF`,
          `${fileName} är inte en bild, en skärmbild eller en PDF`,
        ),
      ],
    });
  }
  return { fileName, mediaType, content, sha256: createHash('sha256').update(content).digest('hex') };
}

/** @fastify/multipart's own errors, as our problems with a message that says what to do. */
function asProblem(error: unknown, limits: AttachmentLimits): unknown {
  const code = (error as { code?: string }).code;
  if (code === 'FST_REQ_FILE_TOO_LARGE') {
    const size = megabytes(limits.maxBytes);
    return new AppError('payload_too_large', {
      errors: [
        fieldError('files', 'file_too_large', `A file may be at most ${size} MB`, `En fil får vara högst ${size} MB`),
      ],
    });
  }
  if (code === 'FST_FILES_LIMIT' || code === 'FST_PARTS_LIMIT' || code === 'FST_FIELDS_LIMIT') {
    return tooMany(limits.maxPerIncident, 'payload_too_large');
  }
  if (code === 'FST_INVALID_MULTIPART_CONTENT_TYPE') return new AppError('unsupported_media_type');
  return error;
}

function tooMany(maxPerIncident: number, code: 'payload_too_large' | 'validation_failed') {
  return new AppError(code, {
    errors: [
      fieldError(
        'files',
        'too_many_attachments',
        `An incident holds at most ${maxPerIncident} attachments`,
        `En händelse kan ha högst ${maxPerIncident} bilagor`,
      ),
    ],
  });
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
  await findIncidentToAttachTo(db, actor, incidentId);
  // Two uploads at once must not pass the count together: the second waits for the first.
  await db.selectFrom('incidents').select('id').where('id', '=', incidentId).forUpdate().execute();
  const { count } = await db
    .selectFrom('incidentAttachments')
    .select((builder) => builder.fn.countAll<number>().as('count'))
    .where('tenantId', '=', actor.tenantId)
    .where('incidentId', '=', incidentId)
    .executeTakeFirstOrThrow();
  if (Number(count) + files.length > maxPerIncident) throw tooMany(maxPerIncident, 'validation_failed');
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
  const all = await findAttachments(db, actor.tenantId, incidentId);
  return ids.flatMap((id) => all.filter((attachment) => attachment.id === id));
}

/** The attachments of an incident in the actor's read scope. */
export async function listAttachments(db: Db, actor: Actor, incidentId: string): Promise<Attachment[]> {
  await getIncidentRow(db, actor, incidentId);
  return findAttachments(db, actor.tenantId, incidentId);
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
