import { useQuery } from '@tanstack/react-query';
import {
  accessCandidateSchema,
  caseUnitSchema,
  incidentSummarySchema,
  listSchema,
  pageLimitMax,
  pageSchema,
  personSchema,
  siteSchema,
} from '@varn/domain';
import { apiRequest } from '../../shared/api/api-client.ts';
import { threatCasesQueryKey } from './get-threat-cases.ts';

/** The units the person may open a case for. */
export function useCaseUnits() {
  return useQuery({
    queryKey: [...threatCasesQueryKey, 'units'],
    queryFn: async () => (await apiRequest('/api/threat-case-units', { schema: listSchema(caseUnitSchema) })).items,
  });
}

/** The latest incidents the person may read, to link to a new case. */
export function useLinkableIncidents(enabled: boolean) {
  return useQuery({
    queryKey: [...threatCasesQueryKey, 'linkable-incidents'],
    queryFn: async () =>
      (await apiRequest('/api/incidents', { query: { limit: 50 }, schema: pageSchema(incidentSummarySchema) })).items,
    enabled,
  });
}

/**
 * The elected officials a case may protect: those the person may see (the security department all of
 * the tenant's), from the first, largest page.
 */
export function useProtectableOfficials() {
  return useQuery({
    queryKey: [...threatCasesQueryKey, 'officials'],
    queryFn: async () =>
      (
        await apiRequest('/api/people', {
          query: { kind: 'elected_official', limit: pageLimitMax },
          schema: pageSchema(personSchema),
        })
      ).items,
  });
}

/** The sites a case may protect: those the person may see, from the first, largest page. */
export function useProtectableSites() {
  return useQuery({
    queryKey: [...threatCasesQueryKey, 'sites'],
    queryFn: async () =>
      (await apiRequest('/api/sites', { query: { limit: pageLimitMax }, schema: pageSchema(siteSchema) })).items,
  });
}

/** People whose roles reach the case and who are not on its access list yet. */
export function useAccessCandidates(caseId: string) {
  return useQuery({
    queryKey: [...threatCasesQueryKey, 'detail', caseId, 'access-candidates'],
    queryFn: async () =>
      (
        await apiRequest(`/api/threat-cases/${encodeURIComponent(caseId)}/access-candidates`, {
          schema: listSchema(accessCandidateSchema),
        })
      ).items,
  });
}
