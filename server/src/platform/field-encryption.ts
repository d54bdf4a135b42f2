import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

const version = 'v1';

/**
 * AES-256-GCM for single columns that must not be readable in the database (TOTP secrets, home
 * addresses). The stored text is `v1.<iv>.<tag>.<ciphertext>` in base64url; the key comes from
 * configuration and never from the database.
 */
export function encryptField(key: Buffer, plaintext: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return [version, iv, cipher.getAuthTag(), ciphertext]
    .map((part) => (typeof part === 'string' ? part : part.toString('base64url')))
    .join('.');
}

export function decryptField(key: Buffer, stored: string): string {
  const [storedVersion, iv, tag, ciphertext] = stored.split('.');
  if (storedVersion !== version || !iv || !tag || ciphertext === undefined) {
    throw new Error('unknown field encryption format');
  }
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  return Buffer.concat([decipher.update(Buffer.from(ciphertext, 'base64url')), decipher.final()]).toString('utf8');
}

const bytesVersion = 1;

/**
 * The same AES-256-GCM for binary content (attachments): `version (1 byte) | iv (12) | tag (16) |
 * ciphertext`. The associated data (the row's id) binds the ciphertext to its row, so content moved
 * to another row fails to decrypt instead of showing up under a different name.
 */
export function encryptBytes(key: Buffer, plaintext: Uint8Array, associatedData: string): Buffer {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(associatedData, 'utf8'));
  const ciphertext = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return Buffer.concat([Buffer.from([bytesVersion]), iv, cipher.getAuthTag(), ciphertext]);
}

export function decryptBytes(key: Buffer, stored: Uint8Array, associatedData: string): Buffer {
  const bytes = Buffer.from(stored.buffer, stored.byteOffset, stored.byteLength);
  if (bytes[0] !== bytesVersion || bytes.length < 29) throw new Error('unknown content encryption format');
  const decipher = createDecipheriv('aes-256-gcm', key, bytes.subarray(1, 13));
  decipher.setAAD(Buffer.from(associatedData, 'utf8'));
  decipher.setAuthTag(bytes.subarray(13, 29));
  return Buffer.concat([decipher.update(bytes.subarray(29)), decipher.final()]);
}
