import { useInfiniteQuery } from '@tanstack/react-query';
import { pageSchema, personSchema } from '@varn/domain';
import { apiRequest } from '../../shared/api/api-client.ts';

export type PeopleFilters = { unitId?: string; partyId?: string; kind?: string; search?: string };

export const peopleQueryKey = ['people'] as const;
const pageSize = 50;

/** One page of people matching the filters; `after` is the previous page's `nextCursor`. */
export function getPeople(filters: PeopleFilters, after: string | undefined) {
  return apiRequest('/api/people', {
    query: { ...filters, limit: pageSize, after },
    schema: pageSchema(personSchema),
  });
}

export function usePeople(filters: PeopleFilters) {
  return useInfiniteQuery({
    queryKey: [...peopleQueryKey, 'list', filters],
    queryFn: ({ pageParam }) => getPeople(filters, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
}
