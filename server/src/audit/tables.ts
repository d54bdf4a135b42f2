import type { Generated, JSONColumnType } from 'kysely';
import { tagColumns } from '../platform/sensitivity.ts';

export interface AuditEntryTable {
  id: Generated<number>;
  tenantId: string;
  occurredAt: Generated<Date>;
  actorPersonId: string | null;
  action: string;
  resourceType: string;
  resourceId: string | null;
  reason: string | null;
  details: JSONColumnType<Record<string, unknown>, string, string>;
  requestId: string | null;
}
// Entries name records by id and say what was done; they never copy sensitive values into details.
export const auditEntryColumns = tagColumns<AuditEntryTable>('audit_entries', {
  id: 'internal',
  tenantId: 'internal',
  occurredAt: 'internal',
  actorPersonId: 'internal',
  action: 'internal',
  resourceType: 'internal',
  resourceId: 'internal',
  reason: 'personal',
  details: 'internal',
  requestId: 'internal',
});

export interface AuditSealTable {
  entryId: number;
  tenantId: string;
  sequence: number;
  previousHash: string;
  hash: string;
  sealedAt: Generated<Date>;
}
export const auditSealColumns = tagColumns<AuditSealTable>('audit_seals', {
  entryId: 'internal',
  tenantId: 'internal',
  sequence: 'internal',
  previousHash: 'internal',
  hash: 'internal',
  sealedAt: 'internal',
});

export interface AuditUnsealedTable {
  entryId: number;
  tenantId: string;
}
export const auditUnsealedColumns = tagColumns<AuditUnsealedTable>('audit_unsealed', {
  entryId: 'internal',
  tenantId: 'internal',
});
