import { createHash } from 'node:crypto';
import { type AttachmentMediaType, attachmentFileNameOf, type LocalizedText } from '@varn/domain';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { fileTypeFromBuffer } from 'file-type';
import { AppError, fieldError } from './app-error.ts';
import { withoutPhotoMetadata } from './photo-metadata.ts';

/**
 * Files uploaded as multipart (incident attachments, photos of a security walk's answers): received
 * into memory, checked by their real type, and served back as protected downloads. Storage stays
 * with each feature: the content is encrypted with `encryptBytes` under the file's own id.
 * See docs/decisions/2026-11-23-attachments.md.
 */

/** A file as received and checked, before it is stored. */
export interface ReceivedFile {
  fileName: string;
  mediaType: AttachmentMediaType;
  content: Buffer;
  sha256: string;
}

export interface UploadRules {
  maxBytes: number;
  maxFiles: number;
  /** The types taken, detected from the content's first bytes. */
  mediaTypes: readonly AttachmentMediaType[];
  /** Why a file of another type is refused, e.g. "x.txt is not a photo". */
  wrongType(fileName: string): LocalizedText;
  /** More files than `maxFiles`, in the feature's words. */
  tooMany(): LocalizedText;
}

const megabytes = (bytes: number) => Math.round(bytes / (1024 * 1024));

/**
 * Reads the files of a multipart upload into memory, at most `maxBytes` each, and checks each one's
 * real type by its first bytes. A file too large answers 413, an unknown type 415; either way nothing
 * has been stored yet, and nothing will be.
 */
export async function receiveFiles(request: FastifyRequest, rules: UploadRules): Promise<ReceivedFile[]> {
  const received: ReceivedFile[] = [];
  try {
    for await (const part of request.files({
      limits: { fileSize: rules.maxBytes, files: rules.maxFiles, fields: 10, parts: rules.maxFiles + 10 },
    })) {
      const content = await part.toBuffer();
      received.push(await checkedFile(attachmentFileNameOf(part.filename), content, received.length, rules));
    }
  } catch (error) {
    throw asProblem(error, rules);
  }
  if (received.length === 0) {
    throw new AppError('validation_failed', {
      errors: [fieldError('files', 'required', 'Choose at least one file', 'Välj minst en fil')],
    });
  }
  return received;
}

/**
 * The file as it will be stored: of a type we take, judged by its bytes, and a photo without its
 * EXIF/XMP metadata (GPS position among it). Size and checksum are those of what is stored.
 */
async function checkedFile(fileName: string, sent: Buffer, index: number, rules: UploadRules): Promise<ReceivedFile> {
  const detected = await fileTypeFromBuffer(sent);
  const mediaType = rules.mediaTypes.find((type) => type === detected?.mime);
  const content = mediaType ? await withoutPhotoMetadata(mediaType, sent) : null;
  if (!mediaType || !content) {
    const message = rules.wrongType(fileName);
    throw new AppError('unsupported_media_type', {
      errors: [fieldError(`files.${index}`, 'unsupported_file_type', message.en, message.sv)],
    });
  }
  return { fileName, mediaType, content, sha256: createHash('sha256').update(content).digest('hex') };
}

/** Too many files for one record: the feature's message, as a problem with the given code. */
export function tooManyFiles(rules: Pick<UploadRules, 'tooMany'>, code: 'payload_too_large' | 'validation_failed') {
  const message = rules.tooMany();
  return new AppError(code, { errors: [fieldError('files', 'too_many_attachments', message.en, message.sv)] });
}

/** @fastify/multipart's own errors, as our problems with a message that says what to do. */
function asProblem(error: unknown, rules: UploadRules): unknown {
  const code = (error as { code?: string }).code;
  if (code === 'FST_REQ_FILE_TOO_LARGE') {
    const size = megabytes(rules.maxBytes);
    return new AppError('payload_too_large', {
      errors: [
        fieldError('files', 'file_too_large', `A file may be at most ${size} MB`, `En fil får vara högst ${size} MB`),
      ],
    });
  }
  if (code === 'FST_FILES_LIMIT' || code === 'FST_PARTS_LIMIT' || code === 'FST_FIELDS_LIMIT') {
    return tooManyFiles(rules, 'payload_too_large');
  }
  if (code === 'FST_INVALID_MULTIPART_CONTENT_TYPE') return new AppError('unsupported_media_type');
  return error;
}

/**
 * Sends a stored file. Always a download, never rendered in our origin; if it were, the sandbox
 * gives it no script, no same origin and nothing to load.
 */
export function sendProtectedFile(
  reply: FastifyReply,
  file: { fileName: string; mediaType: AttachmentMediaType; content: Buffer },
) {
  return reply
    .header('content-type', file.mediaType)
    .header('content-disposition', contentDisposition(file.fileName))
    .header('x-content-type-options', 'nosniff')
    .header('cache-control', 'private, no-store')
    .header('content-security-policy', "default-src 'none'; sandbox")
    .send(file.content);
}

/** RFC 6266: an ASCII fallback name and the real one in UTF-8 (RFC 8187). */
function contentDisposition(fileName: string): string {
  const fallback =
    fileName
      .normalize('NFKD')
      .replace(/[^\x20-\x7e]/g, '')
      .replace(/["\\%]/g, '') || 'bilaga';
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}
