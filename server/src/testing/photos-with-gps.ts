import { readFileSync } from 'node:fs';
import { crc32 } from 'node:zlib';
import { png } from './multipart.ts';

/**
 * Photos that carry a GPS position in their EXIF, as a phone's camera writes it: a real 2×2 JPEG and
 * WebP (made by Chromium) and a 1×1 PNG, each with an EXIF block added the way its format holds one.
 * The position is Sergels torg, 59°19'57.7"N; `gpsMarker` is a byte run found only in that block.
 */
const photo = (name: string) => readFileSync(new URL(`./photos/${name}`, import.meta.url));
export const plainJpeg = photo('red-2x2.jpg');
export const plainWebp = photo('red-2x2.webp');
export const plainPng = png;

/** Latitude 59/1, 19/1, 5770/100 as three big-endian RATIONALs: what the test looks for. */
export const gpsMarker = Buffer.from('0000003b0000000100000013000000010000168a00000064', 'hex');

/** A TIFF structure (big-endian) whose IFD0 points to a GPS IFD with latitude reference and latitude. */
function exifWithGps(): Buffer {
  const tiff = Buffer.concat([
    Buffer.from('4d4d002a00000008', 'hex'), // "MM", 42, IFD0 at 8
    Buffer.from('0001', 'hex'), // IFD0: one entry
    Buffer.from('8825000400000001', 'hex'), // GPSInfo, LONG, 1 …
    Buffer.from('0000001a', 'hex'), // … the GPS IFD at 26
    Buffer.from('00000000', 'hex'), // no next IFD
    Buffer.from('0002', 'hex'), // GPS IFD: two entries
    Buffer.from('0001000200000002', 'hex'), // GPSLatitudeRef, ASCII, 2 …
    Buffer.from('4e000000', 'hex'), // … "N"
    Buffer.from('0002000500000003', 'hex'), // GPSLatitude, RATIONAL, 3 …
    Buffer.from('00000038', 'hex'), // … at 56
    Buffer.from('00000000', 'hex'), // no next IFD
    gpsMarker,
  ]);
  return Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), tiff]);
}

/** The JPEG with an APP1 segment holding the EXIF, right after the start of image. */
export function jpegWithGps(): Buffer {
  const exif = exifWithGps();
  const length = Buffer.alloc(2);
  length.writeUInt16BE(exif.length + 2);
  return Buffer.concat([plainJpeg.subarray(0, 2), Buffer.from('ffe1', 'hex'), length, exif, plainJpeg.subarray(2)]);
}

/**
 * An APP2 segment (where a colour profile goes) whose bytes happen to hold FF E1, the APP1 marker:
 * placed before the EXIF, it fooled exif-be-gone's byte search.
 */
const app2WithMarkerBytes = Buffer.from('ffe2000affe1000400000000', 'hex');

/** The JPEG with that APP2 segment, then the EXIF with GPS; and what it should become: without the EXIF. */
export function jpegWithGpsAfterProfile(): { withGps: Buffer; withoutGps: Buffer } {
  const withGps = jpegWithGps();
  return {
    withGps: Buffer.concat([withGps.subarray(0, 2), app2WithMarkerBytes, withGps.subarray(2)]),
    withoutGps: Buffer.concat([plainJpeg.subarray(0, 2), app2WithMarkerBytes, plainJpeg.subarray(2)]),
  };
}

/** The PNG with an eXIf chunk (no "Exif\0\0" prefix in PNG) after the header chunk. */
export function pngWithGps(): Buffer {
  const data = exifWithGps().subarray(6);
  const typeAndData = Buffer.concat([Buffer.from('eXIf', 'latin1'), data]);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typeAndData));
  const afterHeader = 8 + 25; // signature, IHDR
  return Buffer.concat([plainPng.subarray(0, afterHeader), length, typeAndData, crc, plainPng.subarray(afterHeader)]);
}

/** The WebP with an EXIF chunk at the end, the VP8X flag that announces it and the RIFF size to match. */
export function webpWithGps(): Buffer {
  const data = exifWithGps().subarray(6);
  const header = Buffer.alloc(8);
  header.write('EXIF', 0, 'latin1');
  header.writeUInt32LE(data.length, 4);
  const padding = Buffer.alloc(data.length % 2);
  const webp = Buffer.concat([plainWebp, header, data, padding]);
  webp.writeUInt32LE(webp.length - 8, 4);
  webp[20] = (webp[20] ?? 0) | 0x08; // VP8X flags: EXIF present
  return webp;
}
