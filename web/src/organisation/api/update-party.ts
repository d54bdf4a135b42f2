import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type Party, type PartyInput, partySchema } from '@varn/domain';
import { apiRequest } from '../../shared/api/api-client.ts';
import { partiesQueryKey } from './get-parties.ts';

export function updateParty(id: string, changes: Partial<PartyInput>): Promise<Party> {
  return apiRequest(`/api/parties/${encodeURIComponent(id)}`, { method: 'PATCH', body: changes, schema: partySchema });
}

export function useUpdateParty() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, changes }: { id: string; changes: Partial<PartyInput> }) => updateParty(id, changes),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: partiesQueryKey }),
  });
}
