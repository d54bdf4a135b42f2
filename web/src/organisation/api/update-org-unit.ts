import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type OrgUnit, orgUnitSchema } from '@varn/domain';
import { apiRequest } from '../../shared/api/api-client.ts';
import { orgUnitsQueryKey } from './get-org-units.ts';

export type OrgUnitChanges = { name?: string; code?: string | null };

export function updateOrgUnit(id: string, changes: OrgUnitChanges): Promise<OrgUnit> {
  return apiRequest(`/api/org-units/${encodeURIComponent(id)}`, {
    method: 'PATCH',
    body: changes,
    schema: orgUnitSchema,
  });
}

export function useUpdateOrgUnit() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, changes }: { id: string; changes: OrgUnitChanges }) => updateOrgUnit(id, changes),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: orgUnitsQueryKey }),
  });
}
