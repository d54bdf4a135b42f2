import { useQuery } from '@tanstack/react-query';
import { type Course, courseSchema, listSchema } from '@varn/domain';
import { apiRequest } from '../../shared/api/api-client.ts';

export type { Course } from '@varn/domain';

export const coursesQueryKey = ['training', 'courses'] as const;
const courseListSchema = listSchema(courseSchema);

export async function getCourses(): Promise<Course[]> {
  return (await apiRequest('/api/training/courses', { schema: courseListSchema })).items;
}

export function useCourses() {
  return useQuery({ queryKey: coursesQueryKey, queryFn: getCourses });
}
