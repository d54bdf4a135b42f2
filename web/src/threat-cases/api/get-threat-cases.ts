import { useInfiniteQuery } from '@tanstack/react-query';
import { pageSchema, threatCaseSummarySchema } from '@varn/domain';
import { apiRequest } from '../../shared/api/api-client.ts';

export const threatCasesQueryKey = ['threat-cases'] as const;
const pageSize = 25;

/** One page of the cases the reader may see (in scope and on the access list), most recently changed first. */
export function getThreatCases(after: string | undefined) {
  return apiRequest('/api/threat-cases', {
    query: { limit: pageSize, after },
    schema: pageSchema(threatCaseSummarySchema),
  });
}

export function useThreatCases() {
  return useInfiniteQuery({
    queryKey: [...threatCasesQueryKey, 'list'],
    queryFn: ({ pageParam }) => getThreatCases(pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
}
