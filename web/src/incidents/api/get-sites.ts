import { useQuery } from '@tanstack/react-query';
import { pageLimitMax, pageSchema, siteSchema } from '@varn/domain';
import { apiRequest } from '../../shared/api/api-client.ts';

/**
 * The sites the reporter may pick as the place: the first page of the largest size, which holds all
 * of a unit's or an administration's sites. Only roles with `sites.read` may list them.
 */
export async function getSites() {
  const page = await apiRequest('/api/sites', { query: { limit: pageLimitMax }, schema: pageSchema(siteSchema) });
  return page.items;
}

export function useSites(enabled: boolean) {
  return useQuery({ queryKey: ['incidents', 'sites'], queryFn: getSites, enabled });
}
