import { useQuery } from '@tanstack/react-query';
import { type Person, personSchema } from '@varn/domain';
import { apiRequest } from '../../shared/api/api-client.ts';
import { peopleQueryKey } from './get-people.ts';

export function personQueryKey(personId: string) {
  return [...peopleQueryKey, 'detail', personId] as const;
}

export function getPerson(personId: string): Promise<Person> {
  return apiRequest(`/api/people/${encodeURIComponent(personId)}`, { schema: personSchema });
}

export function usePerson(personId: string) {
  return useQuery({ queryKey: personQueryKey(personId), queryFn: () => getPerson(personId) });
}
