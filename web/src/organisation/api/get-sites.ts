import { useInfiniteQuery } from '@tanstack/react-query';
import { pageSchema, siteSchema } from '@varn/domain';
import { apiRequest } from '../../shared/api/api-client.ts';

export type SiteFilters = { unitId?: string };

export const sitesQueryKey = ['sites'] as const;
const pageSize = 50;

/** One page of sites, keyset-paginated: pass the previous page's `nextCursor` as `after`. */
export function getSites(filters: SiteFilters, after: string | undefined) {
  return apiRequest('/api/sites', {
    query: { unitId: filters.unitId, limit: pageSize, after },
    schema: pageSchema(siteSchema),
  });
}

export function useSites(filters: SiteFilters) {
  return useInfiniteQuery({
    queryKey: [...sitesQueryKey, filters],
    queryFn: ({ pageParam }) => getSites(filters, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
}
