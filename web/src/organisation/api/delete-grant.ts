import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Grant } from '@varn/domain';
import { apiRequest } from '../../shared/api/api-client.ts';
import { grantsQueryKey } from './get-grants.ts';

export function deleteGrant(id: string): Promise<void> {
  return apiRequest(`/api/grants/${encodeURIComponent(id)}`, { method: 'DELETE' });
}

export function useDeleteGrant() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (grant: Grant) => deleteGrant(grant.id),
    onSuccess: (_result, grant) => queryClient.invalidateQueries({ queryKey: grantsQueryKey(grant.personId) }),
  });
}
