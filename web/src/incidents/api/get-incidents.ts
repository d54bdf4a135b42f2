import { useInfiniteQuery } from '@tanstack/react-query';
import {
  type IncidentKind,
  type IncidentStatus,
  type IncidentType,
  incidentSummarySchema,
  type linkFilterValues,
  pageSchema,
  type policeReportFilterValues,
} from '@varn/domain';
import { apiRequest } from '../../shared/api/api-client.ts';

export type IncidentFilters = {
  kind?: IncidentKind;
  type?: IncidentType;
  status?: IncidentStatus;
  isSerious?: 'true' | 'false';
  unitId?: string;
  policeReport?: (typeof policeReportFilterValues)[number];
  gangCrimeLink?: (typeof linkFilterValues)[number];
  violentExtremismLink?: (typeof linkFilterValues)[number];
  /** Stockholm calendar dates (YYYY-MM-DD), both included. */
  from?: string;
  to?: string;
};

export const incidentsQueryKey = ['incidents'] as const;
const pageSize = 25;

/** One page of the incidents the reader may see, newest first; `after` is the previous page's `nextCursor`. */
export function getIncidents(filters: IncidentFilters, after: string | undefined) {
  return apiRequest('/api/incidents', {
    query: { ...filters, limit: pageSize, after },
    schema: pageSchema(incidentSummarySchema),
  });
}

export function useIncidents(filters: IncidentFilters) {
  return useInfiniteQuery({
    queryKey: [...incidentsQueryKey, 'list', filters],
    queryFn: ({ pageParam }) => getIncidents(filters, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
}
