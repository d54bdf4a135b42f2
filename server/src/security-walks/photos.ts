import { randomUUID } from 'node:crypto';
import { questionsOf, type WalkPhoto, walkPhotoMediaTypes } from '@varn/domain';
import type { Actor } from '../access/authorize.ts';
import { type AuditContext, recordAudit } from '../audit/audit-log.ts';
import { AppError } from '../platform/app-error.ts';
import type { Db } from '../platform/database.ts';
import { decryptBytes, encryptBytes } from '../platform/field-encryption.ts';
import type { ReceivedFile, UploadRules } from '../platform/uploaded-files.ts';
import { getWalkRow, getWalkToChange, type WalkRow } from './read.ts';

/** One photo per answer, an image only, as large as an incident's attachment may be. */
export function walkPhotoRules(maxBytes: number): UploadRules {
  return {
    maxBytes,
    maxFiles: 1,
    mediaTypes: walkPhotoMediaTypes,
    wrongType: (fileName) => ({ en: `${fileName} is not a photo`, sv: `${fileName} är inte en bild` }),
    tooMany: () => ({ en: 'One photo per answer', sv: 'En bild per svar' }),
  };
}

/** The photos of a walk the caller has already found in the actor's scope; never their content. */
export async function findWalkPhotos(db: Db, walkId: string): Promise<WalkPhoto[]> {
  const rows = await db
    .selectFrom('securityWalkPhotos')
    .select(['id', 'questionKey', 'fileName', 'mediaType', 'byteSize', 'createdAt'])
    .where('walkId', '=', walkId)
    .orderBy('questionKey')
    .execute();
  return rows.map((row) => ({
    id: row.id,
    questionKey: row.questionKey,
    fileName: row.fileName,
    mediaType: row.mediaType as WalkPhoto['mediaType'],
    byteSize: row.byteSize,
    uploadedAt: new Date(row.createdAt).toISOString(),
  }));
}

async function checkQuestion(db: Db, row: WalkRow, questionKey: string): Promise<void> {
  const version = await db
    .selectFrom('checklistTemplateVersions')
    .select('sections')
    .where('id', '=', row.templateVersionId)
    .executeTakeFirstOrThrow();
  if (!questionsOf(version).some((question) => question.key === questionKey)) throw new AppError('not_found');
}

/**
 * The walk and question a photo may be added to: the actor walks the site, the walk is not finished,
 * and the question is in its checklist. Checked before the file is read, and again when it is stored.
 */
export async function findAnswerToPhotograph(db: Db, actor: Actor, walkId: string, questionKey: string) {
  const row = await getWalkToChange(db, actor, walkId);
  if (row.status === 'finished') throw new AppError('security_walk_finished');
  await checkQuestion(db, row, questionKey);
  return row;
}

/**
 * Stores the answer's photo, encrypted under its own id, replacing an earlier one, in the caller's
 * transaction with an audit entry (ids, type and size: never the name or the content).
 */
export async function setWalkPhoto(
  db: Db,
  secretKey: Buffer,
  actor: Actor,
  context: AuditContext,
  walkId: string,
  questionKey: string,
  file: ReceivedFile,
): Promise<WalkPhoto> {
  await findAnswerToPhotograph(db, actor, walkId, questionKey);
  // Two uploads for one answer take turns on the walk's row; the second replaces the first.
  await db.selectFrom('securityWalks').select('id').where('id', '=', walkId).forUpdate().execute();
  const replaced = await db
    .deleteFrom('securityWalkPhotos')
    .where('walkId', '=', walkId)
    .where('questionKey', '=', questionKey)
    .returning('id')
    .executeTakeFirst();
  const id = randomUUID();
  await db
    .insertInto('securityWalkPhotos')
    .values({
      id,
      tenantId: actor.tenantId,
      walkId,
      questionKey,
      fileName: file.fileName,
      mediaType: file.mediaType,
      byteSize: file.content.length,
      sha256: file.sha256,
      content: encryptBytes(secretKey, file.content, id),
      uploadedByPersonId: actor.personId,
    })
    .execute();
  await recordAudit(db, context, {
    action: 'security_walk.photo.add',
    resourceType: 'security_walk',
    resourceId: walkId,
    details: {
      questionKey,
      photoId: id,
      replacedPhotoId: replaced?.id ?? null,
      mediaType: file.mediaType,
      byteSize: file.content.length,
    },
  });
  const photos = await findWalkPhotos(db, walkId);
  return photos.find((photo) => photo.questionKey === questionKey) as WalkPhoto;
}

/**
 * An answer's photo for a reader of the walk (not_found otherwise, also across tenants). Every read
 * is audited: a photo shows where the site is weak.
 */
export async function readWalkPhoto(
  db: Db,
  secretKey: Buffer,
  actor: Actor,
  context: AuditContext,
  walkId: string,
  questionKey: string,
) {
  await getWalkRow(db, actor, walkId);
  const row = await db
    .selectFrom('securityWalkPhotos')
    .select(['id', 'fileName', 'mediaType', 'content'])
    .where('tenantId', '=', actor.tenantId)
    .where('walkId', '=', walkId)
    .where('questionKey', '=', questionKey)
    .executeTakeFirst();
  if (!row) throw new AppError('not_found');
  const content = decryptBytes(secretKey, row.content, row.id);
  await recordAudit(db, context, {
    action: 'security_walk.photo.read',
    resourceType: 'security_walk',
    resourceId: walkId,
    details: { questionKey, photoId: row.id },
  });
  return { fileName: row.fileName, mediaType: row.mediaType as WalkPhoto['mediaType'], content };
}
