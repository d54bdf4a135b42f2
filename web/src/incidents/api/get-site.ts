import { useQuery } from '@tanstack/react-query';
import { type Site, siteSchema } from '@varn/domain';
import { apiRequest } from '../../shared/api/api-client.ts';

/** The site an incident names, to show its name; only roles with `sites.read` may read it. */
export function getSite(siteId: string): Promise<Site> {
  return apiRequest(`/api/sites/${encodeURIComponent(siteId)}`, { schema: siteSchema });
}

export function useSite(siteId: string | null, enabled: boolean) {
  return useQuery({
    queryKey: ['incidents', 'site', siteId],
    queryFn: () => getSite(siteId ?? ''),
    enabled: enabled && siteId !== null,
  });
}
