import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type Job, jobSchema } from '@varn/domain';
import { apiRequest, newIdempotencyKey } from '../../shared/api/api-client.ts';
import { jobsQueryKey } from './get-jobs.ts';

/** Puts a failed job back in its queue now; a double click queues it once (Idempotency-Key). */
export function retryJob(jobId: string, idempotencyKey: string): Promise<Job> {
  return apiRequest(`/api/jobs/${encodeURIComponent(jobId)}/retry`, {
    method: 'POST',
    idempotencyKey,
    schema: jobSchema,
  });
}

export function useRetryJob() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (jobId: string) => retryJob(jobId, newIdempotencyKey()),
    onSettled: () => queryClient.invalidateQueries({ queryKey: jobsQueryKey }),
  });
}
