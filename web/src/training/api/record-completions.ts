import { useMutation, useQueryClient } from '@tanstack/react-query';
import { completionImportResultSchema } from '@varn/domain';
import { apiRequest, newIdempotencyKey } from '../../shared/api/api-client.ts';

export type BulkCompletionInput = { personIds: string[]; completedOn: string };

/** Completions from a paper attendance list: everyone chosen completed the course on the day, or nobody. */
export function recordCompletions(courseId: string, input: BulkCompletionInput, idempotencyKey: string) {
  return apiRequest(`/api/training/courses/${encodeURIComponent(courseId)}/completions`, {
    method: 'POST',
    body: input,
    idempotencyKey,
    schema: completionImportResultSchema,
  });
}

export function useRecordCompletions(courseId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: BulkCompletionInput) => recordCompletions(courseId, input, newIdempotencyKey()),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['training', 'coverage'] }),
  });
}
