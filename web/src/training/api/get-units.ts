import { useQuery } from '@tanstack/react-query';
import { listSchema, type OrgUnit, orgUnitSchema } from '@varn/domain';
import { apiRequest } from '../../shared/api/api-client.ts';

const unitListSchema = listSchema(orgUnitSchema);

/** The units a course may be aimed at (the planner's readable organisation). */
export async function getUnits(): Promise<OrgUnit[]> {
  return (await apiRequest('/api/org-units', { schema: unitListSchema })).items;
}

export function useUnits(enabled: boolean) {
  return useQuery({ queryKey: ['training', 'units'], queryFn: getUnits, enabled });
}
