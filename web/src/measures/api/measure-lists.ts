import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  actionPlanSchema,
  listSchema,
  type MeasureBulkStatusChange,
  type MeasureStatus,
  type MeasureStatusChangeValues,
  measureDetailSchema,
  measureEvidenceListSchema,
  measureListSchema,
  measurePageSchema,
  measureSchema,
  orgUnitSchema,
} from '@varn/domain';
import { oneFileForm, type UploadProgress, uploadOneByOne } from '../../incidents/api/add-attachments.ts';
import { apiRequest, apiUrl, newIdempotencyKey } from '../../shared/api/api-client.ts';
import { networkProblem, problemFromResponse } from '../../shared/api/problem-error.ts';

const pageSize = 50;
export type MeasureFilters = { status: MeasureStatus | ''; overdue: '' | 'true' };

/** "Mina åtgärder" (no unit) or a unit's / an administration's measures, by due date, a page at a time. */
export function useMeasurePages(unitId: string | null, filters: MeasureFilters) {
  const address = unitId ? `/api/org-units/${encodeURIComponent(unitId)}/measures` : '/api/measures/mine';
  return useInfiniteQuery({
    queryKey: ['measures', 'list', unitId ?? 'mine', filters],
    queryFn: ({ pageParam }) =>
      apiRequest(address, { query: { limit: pageSize, after: pageParam, ...filters }, schema: measurePageSchema }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
}

export function useOrgUnits() {
  return useQuery({
    queryKey: ['organisation', 'units'],
    queryFn: () => apiRequest('/api/org-units', { schema: listSchema(orgUnitSchema) }),
  });
}

export function useMeasureDetail(measureId: string) {
  return useQuery({
    queryKey: ['measures', 'detail', measureId],
    queryFn: () => apiRequest(`/api/measures/${encodeURIComponent(measureId)}`, { schema: measureDetailSchema }),
  });
}

export function useChangeStatus(measureId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (change: MeasureStatusChangeValues) =>
      apiRequest(`/api/measures/${encodeURIComponent(measureId)}/status`, {
        method: 'POST',
        body: change,
        idempotencyKey: newIdempotencyKey(),
        schema: measureSchema,
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['measures'] }),
  });
}

/** All the chosen measures change, or none. */
export function useBulkStatus() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (change: Pick<MeasureBulkStatusChange, 'measureIds' | 'status'>) =>
      apiRequest('/api/measures/bulk-status', {
        method: 'POST',
        body: change,
        idempotencyKey: newIdempotencyKey(),
        schema: measureListSchema,
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['measures'] }),
  });
}

/** Whose action plan: an administration's (its subtree's measures) or a site's (the measures about the address). */
export type ActionPlanSubject = { kind: 'administration' | 'site'; id: string };

const actionPlanAddress = (subject: ActionPlanSubject) =>
  `/api/action-plans/${subject.kind === 'administration' ? 'administrations' : 'sites'}/${encodeURIComponent(subject.id)}`;

export function useActionPlan(subject: ActionPlanSubject) {
  return useQuery({
    queryKey: ['measures', 'action-plan', subject.kind, subject.id],
    queryFn: () => apiRequest(actionPlanAddress(subject), { schema: actionPlanSchema }),
  });
}

/** Fetches the generated Word or PDF file of an action plan. */
export async function downloadActionPlan(
  subject: ActionPlanSubject,
  format: 'docx' | 'pdf',
): Promise<{ file: Blob; fileName: string }> {
  let response: Response;
  try {
    response = await fetch(apiUrl(`${actionPlanAddress(subject)}/document.${format}`), { credentials: 'same-origin' });
  } catch {
    throw networkProblem();
  }
  if (!response.ok) throw await problemFromResponse(response);
  const fileName =
    /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '')?.[1] ?? `handlingsplan.${format}`;
  return { file: await response.blob(), fileName };
}

const evidenceAddress = (measureId: string) => `/api/measures/${encodeURIComponent(measureId)}/evidence`;

/** Where a file of evidence is downloaded; the server checks the reader and audits the read. */
export const measureEvidenceUrl = (measureId: string, fileId: string) =>
  `${evidenceAddress(measureId)}/${encodeURIComponent(fileId)}`;

export function useMeasureEvidence(measureId: string) {
  return useQuery({
    queryKey: ['measures', 'evidence', measureId],
    queryFn: () => apiRequest(evidenceAddress(measureId), { schema: measureEvidenceListSchema }),
  });
}

/** Files of evidence, one request each so that progress shows file by file; the list is fetched again after. */
export function useAddMeasureEvidence(measureId: string, onProgress: (progress: UploadProgress) => void) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (files: readonly File[]) =>
      uploadOneByOne(
        files,
        (file, idempotencyKey) =>
          apiRequest(evidenceAddress(measureId), {
            method: 'POST',
            body: oneFileForm(file),
            idempotencyKey,
            schema: measureEvidenceListSchema,
          }),
        onProgress,
      ),
    onSettled: () => queryClient.invalidateQueries({ queryKey: ['measures', 'evidence', measureId] }),
  });
}
