import { useQuery } from '@tanstack/react-query';
import { pageLimitMax, pageSchema, personSchema } from '@varn/domain';
import { apiRequest } from '../../shared/api/api-client.ts';

export type PeopleFilters = { unitId: string; search: string };

/**
 * The people a planner may choose from (their readable people), filtered by unit and name: the first,
 * largest page, as a paper list or an occasion holds far fewer.
 */
export async function getPeopleToChoose(filters: PeopleFilters) {
  const query = {
    unitId: filters.unitId || undefined,
    search: filters.search.trim() || undefined,
    limit: pageLimitMax,
  };
  return (await apiRequest('/api/people', { query, schema: pageSchema(personSchema) })).items;
}

export function usePeopleToChoose(filters: PeopleFilters) {
  return useQuery({
    queryKey: ['training', 'people', filters],
    queryFn: () => getPeopleToChoose(filters),
    placeholderData: (previous) => previous,
  });
}
