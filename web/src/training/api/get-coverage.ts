import { useQuery } from '@tanstack/react-query';
import { type Coverage, coverageSchema } from '@varn/domain';
import { apiRequest } from '../../shared/api/api-client.ts';

export function getCoverage(courseId: string, orgUnitId: string | null): Promise<Coverage> {
  return apiRequest('/api/training/coverage', { query: { courseId, orgUnitId }, schema: coverageSchema });
}

export function useCoverage(courseId: string | null, orgUnitId: string | null) {
  return useQuery({
    queryKey: ['training', 'coverage', courseId, orgUnitId],
    queryFn: () => getCoverage(courseId as string, orgUnitId),
    enabled: courseId !== null,
  });
}
