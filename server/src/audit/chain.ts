import { createHash } from 'node:crypto';
import type { Selectable } from 'kysely';
import type { AuditEntryTable } from './tables.ts';

export const genesisHash = '0'.repeat(64);

/**
 * The link of one entry in its tenant's chain: the hash covers the previous link, the entry's place
 * in the chain and every recorded field, so changing, removing or reordering an entry breaks it.
 */
export function linkHash(previousHash: string, sequence: number, entry: Selectable<AuditEntryTable>): string {
  const canonical = JSON.stringify([
    previousHash,
    sequence,
    entry.id,
    entry.tenantId,
    new Date(entry.occurredAt).toISOString(),
    entry.actorPersonId,
    entry.action,
    entry.resourceType,
    entry.resourceId,
    entry.reason,
    canonicalJson(entry.details),
    entry.requestId,
  ]);
  return createHash('sha256').update(canonical).digest('hex');
}

/** JSON with keys sorted at every level, so the hash does not depend on the driver's key order. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}
