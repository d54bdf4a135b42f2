import type { Generated } from 'kysely';
import { tagColumns } from '../platform/sensitivity.ts';

export interface RoleGrantTable {
  id: Generated<string>;
  tenantId: string;
  personId: string;
  role: string;
  scopeKind: 'tenant' | 'org_unit' | 'party' | 'self';
  orgUnitId: string | null;
  partyId: string | null;
  createdAt: Generated<Date>;
}
export const roleGrantColumns = tagColumns<RoleGrantTable>('role_grants', {
  id: 'internal',
  tenantId: 'internal',
  personId: 'internal',
  role: 'internal',
  scopeKind: 'internal',
  orgUnitId: 'internal',
  partyId: 'internal',
  createdAt: 'internal',
});
