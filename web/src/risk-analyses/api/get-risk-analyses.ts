import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import {
  listSchema,
  orgUnitSchema,
  pageLimitMax,
  partySchema,
  type RiskAnalysis,
  riskAnalysisListSchema,
  riskAnalysisSchema,
} from '@varn/domain';
import { apiRequest } from '../../shared/api/api-client.ts';

export const riskAnalysesQueryKey = ['risk-analyses'] as const;

export function riskAnalysisQueryKey(riskAnalysisId: string) {
  return [...riskAnalysesQueryKey, 'detail', riskAnalysisId] as const;
}

/** How many analyses the list shows at first and adds with "show more". */
const listPageSize = 50;

/** One page of the analyses the reader may see, soonest activity first; past ones too with `includePast`. */
export function getRiskAnalyses(
  includePast: boolean,
  after: string | undefined,
  { limit = listPageSize, latestFirst = false } = {},
) {
  return apiRequest('/api/risk-analyses', {
    query: { includePast: String(includePast), latestFirst: String(latestFirst), limit, after },
    schema: riskAnalysisListSchema,
  });
}

/** The list, a page at a time (keyset: each page continues after the previous page's last analysis). */
export function useRiskAnalyses(includePast = false) {
  return useInfiniteQuery({
    queryKey: [...riskAnalysesQueryKey, 'list', { includePast }],
    queryFn: ({ pageParam }) => getRiskAnalyses(includePast, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
}

/**
 * The analyses a new one can copy (a recurring activity copies its last one): the latest activities
 * first, past ones included, the first and largest page.
 */
export function useCopyableRiskAnalyses() {
  return useQuery({
    queryKey: [...riskAnalysesQueryKey, 'copyable'],
    queryFn: async () => (await getRiskAnalyses(true, undefined, { limit: pageLimitMax, latestFirst: true })).items,
  });
}

export function getRiskAnalysis(riskAnalysisId: string): Promise<RiskAnalysis> {
  return apiRequest(`/api/risk-analyses/${encodeURIComponent(riskAnalysisId)}`, { schema: riskAnalysisSchema });
}

export function useRiskAnalysis(riskAnalysisId: string, enabled = true) {
  return useQuery({
    queryKey: riskAnalysisQueryKey(riskAnalysisId),
    queryFn: () => getRiskAnalysis(riskAnalysisId),
    enabled,
  });
}

/** The analysis as the duty officer may see it: only while its escalation waits after the reminder. */
export function useUnansweredEscalation(riskAnalysisId: string, enabled: boolean) {
  return useQuery({
    queryKey: [...riskAnalysisQueryKey(riskAnalysisId), 'unanswered-escalation'],
    queryFn: () =>
      apiRequest(`/api/risk-analyses/${encodeURIComponent(riskAnalysisId)}/unanswered-escalation`, {
        schema: riskAnalysisSchema,
      }),
    enabled,
  });
}

/** Who an analysis can be made for: the parties and units the reader sees (the server checks the scope). */
export function useOwnerOptions(canReadParties: boolean, canReadUnits: boolean) {
  const parties = useQuery({
    queryKey: [...riskAnalysesQueryKey, 'owner-parties'],
    queryFn: () => apiRequest('/api/parties', { schema: listSchema(partySchema) }),
    enabled: canReadParties,
  });
  const units = useQuery({
    queryKey: [...riskAnalysesQueryKey, 'owner-units'],
    queryFn: () => apiRequest('/api/org-units', { schema: listSchema(orgUnitSchema) }),
    enabled: canReadUnits,
  });
  return {
    isPending: (canReadParties && parties.isPending) || (canReadUnits && units.isPending),
    error: parties.error ?? units.error,
    options: [
      ...(parties.data?.items ?? []).map((party) => ({ value: `party:${party.id}`, label: party.name })),
      ...(units.data?.items ?? []).map((unit) => ({ value: `org_unit:${unit.id}`, label: unit.name })),
    ],
  };
}
