import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type Party, type PartyInput, partySchema } from '@varn/domain';
import { apiRequest, newIdempotencyKey } from '../../shared/api/api-client.ts';
import { partiesQueryKey } from './get-parties.ts';

export function createParty(input: PartyInput, idempotencyKey: string): Promise<Party> {
  return apiRequest('/api/parties', { method: 'POST', body: input, idempotencyKey, schema: partySchema });
}

export function useCreateParty() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: PartyInput) => createParty(input, newIdempotencyKey()),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: partiesQueryKey }),
  });
}
