import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest, newIdempotencyKey } from '../../shared/api/api-client.ts';
import { occasionQueryKey } from './get-occasion.ts';

type CompletionCount = { completions: number };
const completionCountSchema = {
  parse: (data: unknown): CompletionCount => ({
    completions: Number((data as CompletionCount | null)?.completions ?? 0),
  }),
};

/** Saves the attendance list: the ticked people attended and complete the course on the occasion's day. */
export function recordAttendance(occasionId: string, attendedPersonIds: string[], idempotencyKey: string) {
  return apiRequest(`/api/training/occasions/${encodeURIComponent(occasionId)}/attendance`, {
    method: 'POST',
    body: { attendedPersonIds },
    idempotencyKey,
    schema: completionCountSchema,
  });
}

export function useRecordAttendance(occasionId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (attendedPersonIds: string[]) => recordAttendance(occasionId, attendedPersonIds, newIdempotencyKey()),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: occasionQueryKey(occasionId) });
      await queryClient.invalidateQueries({ queryKey: ['training', 'coverage'] });
    },
  });
}
