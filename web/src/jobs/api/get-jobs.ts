import { useInfiniteQuery } from '@tanstack/react-query';
import { jobSchema, pageSchema } from '@varn/domain';
import type { z } from 'zod';
import { apiRequest } from '../../shared/api/api-client.ts';

export type { Job } from '@varn/domain';

const jobPageSchema = pageSchema(jobSchema);
type JobPage = z.infer<typeof jobPageSchema>;

const pageSize = 50;
export const jobsQueryKey = ['jobs'] as const;

/** The tenant's failed and retrying jobs (the server's default), newest first. */
export function getJobs(after: string | undefined): Promise<JobPage> {
  return apiRequest('/api/jobs', { query: { limit: pageSize, after }, schema: jobPageSchema });
}

export function useJobs() {
  return useInfiniteQuery({
    queryKey: jobsQueryKey,
    queryFn: ({ pageParam }) => getJobs(pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
}
