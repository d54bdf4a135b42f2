import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { type IncidentStatisticsQuery, incidentStatisticsSchema } from '@varn/domain';
import { apiRequest } from '../../shared/api/api-client.ts';

/** The statistics of the incidents in the reader's scope; the server applies the scope and the defaults. */
export function getIncidentStatistics(query: IncidentStatisticsQuery) {
  return apiRequest('/api/incidents/statistics', { query, schema: incidentStatisticsSchema });
}

export function useIncidentStatistics(query: IncidentStatisticsQuery) {
  return useQuery({
    queryKey: ['incidents', 'statistics', query],
    queryFn: () => getIncidentStatistics(query),
    // A new filter keeps the previous figures on screen until the new ones arrive.
    placeholderData: keepPreviousData,
  });
}
