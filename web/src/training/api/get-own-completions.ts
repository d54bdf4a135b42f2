import { useQuery } from '@tanstack/react-query';
import { type Completion, completionSchema, listSchema } from '@varn/domain';
import { apiRequest } from '../../shared/api/api-client.ts';

const completionListSchema = listSchema(completionSchema);

/** The signed-in person's own completions, newest first. */
export async function getOwnCompletions(): Promise<Completion[]> {
  return (await apiRequest('/api/training/my-completions', { schema: completionListSchema })).items;
}

export function useOwnCompletions() {
  return useQuery({ queryKey: ['training', 'my-completions'], queryFn: getOwnCompletions });
}
