import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type Incident, type IncidentStatus, incidentSchema } from '@varn/domain';
import { apiRequest } from '../../shared/api/api-client.ts';
import { incidentQueryKey } from './get-incident.ts';
import { incidentsQueryKey } from './get-incidents.ts';

export type IncidentStatusChange = { status: IncidentStatus; comment: string };

export function changeIncidentStatus(incidentId: string, change: IncidentStatusChange): Promise<Incident> {
  return apiRequest(`/api/incidents/${encodeURIComponent(incidentId)}/status`, {
    method: 'POST',
    body: change,
    schema: incidentSchema,
  });
}

export function useChangeIncidentStatus() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ incidentId, change }: { incidentId: string; change: IncidentStatusChange }) =>
      changeIncidentStatus(incidentId, change),
    onSuccess: (incident) => {
      queryClient.setQueryData(incidentQueryKey(incident.id), incident);
      return queryClient.invalidateQueries({ queryKey: [...incidentsQueryKey, 'list'] });
    },
    // Someone else may have moved it first: show the steps that are possible now.
    onError: (_error, { incidentId }) => queryClient.invalidateQueries({ queryKey: incidentQueryKey(incidentId) }),
  });
}
