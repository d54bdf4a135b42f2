import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type Course, type CourseInput, courseSchema } from '@varn/domain';
import { apiRequest, newIdempotencyKey } from '../../shared/api/api-client.ts';
import { coursesQueryKey } from './get-courses.ts';

export function createCourse(input: CourseInput, idempotencyKey: string): Promise<Course> {
  return apiRequest('/api/training/courses', { method: 'POST', body: input, idempotencyKey, schema: courseSchema });
}

export function useCreateCourse() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CourseInput) => createCourse(input, newIdempotencyKey()),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: coursesQueryKey }),
  });
}
