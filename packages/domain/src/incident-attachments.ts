import { z } from 'zod';
import { idSchema } from './text.ts';

/**
 * What may be attached to an incident: photos (JPEG, PNG, WebP, HEIC/HEIF from iPhones, GIF) and PDFs.
 * The server decides by the file's first bytes, never by its name or the browser's claim.
 */
export const photoMediaTypes = [
  'image/jpeg',
  'image/png',
  'image/webp',
  'image/heic',
  'image/heif',
  'image/gif',
] as const;
export const attachmentMediaTypes = [...photoMediaTypes, 'application/pdf'] as const;
export type AttachmentMediaType = (typeof attachmentMediaTypes)[number];

/** The file input's `accept`: the types, and HEIC's extensions for browsers that do not know its type. */
export const attachmentAccept = [...attachmentMediaTypes, '.heic', '.heif'].join(',');

/** The defaults of the server's limits (ATTACHMENT_MAX_MB, ATTACHMENTS_PER_INCIDENT); the web checks the size before sending. */
export const attachmentLimits = { maxBytes: 10 * 1024 * 1024, maxPerIncident: 20 } as const;

/** One attachment as the incident lists it; its content is fetched separately, and that read is audited. */
export const attachmentSchema = z.object({
  id: idSchema,
  fileName: z.string(),
  mediaType: z.enum(attachmentMediaTypes),
  byteSize: z.number().int(),
  uploadedAt: z.string(),
  uploadedBy: z.string().nullable(),
  /** Whether the reader may remove it: its uploader and the incident's handlers, while not closed. */
  canRemove: z.boolean(),
});
export type Attachment = z.infer<typeof attachmentSchema>;

export const attachmentListSchema = z.object({ items: z.array(attachmentSchema) });
export type AttachmentList = z.infer<typeof attachmentListSchema>;

export const attachmentParamsSchema = z.strictObject({ id: idSchema, attachmentId: idSchema });

// biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point
const unsafeInFileName = /[\u0000-\u001f\u007f"\\/]/g;

/**
 * The name an uploaded file is kept under: the last path segment the browser sent, without control
 * characters, quotes or slashes (it goes into a Content-Disposition header), at most 200 characters.
 */
export function attachmentFileNameOf(sent: string | undefined): string {
  const lastSegment = (sent ?? '').split(/[\\/]/).pop() ?? '';
  const cleaned = lastSegment.replace(unsafeInFileName, '').trim();
  if (cleaned.length <= 200) return cleaned || 'bilaga';
  const dot = cleaned.lastIndexOf('.');
  const extension = dot > 0 && cleaned.length - dot <= 10 ? cleaned.slice(dot) : '';
  return cleaned.slice(0, 200 - extension.length) + extension;
}

/**
 * Why a chosen file cannot be sent (an incident's attachment unless other types are given), judged by the browser's idea of it (the server checks the content
 * again): not a known type, empty, or too large; null when it may be sent.
 */
export function attachmentRefusalOf(
  file: { name: string; type: string; size: number },
  maxBytes: number,
  mediaTypes: readonly string[] = attachmentMediaTypes,
): 'wrong_type' | 'empty' | 'too_large' | null {
  const isKnownType = mediaTypes.includes(file.type) || /\.(heic|heif)$/i.test(file.name);
  if (!isKnownType) return 'wrong_type';
  if (file.size === 0) return 'empty';
  return file.size > maxBytes ? 'too_large' : null;
}
