import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  type MeasureInput,
  type MeasureSourceKind,
  type MeasureStatus,
  measureListSchema,
  measureSchema,
  pageLimitMax,
  pageSchema,
  personSchema,
} from '@varn/domain';
import { apiRequest } from '../../shared/api/api-client.ts';

/** The record a measure answers, as the measures' pages need it. */
export type MeasureSourceRef = { kind: MeasureSourceKind; id: string; unitId: string | null; partyId: string | null };

/** Where each source kind with measure routes of its own keeps its measures in the API. */
const sourceAddresses: Partial<Record<MeasureSourceKind, string>> = {
  incident: 'incidents',
  risk_analysis: 'risk-analyses',
  security_walk: 'security-walks',
  drill: 'drills',
};

/** Where a measure's status changes: a risk analysis's under its own permission, the rest under measures.manage. */
function statusAddress(kind: MeasureSourceKind, measureId: string): string {
  const prefix = kind === 'risk_analysis' ? '/api/risk-analyses/measures' : '/api/measures';
  return `${prefix}/${encodeURIComponent(measureId)}/status`;
}

function measuresAddress(source: MeasureSourceRef): string {
  return `/api/${sourceAddresses[source.kind] ?? 'measures'}/${encodeURIComponent(source.id)}/measures`;
}

export function measuresQueryKey(source: MeasureSourceRef) {
  return ['measures', source.kind, source.id] as const;
}

export function useMeasures(source: MeasureSourceRef) {
  return useQuery({
    queryKey: measuresQueryKey(source),
    queryFn: () => apiRequest(measuresAddress(source), { schema: measureListSchema }),
  });
}

/**
 * Decides a measure; the key is made once per filled-in form, so a retry never adds it twice.
 * `onChange` lets the source refresh what the measure changed there (its timeline).
 */
export function useCreateMeasure(source: MeasureSourceRef, onChange: () => void) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ measure, idempotencyKey }: { measure: MeasureInput; idempotencyKey: string }) =>
      apiRequest(measuresAddress(source), { method: 'POST', body: measure, idempotencyKey, schema: measureSchema }),
    onSuccess: () => {
      onChange();
      return queryClient.invalidateQueries({ queryKey: measuresQueryKey(source) });
    },
  });
}

export function useChangeMeasureStatus(source: MeasureSourceRef, onChange: () => void) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ measureId, status }: { measureId: string; status: MeasureStatus }) =>
      apiRequest(statusAddress(source.kind, measureId), {
        method: 'POST',
        body: { status },
        schema: measureSchema,
      }),
    onSettled: () => {
      onChange();
      return queryClient.invalidateQueries({ queryKey: measuresQueryKey(source) });
    },
  });
}

/** Who may own a measure: the people of the source's unit (or party), from the first, largest page. */
export function useOwnerCandidates(source: MeasureSourceRef, enabled: boolean) {
  const filters = source.unitId ? { unitId: source.unitId } : source.partyId ? { partyId: source.partyId } : {};
  return useQuery({
    queryKey: ['measures', 'owner-candidates', filters],
    queryFn: () =>
      apiRequest('/api/people', { query: { ...filters, limit: pageLimitMax }, schema: pageSchema(personSchema) }),
    enabled,
  });
}
