import { useQuery } from '@tanstack/react-query';
import {
  listSchema,
  orgUnitSchema,
  partySchema,
  type RiskAnalysis,
  type RiskAnalysisSummary,
  riskAnalysisListSchema,
  riskAnalysisSchema,
} from '@varn/domain';
import { apiRequest } from '../../shared/api/api-client.ts';

export const riskAnalysesQueryKey = ['risk-analyses'] as const;

export function riskAnalysisQueryKey(riskAnalysisId: string) {
  return [...riskAnalysesQueryKey, 'detail', riskAnalysisId] as const;
}

/** The analyses the reader may see, soonest activity first; past ones too with `includePast`. */
export async function getRiskAnalyses(includePast: boolean): Promise<RiskAnalysisSummary[]> {
  const body = await apiRequest('/api/risk-analyses', {
    query: { includePast: String(includePast) },
    schema: riskAnalysisListSchema,
  });
  return body.items;
}

export function useRiskAnalyses(includePast = false) {
  return useQuery({
    queryKey: [...riskAnalysesQueryKey, 'list', { includePast }],
    queryFn: () => getRiskAnalyses(includePast),
  });
}

export function getRiskAnalysis(riskAnalysisId: string): Promise<RiskAnalysis> {
  return apiRequest(`/api/risk-analyses/${encodeURIComponent(riskAnalysisId)}`, { schema: riskAnalysisSchema });
}

export function useRiskAnalysis(riskAnalysisId: string) {
  return useQuery({ queryKey: riskAnalysisQueryKey(riskAnalysisId), queryFn: () => getRiskAnalysis(riskAnalysisId) });
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
