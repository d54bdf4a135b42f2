import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type Person, type PersonInput, personSchema } from '@varn/domain';
import { apiRequest, newIdempotencyKey } from '../../shared/api/api-client.ts';
import { peopleQueryKey } from './get-people.ts';

export function createPerson(input: PersonInput, idempotencyKey: string): Promise<Person> {
  return apiRequest('/api/people', { method: 'POST', body: input, idempotencyKey, schema: personSchema });
}

export function useCreatePerson() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: PersonInput) => createPerson(input, newIdempotencyKey()),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: peopleQueryKey }),
  });
}
