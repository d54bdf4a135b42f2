import { useMutation, useQueryClient } from '@tanstack/react-query';
import { completionImportResultSchema } from '@varn/domain';
import { apiRequest } from '../../shared/api/api-client.ts';

/** Sends the e-learning platform's CSV as it is; the server saves all rows or none (422 lists the bad rows). */
export function importCompletions(courseId: string, csv: string) {
  return apiRequest(`/api/training/courses/${encodeURIComponent(courseId)}/completions/import`, {
    method: 'POST',
    body: csv,
    contentType: 'text/csv',
    schema: completionImportResultSchema,
  });
}

export function useImportCompletions(courseId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (csv: string) => importCompletions(courseId, csv),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['training', 'coverage'] }),
  });
}
