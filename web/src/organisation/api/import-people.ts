import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../shared/api/api-client.ts';
import { orgUnitsQueryKey } from './get-org-units.ts';
import { peopleQueryKey } from './get-people.ts';

export type ImportResult = { units: number; people: number };

const importResultSchema = {
  parse(data: unknown): ImportResult {
    const body = data as Partial<ImportResult> | null;
    return { units: Number(body?.units ?? 0), people: Number(body?.people ?? 0) };
  },
};

/** Sends the CSV file as it is; the server saves all rows or none (a 422 problem lists the bad rows). */
export function importPeople(csv: string): Promise<ImportResult> {
  return apiRequest('/api/people/import', {
    method: 'POST',
    body: csv,
    contentType: 'text/csv',
    schema: importResultSchema,
  });
}

export function useImportPeople() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: importPeople,
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: peopleQueryKey });
      await queryClient.invalidateQueries({ queryKey: orgUnitsQueryKey });
    },
  });
}
