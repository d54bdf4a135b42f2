import { randomUUID } from 'node:crypto';
import { type AttachmentMediaType, attachmentMediaTypes, type MeasureEvidence } from '@varn/domain';
import type { Actor } from '../access/authorize.ts';
import { type AuditContext, recordAudit } from '../audit/audit-log.ts';
import { AppError } from '../platform/app-error.ts';
import type { Db } from '../platform/database.ts';
import { decryptBytes, encryptBytes } from '../platform/field-encryption.ts';
import { type ReceivedFile, tooManyFiles, type UploadRules } from '../platform/uploaded-files.ts';
import { findMeasureToChange, findMeasureToRead } from './measures.ts';

/**
 * Evidence of completion as files: photos and PDFs, as large as an incident's attachment may be, up
 * to `maxPerMeasure` per measure. Stored like incidents' attachments and walk photos (see
 * docs/decisions/2026-11-23-attachments.md).
 */
export function measureEvidenceRules(maxBytes: number, maxPerMeasure: number): UploadRules {
  return {
    maxBytes,
    maxFiles: maxPerMeasure,
    mediaTypes: attachmentMediaTypes,
    wrongType: (fileName) => ({
      en: `${fileName} is not a photo or a PDF`,
      sv: `${fileName} är inte en bild eller en PDF`,
    }),
    tooMany: () => ({
      en: `A measure holds at most ${maxPerMeasure} files of evidence`,
      sv: `En åtgärd kan ha högst ${maxPerMeasure} filer som underlag`,
    }),
  };
}

/** The evidence of a measure the caller has already found in the actor's scope; never its content. */
async function findEvidence(db: Db, actor: Actor, measureId: string): Promise<MeasureEvidence[]> {
  const rows = await db
    .selectFrom('measureEvidenceFiles as file')
    .innerJoin('people as person', 'person.id', 'file.uploadedByPersonId')
    .select(['file.id', 'file.fileName', 'file.mediaType', 'file.byteSize', 'file.createdAt'])
    .select(['person.givenName', 'person.familyName'])
    .where('file.tenantId', '=', actor.tenantId)
    .where('file.measureId', '=', measureId)
    .orderBy('file.createdAt')
    .orderBy('file.fileName')
    .orderBy('file.id')
    .execute();
  return rows.map((row) => ({
    id: row.id,
    fileName: row.fileName,
    mediaType: row.mediaType as AttachmentMediaType,
    byteSize: row.byteSize,
    uploadedAt: new Date(row.createdAt).toISOString(),
    uploadedBy: `${row.givenName} ${row.familyName}`.trim(),
  }));
}

/** The evidence of a measure, for its readers. */
export async function listMeasureEvidence(db: Db, actor: Actor, measureId: string): Promise<MeasureEvidence[]> {
  await findMeasureToRead(db, actor, measureId);
  return findEvidence(db, actor, measureId);
}

/**
 * Stores checked files as a measure's evidence, each encrypted under its own id, in the caller's
 * transaction with one audit entry (ids, types and sizes: never names or content). Returns all of
 * the measure's evidence.
 */
export async function addMeasureEvidence(
  db: Db,
  secretKey: Buffer,
  actor: Actor,
  context: AuditContext,
  measureId: string,
  files: readonly ReceivedFile[],
  rules: UploadRules,
): Promise<MeasureEvidence[]> {
  await findMeasureToChange(db, actor, measureId);
  // Two uploads at once must not pass the count together: the second waits for the first.
  await db.selectFrom('measures').select('id').where('id', '=', measureId).forUpdate().execute();
  const { count } = await db
    .selectFrom('measureEvidenceFiles')
    .select((builder) => builder.fn.countAll<number>().as('count'))
    .where('tenantId', '=', actor.tenantId)
    .where('measureId', '=', measureId)
    .executeTakeFirstOrThrow();
  if (Number(count) + files.length > rules.maxFiles) throw tooManyFiles(rules, 'validation_failed');
  const ids: string[] = [];
  for (const file of files) {
    const id = randomUUID();
    ids.push(id);
    await db
      .insertInto('measureEvidenceFiles')
      .values({
        id,
        tenantId: actor.tenantId,
        measureId,
        fileName: file.fileName,
        mediaType: file.mediaType,
        byteSize: file.content.length,
        sha256: file.sha256,
        content: encryptBytes(secretKey, file.content, id),
        uploadedByPersonId: actor.personId,
      })
      .execute();
  }
  await recordAudit(db, context, {
    action: 'measure.evidence.add',
    resourceType: 'measure',
    resourceId: measureId,
    details: {
      fileIds: ids,
      mediaTypes: files.map((file) => file.mediaType),
      byteSizes: files.map((file) => file.content.length),
    },
  });
  return findEvidence(db, actor, measureId);
}

/**
 * One file of evidence for a reader of the measure (not_found otherwise, also across tenants). Every
 * read is audited, as for incidents' attachments.
 */
export async function readMeasureEvidence(
  db: Db,
  secretKey: Buffer,
  actor: Actor,
  context: AuditContext,
  measureId: string,
  fileId: string,
) {
  await findMeasureToRead(db, actor, measureId);
  const row = await db
    .selectFrom('measureEvidenceFiles')
    .select(['id', 'fileName', 'mediaType', 'content'])
    .where('tenantId', '=', actor.tenantId)
    .where('measureId', '=', measureId)
    .where('id', '=', fileId)
    .executeTakeFirst();
  if (!row) throw new AppError('not_found');
  const content = decryptBytes(secretKey, row.content, row.id);
  await recordAudit(db, context, {
    action: 'measure.evidence.read',
    resourceType: 'measure',
    resourceId: measureId,
    details: { fileId },
  });
  return { fileName: row.fileName, mediaType: row.mediaType as AttachmentMediaType, content };
}
