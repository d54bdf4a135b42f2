import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type Person, type PersonInput, personSchema } from '@varn/domain';
import { apiRequest } from '../../shared/api/api-client.ts';
import { peopleQueryKey } from './get-people.ts';
import { personQueryKey } from './get-person.ts';

export function updatePerson(id: string, changes: Partial<PersonInput>): Promise<Person> {
  return apiRequest(`/api/people/${encodeURIComponent(id)}`, { method: 'PATCH', body: changes, schema: personSchema });
}

export function useUpdatePerson() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, changes }: { id: string; changes: Partial<PersonInput> }) => updatePerson(id, changes),
    onSuccess: (person) => {
      queryClient.setQueryData(personQueryKey(person.id), person);
      return queryClient.invalidateQueries({ queryKey: peopleQueryKey });
    },
  });
}
