import { useQuery } from '@tanstack/react-query';
import { listSchema, type Party, partySchema } from '@varn/domain';
import { apiRequest } from '../../shared/api/api-client.ts';

export const partiesQueryKey = ['parties'] as const;

export async function getParties(): Promise<Party[]> {
  const body = await apiRequest('/api/parties', { schema: listSchema(partySchema) });
  return body.items;
}

/** Parties; `enabled` lets pages skip the request for people who may not read them. */
export function useParties(enabled = true) {
  return useQuery({ queryKey: partiesQueryKey, queryFn: getParties, enabled });
}
