import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  actionPlanSchema,
  listSchema,
  type MeasureBulkStatusChange,
  type MeasureStatus,
  type MeasureStatusChangeValues,
  measureDetailSchema,
  measureListSchema,
  measurePageSchema,
  measureSchema,
  orgUnitSchema,
} from '@varn/domain';
import { apiRequest, apiUrl, newIdempotencyKey } from '../../shared/api/api-client.ts';
import { networkProblem, problemFromResponse } from '../../shared/api/problem-error.ts';

const pageSize = 50;
export type MeasureFilters = { status: MeasureStatus | ''; overdue: '' | 'true' };

/** "Mina åtgärder" (no unit) or a unit's / an administration's measures, by due date, a page at a time. */
export function useMeasurePages(unitId: string | null, filters: MeasureFilters) {
  const address = unitId ? `/api/org-units/${encodeURIComponent(unitId)}/measures` : '/api/measures/mine';
  return useInfiniteQuery({
    queryKey: ['measures', 'list', unitId ?? 'mine', filters],
    queryFn: ({ pageParam }) =>
      apiRequest(address, { query: { limit: pageSize, after: pageParam, ...filters }, schema: measurePageSchema }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
}

export function useOrgUnits() {
  return useQuery({
    queryKey: ['organisation', 'units'],
    queryFn: () => apiRequest('/api/org-units', { schema: listSchema(orgUnitSchema) }),
  });
}

export function useMeasureDetail(measureId: string) {
  return useQuery({
    queryKey: ['measures', 'detail', measureId],
    queryFn: () => apiRequest(`/api/measures/${encodeURIComponent(measureId)}`, { schema: measureDetailSchema }),
  });
}

export function useChangeStatus(measureId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (change: MeasureStatusChangeValues) =>
      apiRequest(`/api/measures/${encodeURIComponent(measureId)}/status`, {
        method: 'POST',
        body: change,
        idempotencyKey: newIdempotencyKey(),
        schema: measureSchema,
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['measures'] }),
  });
}

/** All the chosen measures change, or none. */
export function useBulkStatus() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (change: Pick<MeasureBulkStatusChange, 'measureIds' | 'status'>) =>
      apiRequest('/api/measures/bulk-status', {
        method: 'POST',
        body: change,
        idempotencyKey: newIdempotencyKey(),
        schema: measureListSchema,
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['measures'] }),
  });
}

export function useActionPlan(unitId: string) {
  return useQuery({
    queryKey: ['measures', 'action-plan', unitId],
    queryFn: () =>
      apiRequest(`/api/action-plans/administrations/${encodeURIComponent(unitId)}`, { schema: actionPlanSchema }),
  });
}

/** Fetches the generated Word or PDF file of an administration's action plan. */
export async function downloadActionPlan(
  unitId: string,
  format: 'docx' | 'pdf',
): Promise<{ file: Blob; fileName: string }> {
  let response: Response;
  try {
    response = await fetch(
      apiUrl(`/api/action-plans/administrations/${encodeURIComponent(unitId)}/document.${format}`),
      { credentials: 'same-origin' },
    );
  } catch {
    throw networkProblem();
  }
  if (!response.ok) throw await problemFromResponse(response);
  const fileName =
    /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '')?.[1] ?? `handlingsplan.${format}`;
  return { file: await response.blob(), fileName };
}
