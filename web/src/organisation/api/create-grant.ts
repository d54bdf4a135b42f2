import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type Grant, type GrantInput, grantSchema } from '@varn/domain';
import { apiRequest, newIdempotencyKey } from '../../shared/api/api-client.ts';
import { grantsQueryKey } from './get-grants.ts';

export function createGrant(input: GrantInput, idempotencyKey: string): Promise<Grant> {
  return apiRequest('/api/grants', { method: 'POST', body: input, idempotencyKey, schema: grantSchema });
}

export function useCreateGrant() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: GrantInput) => createGrant(input, newIdempotencyKey()),
    onSuccess: (grant) => queryClient.invalidateQueries({ queryKey: grantsQueryKey(grant.personId) }),
  });
}
