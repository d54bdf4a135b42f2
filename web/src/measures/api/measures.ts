import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type MeasureInput, type MeasureStatus, measureListSchema, measureSchema } from '@varn/domain';
import { incidentQueryKey } from '../../incidents/api/get-incident.ts';
import { apiRequest } from '../../shared/api/api-client.ts';

export function incidentMeasuresQueryKey(incidentId: string) {
  return ['measures', 'incident', incidentId] as const;
}

export function useIncidentMeasures(incidentId: string) {
  return useQuery({
    queryKey: incidentMeasuresQueryKey(incidentId),
    queryFn: () =>
      apiRequest(`/api/incidents/${encodeURIComponent(incidentId)}/measures`, { schema: measureListSchema }),
  });
}

/** Measures change the incident's timeline too: both are fetched again. */
function useRefreshIncident() {
  const queryClient = useQueryClient();
  return (incidentId: string) =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: incidentMeasuresQueryKey(incidentId) }),
      queryClient.invalidateQueries({ queryKey: incidentQueryKey(incidentId), exact: true }),
    ]);
}

/** Decides a measure; the key is made once per filled-in form, so a retry never adds it twice. */
export function useCreateMeasure(incidentId: string) {
  const refresh = useRefreshIncident();
  return useMutation({
    mutationFn: ({ measure, idempotencyKey }: { measure: MeasureInput; idempotencyKey: string }) =>
      apiRequest(`/api/incidents/${encodeURIComponent(incidentId)}/measures`, {
        method: 'POST',
        body: measure,
        idempotencyKey,
        schema: measureSchema,
      }),
    onSuccess: () => refresh(incidentId),
  });
}

export function useChangeMeasureStatus(incidentId: string) {
  const refresh = useRefreshIncident();
  return useMutation({
    mutationFn: ({ measureId, status }: { measureId: string; status: MeasureStatus }) =>
      apiRequest(`/api/measures/${encodeURIComponent(measureId)}/status`, {
        method: 'POST',
        body: { status },
        schema: measureSchema,
      }),
    onSettled: () => refresh(incidentId),
  });
}
