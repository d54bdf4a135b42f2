import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  checklistTemplateListSchema,
  type DeviationMeasureInput,
  type FinishWalkInput,
  listSchema,
  measureSchema,
  orgUnitSchema,
  pageLimitMax,
  pageSchema,
  personSchema,
  type SecurityWalkInput,
  securityWalkSchema,
  siteSchema,
  siteSecurityWalksSchema,
  type WalkAnswersInput,
  walkCoverageSchema,
} from '@varn/domain';
import { apiRequest } from '../../shared/api/api-client.ts';

const securityWalksKey = ['security-walks'] as const;
const walkKey = (walkId: string) => [...securityWalksKey, 'walk', walkId] as const;
const siteWalksKey = (siteId: string) => [...securityWalksKey, 'site', siteId] as const;
const path = (walkId: string) => `/api/security-walks/${encodeURIComponent(walkId)}`;

export function useChecklistTemplates() {
  return useQuery({
    queryKey: [...securityWalksKey, 'templates'],
    queryFn: () => apiRequest('/api/checklist-templates', { schema: checklistTemplateListSchema }),
  });
}

/**
 * The org units whose sites' walks the overview can show: the administrations the person sees, or,
 * for someone whose part lies below every administration (a unit's manager), the highest units of it.
 */
export function useWalkOrgUnits() {
  return useQuery({
    queryKey: [...securityWalksKey, 'org-units'],
    queryFn: async () => {
      const { items } = await apiRequest('/api/org-units', { schema: listSchema(orgUnitSchema) });
      const administrations = items.filter((unit) => unit.kind === 'administration');
      if (administrations.length > 0) return administrations;
      const visible = new Set(items.map((unit) => unit.id));
      return items.filter((unit) => unit.parentId === null || !visible.has(unit.parentId));
    },
  });
}

export function useSite(siteId: string) {
  return useQuery({
    queryKey: [...securityWalksKey, 'site-record', siteId],
    queryFn: () => apiRequest(`/api/sites/${encodeURIComponent(siteId)}`, { schema: siteSchema }),
  });
}

export function useSiteSecurityWalks(siteId: string) {
  return useQuery({
    queryKey: siteWalksKey(siteId),
    queryFn: () =>
      apiRequest(`/api/sites/${encodeURIComponent(siteId)}/security-walks`, { schema: siteSecurityWalksSchema }),
  });
}

export function useWalkCoverage(orgUnitId: string) {
  return useQuery({
    queryKey: [...securityWalksKey, 'coverage', orgUnitId],
    queryFn: () =>
      apiRequest(`/api/org-units/${encodeURIComponent(orgUnitId)}/security-walk-coverage`, {
        schema: walkCoverageSchema,
      }),
    enabled: orgUnitId !== '',
  });
}

export function useSecurityWalk(walkId: string) {
  return useQuery({
    queryKey: walkKey(walkId),
    queryFn: () => apiRequest(path(walkId), { schema: securityWalkSchema }),
  });
}

/** Starts a walk; the key is made once per filled-in form, so a retry never starts two. */
export function useStartSecurityWalk() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ walk, idempotencyKey }: { walk: SecurityWalkInput; idempotencyKey: string }) =>
      apiRequest('/api/security-walks', { method: 'POST', body: walk, idempotencyKey, schema: securityWalkSchema }),
    onSuccess: (walk) => {
      queryClient.setQueryData(walkKey(walk.id), walk);
      return queryClient.invalidateQueries({ queryKey: siteWalksKey(walk.siteId) });
    },
  });
}

/** Saves answers; saving the same answer again changes nothing, so no key is needed. */
export function useSaveWalkAnswers(walkId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: WalkAnswersInput) =>
      apiRequest(`${path(walkId)}/answers`, { method: 'PATCH', body: input, schema: securityWalkSchema }),
    onSuccess: (walk) => queryClient.setQueryData(walkKey(walkId), walk),
  });
}

export function useFinishSecurityWalk(walkId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: FinishWalkInput) =>
      apiRequest(`${path(walkId)}/finish`, { method: 'POST', body: input, schema: securityWalkSchema }),
    onSuccess: (walk) => {
      queryClient.setQueryData(walkKey(walkId), walk);
      return queryClient.invalidateQueries({ queryKey: siteWalksKey(walk.siteId) });
    },
  });
}

/** Turns a deviation into a measure; the server refuses a second one for the same deviation. */
export function useCreateDeviationMeasure(walkId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ questionKey, input }: { questionKey: string; input: DeviationMeasureInput }) =>
      apiRequest(`${path(walkId)}/deviations/${encodeURIComponent(questionKey)}/measure`, {
        method: 'POST',
        body: input,
        schema: measureSchema,
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: securityWalksKey }),
  });
}

/** Who may own a measure: the people of the site's unit, from the first, largest page. */
export function useOwnerCandidates(unitId: string, enabled: boolean) {
  return useQuery({
    queryKey: [...securityWalksKey, 'owner-candidates', unitId],
    queryFn: () =>
      apiRequest('/api/people', { query: { unitId, limit: pageLimitMax }, schema: pageSchema(personSchema) }),
    enabled,
  });
}
