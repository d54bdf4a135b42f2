import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type Occasion, type OccasionInput, occasionSchema } from '@varn/domain';
import { apiRequest, newIdempotencyKey } from '../../shared/api/api-client.ts';
import { occasionsQueryKey } from './get-occasions.ts';

export function createOccasion(courseId: string, input: OccasionInput, idempotencyKey: string): Promise<Occasion> {
  return apiRequest(`/api/training/courses/${encodeURIComponent(courseId)}/occasions`, {
    method: 'POST',
    body: input,
    idempotencyKey,
    schema: occasionSchema,
  });
}

export function useCreateOccasion(courseId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: OccasionInput) => createOccasion(courseId, input, newIdempotencyKey()),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: occasionsQueryKey(courseId) }),
  });
}
