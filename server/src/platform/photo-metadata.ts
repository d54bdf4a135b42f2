import { Readable } from 'node:stream';
import type { AttachmentMediaType } from '@varn/domain';
import exifBeGone from 'exif-be-gone';

// The package sets `module.exports` to the class, so Node's default import is the class itself;
// its types describe an ES module with a default export.
const ExifTransformer = exifBeGone as unknown as typeof exifBeGone.default;

/**
 * A photo without the metadata a camera or phone writes into it: EXIF (with GPS position, time,
 * device), XMP, IPTC and, in PNG, text chunks. A photo taken at home would otherwise tell every reader of
 * the incident where the reporter lives; the report's own fields say where and when it happened.
 * Other types (HEIC/HEIF, GIF, PDF) are stored as sent: see docs/decisions/2026-11-23-attachments.md.
 * Returns null for a JPEG or WebP whose structure cannot be followed (it cannot be cleaned, so it is
 * refused).
 */
export async function withoutPhotoMetadata(mediaType: AttachmentMediaType, content: Buffer): Promise<Buffer | null> {
  if (mediaType === 'image/png') return throughExifTransformer(content);
  if (mediaType === 'image/jpeg') return jpegWithoutMetadata(content);
  if (mediaType === 'image/webp') return webpWithoutMetadata(content);
  return content;
}

// JPEG segments that carry metadata: APP1 (EXIF with GPS, XMP) and APP13 (Photoshop/IPTC, which
// holds place names). APP0 (JFIF), APP2 (ICC colour profile) and APP14 (Adobe colour transform)
// are needed to show the picture right and stay.
const jpegMetadataMarkers = new Set([0xe1, 0xed]);
const startOfScan = 0xda;
const endOfImage = 0xd9;
// Markers without a length: TEM and the restart markers.
const isStandalone = (marker: number) => marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7);

/**
 * JPEG without its metadata segments, found by walking the segments from the start of image to the
 * start of scan (after it only image data follows). Done here, not by exif-be-gone: it searches for
 * the first FF E1 byte pair, and when those bytes occur earlier (inside a colour profile, say) it
 * leaves the EXIF behind them in place (tried: the GPS position came through).
 */
function jpegWithoutMetadata(content: Buffer): Buffer | null {
  if (content.length < 4 || content[0] !== 0xff || content[1] !== 0xd8) return null;
  const kept: Buffer[] = [content.subarray(0, 2)];
  let offset = 2;
  while (offset < content.length) {
    if (content[offset] !== 0xff) return null;
    // Any number of FF fill bytes may come before a marker.
    let markerAt = offset + 1;
    while (content[markerAt] === 0xff) markerAt += 1;
    const marker = content[markerAt];
    if (marker === undefined) return null;
    if (marker === startOfScan || marker === endOfImage) {
      kept.push(content.subarray(markerAt - 1));
      return Buffer.concat(kept);
    }
    if (isStandalone(marker)) {
      kept.push(content.subarray(markerAt - 1, markerAt + 1));
      offset = markerAt + 1;
      continue;
    }
    if (markerAt + 3 > content.length) return null;
    const end = markerAt + 1 + content.readUInt16BE(markerAt + 1);
    if (end > content.length) return null;
    if (!jpegMetadataMarkers.has(marker)) kept.push(content.subarray(markerAt - 1, end));
    offset = end;
  }
  return null;
}

async function throughExifTransformer(content: Buffer): Promise<Buffer> {
  const chunks: Buffer[] = [];
  // In an array: Readable.from of a Buffer itself would stream it byte by byte.
  for await (const chunk of Readable.from([content]).pipe(new ExifTransformer())) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

const webpMetadataChunks = new Set(['EXIF', 'XMP ']);
// VP8X flag bits that announce the chunks removed here.
const vp8xExifFlag = 0x08;
const vp8xXmpFlag = 0x04;

/**
 * WebP (RIFF) without its EXIF and XMP chunks, with the VP8X flags and the RIFF size made to match.
 * Done here, not by exif-be-gone: its WebP mode (1.5.1) counts each chunk 4 bytes too long and so
 * removes nothing (tried with the WebP of attachments.test.ts: its EXIF chunk came through).
 */
function webpWithoutMetadata(content: Buffer): Buffer | null {
  if (
    content.length < 12 ||
    content.toString('latin1', 0, 4) !== 'RIFF' ||
    content.toString('latin1', 8, 12) !== 'WEBP'
  )
    return null;
  // Bytes after the RIFF's own length belong to no chunk and are dropped.
  const limit = Math.min(content.length, 8 + content.readUInt32LE(4));
  const kept: Buffer[] = [];
  let offset = 12;
  while (offset < limit) {
    if (offset + 8 > limit) return null;
    const type = content.toString('latin1', offset, offset + 4);
    const size = content.readUInt32LE(offset + 4);
    if (offset + 8 + size > limit) return null;
    // Chunks are padded to an even length; some writers leave out the last chunk's padding byte.
    const end = Math.min(offset + 8 + size + (size % 2), limit);
    if (!webpMetadataChunks.has(type)) {
      const chunk = Buffer.from(content.subarray(offset, end));
      if (type === 'VP8X' && size > 0) chunk[8] = (chunk[8] ?? 0) & ~(vp8xExifFlag | vp8xXmpFlag);
      kept.push(chunk);
    }
    offset = end;
  }
  const body = Buffer.concat([Buffer.from('WEBP', 'latin1'), ...kept]);
  const header = Buffer.alloc(8);
  header.write('RIFF', 0, 'latin1');
  header.writeUInt32LE(body.length, 4);
  return Buffer.concat([header, body]);
}
