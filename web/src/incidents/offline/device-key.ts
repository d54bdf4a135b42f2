import { createStore, get, update } from 'idb-keyval';

/**
 * What the app keeps on the device for offline use (queued reports and their files, the sites list)
 * is stored encrypted: AES-GCM under one key made on this device by WebCrypto, non-extractable (no
 * script, ours included, can read its bytes; it can only be used, in this origin), kept in IndexedDB
 * beside the data. What this protects and what not: docs/decisions/2026-11-23-offline-reports.md.
 */
export type Sealed = { iv: Uint8Array<ArrayBuffer>; data: ArrayBuffer };

const store = createStore('varn-offline-key', 'keys');
const keyName = 'device-key';
let deviceKey: Promise<CryptoKey> | null = null;

/**
 * The device's key, made the first time. Two tabs may both make one at once: the one written first
 * wins in a single transaction and both use it, so nothing is ever sealed under a key that is lost.
 */
function currentKey(): Promise<CryptoKey> {
  deviceKey ??= (async () => {
    const existing = await get<CryptoKey>(keyName, store);
    if (existing) return existing;
    const made = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
    await update<CryptoKey>(keyName, (earlier) => earlier ?? made, store);
    return (await get<CryptoKey>(keyName, store)) ?? made;
  })();
  // A failure (storage blocked) is tried again next time rather than remembered.
  deviceKey.catch(() => {
    deviceKey = null;
  });
  return deviceKey;
}

const encoder = new TextEncoder();

/** `context` is bound to the ciphertext (associated data): a sealed value moved elsewhere does not open. */
export async function sealBytes(bytes: BufferSource, context: string): Promise<Sealed> {
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const data = await crypto.subtle.encrypt(
    { name: 'AES-GCM', iv, additionalData: encoder.encode(context) },
    await currentKey(),
    bytes,
  );
  return { iv, data };
}

export async function unsealBytes(sealed: Sealed, context: string): Promise<ArrayBuffer> {
  return crypto.subtle.decrypt(
    { name: 'AES-GCM', iv: sealed.iv, additionalData: encoder.encode(context) },
    await currentKey(),
    sealed.data,
  );
}

export function seal(value: unknown, context: string): Promise<Sealed> {
  return sealBytes(encoder.encode(JSON.stringify(value)), context);
}

export async function unseal<T>(sealed: Sealed, context: string): Promise<T> {
  return JSON.parse(new TextDecoder().decode(await unsealBytes(sealed, context))) as T;
}
