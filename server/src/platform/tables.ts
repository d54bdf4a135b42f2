import type { Generated, JSONColumnType } from 'kysely';
import { tagColumns } from './sensitivity.ts';

export interface IdempotencyKeyTable {
  accountId: string;
  key: string;
  tenantId: string;
  requestFingerprint: string;
  statusCode: number;
  response: JSONColumnType<object, string, string> | null;
  createdAt: Generated<Date>;
}
// A stored response may hold anything the route returns: treat it as the most sensitive of them.
export const idempotencyKeyColumns = tagColumns<IdempotencyKeyTable>('idempotency_keys', {
  accountId: 'internal',
  key: 'internal',
  tenantId: 'internal',
  requestFingerprint: 'internal',
  statusCode: 'internal',
  response: 'sensitive',
  createdAt: 'internal',
});

export interface SchemaMigrationTable {
  name: string;
  appliedAt: Generated<Date>;
}
export const schemaMigrationColumns = tagColumns<SchemaMigrationTable>('schema_migrations', {
  name: 'internal',
  appliedAt: 'internal',
});
