import { useQuery } from '@tanstack/react-query';
import { type Incident, incidentSchema } from '@varn/domain';
import { apiRequest } from '../../shared/api/api-client.ts';
import { incidentsQueryKey } from './get-incidents.ts';

export function incidentQueryKey(incidentId: string) {
  return [...incidentsQueryKey, 'detail', incidentId] as const;
}

/** One incident with its timeline; the server leaves out the person of concern without need-to-know. */
export function getIncident(incidentId: string): Promise<Incident> {
  return apiRequest(`/api/incidents/${encodeURIComponent(incidentId)}`, { schema: incidentSchema });
}

export function useIncident(incidentId: string) {
  return useQuery({ queryKey: incidentQueryKey(incidentId), queryFn: () => getIncident(incidentId) });
}
