import { useQuery } from '@tanstack/react-query';
import { type OccasionDetail, occasionDetailSchema } from '@varn/domain';
import { apiRequest } from '../../shared/api/api-client.ts';

export const occasionQueryKey = (occasionId: string) => ['training', 'occasion', occasionId] as const;

export function getOccasion(occasionId: string): Promise<OccasionDetail> {
  return apiRequest(`/api/training/occasions/${encodeURIComponent(occasionId)}`, { schema: occasionDetailSchema });
}

export function useOccasion(occasionId: string) {
  return useQuery({ queryKey: occasionQueryKey(occasionId), queryFn: () => getOccasion(occasionId) });
}
