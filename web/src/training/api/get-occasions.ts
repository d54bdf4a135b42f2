import { useQuery } from '@tanstack/react-query';
import { listSchema, type Occasion, occasionSchema } from '@varn/domain';
import { apiRequest } from '../../shared/api/api-client.ts';

export const occasionsQueryKey = (courseId: string) => ['training', 'occasions', courseId] as const;
const occasionListSchema = listSchema(occasionSchema);

export async function getOccasions(courseId: string): Promise<Occasion[]> {
  return (
    await apiRequest(`/api/training/courses/${encodeURIComponent(courseId)}/occasions`, { schema: occasionListSchema })
  ).items;
}

export function useOccasions(courseId: string) {
  return useQuery({ queryKey: occasionsQueryKey(courseId), queryFn: () => getOccasions(courseId) });
}
