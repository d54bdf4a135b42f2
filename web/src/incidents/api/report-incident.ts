import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type Incident, type IncidentReport, incidentSchema } from '@varn/domain';
import { apiRequest } from '../../shared/api/api-client.ts';
import { incidentQueryKey } from './get-incident.ts';
import { incidentsQueryKey } from './get-incidents.ts';

export function reportIncident(report: IncidentReport, idempotencyKey: string): Promise<Incident> {
  return apiRequest('/api/incidents', { method: 'POST', body: report, idempotencyKey, schema: incidentSchema });
}

/**
 * Files a report. The key is made once per report, not per attempt, so that sending again after a
 * lost answer never files it twice.
 */
export function useReportIncident() {
  const queryClient = useQueryClient();
  return useMutation({
    // Never held back while the browser is offline: the page queues the report on the device instead.
    networkMode: 'always',
    mutationFn: ({ report, idempotencyKey }: { report: IncidentReport; idempotencyKey: string }) =>
      reportIncident(report, idempotencyKey),
    onSuccess: (incident) => {
      queryClient.setQueryData(incidentQueryKey(incident.id), incident);
      return queryClient.invalidateQueries({ queryKey: [...incidentsQueryKey, 'list'] });
    },
  });
}
