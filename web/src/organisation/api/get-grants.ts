import { useQuery } from '@tanstack/react-query';
import { type Grant, grantSchema, listSchema } from '@varn/domain';
import { apiRequest } from '../../shared/api/api-client.ts';

export function grantsQueryKey(personId: string) {
  return ['grants', personId] as const;
}

export async function getGrants(personId: string): Promise<Grant[]> {
  const body = await apiRequest('/api/grants', { query: { personId }, schema: listSchema(grantSchema) });
  return body.items;
}

export function useGrants(personId: string, enabled = true) {
  return useQuery({ queryKey: grantsQueryKey(personId), queryFn: () => getGrants(personId), enabled });
}
