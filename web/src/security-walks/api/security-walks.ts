import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  type ChecklistTemplateInput,
  checklistTemplateListSchema,
  checklistTemplateSchema,
  type DeviationMeasureInput,
  type FinishWalkInput,
  listSchema,
  measureSchema,
  orgUnitSchema,
  pageLimitMax,
  pageSchema,
  personSchema,
  type SecurityWalkInput,
  type SiteProtectionInput,
  securityWalkSchema,
  siteProtectionSchema,
  siteSchema,
  siteSecurityWalksSchema,
  type WalkAnswersInput,
  walkCoverageSchema,
  walkPhotoSchema,
} from '@varn/domain';
import { apiRequest, newIdempotencyKey } from '../../shared/api/api-client.ts';

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

/** A template's current version (the editor starts from it). */
export function useChecklistTemplate(templateId: string, enabled: boolean) {
  return useQuery({
    queryKey: [...securityWalksKey, 'template', templateId],
    queryFn: () =>
      apiRequest(`/api/checklist-templates/${encodeURIComponent(templateId)}`, { schema: checklistTemplateSchema }),
    enabled,
  });
}

/** Creates a template (no id yet) or saves the next version of one; walks keep their versions. */
export function useSaveChecklistTemplate(templateId: string | null) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: ChecklistTemplateInput) =>
      templateId
        ? apiRequest(`/api/checklist-templates/${encodeURIComponent(templateId)}`, {
            method: 'PATCH',
            body: input,
            schema: checklistTemplateSchema,
          })
        : apiRequest('/api/checklist-templates', {
            method: 'POST',
            body: input,
            idempotencyKey: newIdempotencyKey(),
            schema: checklistTemplateSchema,
          }),
    onSuccess: (template) => {
      queryClient.setQueryData([...securityWalksKey, 'template', template.id], template);
      return queryClient.invalidateQueries({ queryKey: [...securityWalksKey, 'templates'] });
    },
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
    // Never held back while the browser is offline: the walk keeps the answer on the device instead.
    networkMode: 'always',
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

const siteProtectionKey = (siteId: string) => [...securityWalksKey, 'protection', siteId] as const;

/** The site's protection profile with its history (reading it is audited on the server). */
export function useSiteProtection(siteId: string) {
  return useQuery({
    queryKey: siteProtectionKey(siteId),
    queryFn: () => apiRequest(`/api/sites/${encodeURIComponent(siteId)}/protection`, { schema: siteProtectionSchema }),
  });
}

/** Saves the profile as its next version; the server refuses it when someone saved in between. */
export function useSaveSiteProtection(siteId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: SiteProtectionInput) =>
      apiRequest(`/api/sites/${encodeURIComponent(siteId)}/protection`, {
        method: 'PATCH',
        body: input,
        schema: siteProtectionSchema,
      }),
    onSuccess: (protection) => queryClient.setQueryData(siteProtectionKey(siteId), protection),
  });
}

/** Where an answer's photo is downloaded; the server checks the reader and audits the read. */
export function walkPhotoUrl(walkId: string, questionKey: string): string {
  return `${path(walkId)}/answers/${encodeURIComponent(questionKey)}/photo`;
}

/** Sets an answer's photo (a new one replaces the old; replacing is idempotent, so no key). */
export function useSetWalkPhoto(walkId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    networkMode: 'always',
    mutationFn: ({ questionKey, file }: { questionKey: string; file: File }) => {
      const form = new FormData();
      form.append('files', file, file.name);
      return apiRequest(walkPhotoUrl(walkId, questionKey), { method: 'PUT', body: form, schema: walkPhotoSchema });
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: walkKey(walkId) }),
  });
}
