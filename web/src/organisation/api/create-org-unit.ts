import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type OrgUnit, type OrgUnitInput, orgUnitSchema } from '@varn/domain';
import { apiRequest, newIdempotencyKey } from '../../shared/api/api-client.ts';
import { orgUnitsQueryKey } from './get-org-units.ts';

export function createOrgUnit(input: OrgUnitInput, idempotencyKey: string): Promise<OrgUnit> {
  return apiRequest('/api/org-units', { method: 'POST', body: input, idempotencyKey, schema: orgUnitSchema });
}

export function useCreateOrgUnit() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: OrgUnitInput) => createOrgUnit(input, newIdempotencyKey()),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: orgUnitsQueryKey }),
  });
}
