import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest, newIdempotencyKey } from '../../shared/api/api-client.ts';
import { occasionQueryKey } from './get-occasion.ts';

/** Enrols the people on the occasion (all or none: a full occasion refuses them all). */
export function enrolPeople(occasionId: string, personIds: string[], idempotencyKey: string) {
  return apiRequest(`/api/training/occasions/${encodeURIComponent(occasionId)}/enrolments`, {
    method: 'POST',
    body: { personIds },
    idempotencyKey,
  });
}

export function useEnrolPeople(occasionId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (personIds: string[]) => enrolPeople(occasionId, personIds, newIdempotencyKey()),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: occasionQueryKey(occasionId) }),
  });
}
