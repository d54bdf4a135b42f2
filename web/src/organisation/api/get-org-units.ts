import { useQuery } from '@tanstack/react-query';
import { listSchema, type OrgUnit, orgUnitSchema } from '@varn/domain';
import { apiRequest } from '../../shared/api/api-client.ts';

export const orgUnitsQueryKey = ['org-units'] as const;

/** The whole part of the organisation tree that the person may see, as a flat list. */
export async function getOrgUnits(): Promise<OrgUnit[]> {
  const body = await apiRequest('/api/org-units', { schema: listSchema(orgUnitSchema) });
  return body.items;
}

/** `enabled` lets pages skip the request for people who may not read the organisation. */
export function useOrgUnits(enabled = true) {
  return useQuery({ queryKey: orgUnitsQueryKey, queryFn: getOrgUnits, enabled });
}
