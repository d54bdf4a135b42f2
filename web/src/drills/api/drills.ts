import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type DrillValues, drillSchema, listSchema, siteDrillStatusSchema } from '@varn/domain';
import { apiRequest, newIdempotencyKey } from '../../shared/api/api-client.ts';

const drillsQueryKey = ['drills'] as const;

/** Per site the reader reaches: the last drill of each kind, the next planned one, overdue ones. */
export function useSiteDrillStatus() {
  return useQuery({
    queryKey: [...drillsQueryKey, 'sites'],
    queryFn: () => apiRequest('/api/drill-sites', { schema: listSchema(siteDrillStatusSchema) }),
  });
}

export function useDrills() {
  return useQuery({
    queryKey: [...drillsQueryKey, 'list'],
    queryFn: () => apiRequest('/api/drills', { schema: listSchema(drillSchema) }),
  });
}

export function useDrill(drillId: string) {
  return useQuery({
    queryKey: [...drillsQueryKey, 'drill', drillId],
    queryFn: () => apiRequest(`/api/drills/${encodeURIComponent(drillId)}`, { schema: drillSchema }),
  });
}

export function useCreateDrill() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (drill: DrillValues) =>
      apiRequest('/api/drills', {
        method: 'POST',
        body: drill,
        idempotencyKey: newIdempotencyKey(),
        schema: drillSchema,
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: drillsQueryKey }),
  });
}
