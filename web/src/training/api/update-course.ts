import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type Course, type CourseInput, courseSchema } from '@varn/domain';
import { apiRequest } from '../../shared/api/api-client.ts';
import { coursesQueryKey } from './get-courses.ts';

/** Changes a course; completions already recorded keep the validity they were given. */
export function updateCourse(courseId: string, input: CourseInput): Promise<Course> {
  return apiRequest(`/api/training/courses/${encodeURIComponent(courseId)}`, {
    method: 'PUT',
    body: input,
    schema: courseSchema,
  });
}

export function useUpdateCourse(courseId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CourseInput) => updateCourse(courseId, input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: coursesQueryKey }),
  });
}
