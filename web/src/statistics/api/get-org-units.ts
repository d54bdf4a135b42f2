import { useQuery } from '@tanstack/react-query';
import { listSchema, orgUnitSchema } from '@varn/domain';
import { apiRequest } from '../../shared/api/api-client.ts';

/** The organisation units the reader may see, for the unit filter; only roles with `organisation.read`. */
export async function getOrgUnits() {
  const body = await apiRequest('/api/org-units', { schema: listSchema(orgUnitSchema) });
  return body.items;
}

export function useOrgUnits(enabled: boolean) {
  return useQuery({ queryKey: ['statistics', 'org-units'], queryFn: getOrgUnits, enabled });
}
