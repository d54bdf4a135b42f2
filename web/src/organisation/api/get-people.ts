import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { pageLimitMax, pageSchema, personSchema } from '@varn/domain';
import { apiRequest } from '../../shared/api/api-client.ts';

export type PeopleFilters = { unitId?: string; partyId?: string; kind?: string; search?: string };

export const peopleQueryKey = ['people'] as const;
const pageSize = 50;

/** One page of people matching the filters; `after` is the previous page's `nextCursor`. */
export function getPeople(filters: PeopleFilters, after: string | undefined, limit = pageSize) {
  return apiRequest('/api/people', {
    query: { ...filters, limit, after },
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

/**
 * The people who may be a party's security contact: its office staff and elected officials, from
 * the first page of the largest size (a party has far fewer).
 */
export function usePartyContactCandidates(partyId: string) {
  return useQuery({
    queryKey: [...peopleQueryKey, 'party-contact-candidates', partyId],
    queryFn: async () => {
      const page = await getPeople({ partyId }, undefined, pageLimitMax);
      return page.items.filter((person) => person.kind === 'party_staff' || person.kind === 'elected_official');
    },
  });
}
