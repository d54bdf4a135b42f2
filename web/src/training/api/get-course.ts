import { useQuery } from '@tanstack/react-query';
import { type Course, courseSchema } from '@varn/domain';
import { apiRequest } from '../../shared/api/api-client.ts';
import { coursesQueryKey } from './get-courses.ts';

export function getCourse(courseId: string): Promise<Course> {
  return apiRequest(`/api/training/courses/${encodeURIComponent(courseId)}`, { schema: courseSchema });
}

export function useCourse(courseId: string) {
  return useQuery({ queryKey: [...coursesQueryKey, courseId], queryFn: () => getCourse(courseId) });
}
