import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  type CorrectableField,
  type Incident,
  type IncidentNotice,
  type InvestigationUpdate,
  incidentSchema,
  incidentSummarySheetSchema,
} from '@varn/domain';
import { apiRequest, newIdempotencyKey } from '../../shared/api/api-client.ts';
import { incidentQueryKey } from './get-incident.ts';

type FollowUpWrite =
  | { kind: 'investigation'; incidentId: string; body: InvestigationUpdate }
  | { kind: 'comment'; incidentId: string; body: { text: string } }
  | { kind: 'correction'; incidentId: string; body: { field: CorrectableField; text: string } }
  | { kind: 'notice'; incidentId: string; body: IncidentNotice };

const addresses = {
  investigation: 'investigation',
  comment: 'comments',
  correction: 'corrections',
  notice: 'notices',
} as const;

/** One write of the follow-up; each answers with the whole incident, timeline included. */
export function writeFollowUp(write: FollowUpWrite): Promise<Incident> {
  return apiRequest(`/api/incidents/${encodeURIComponent(write.incidentId)}/${addresses[write.kind]}`, {
    method: write.kind === 'investigation' ? 'PATCH' : 'POST',
    body: write.body,
    ...(write.kind === 'investigation' ? {} : { idempotencyKey: newIdempotencyKey() }),
    schema: incidentSchema,
  });
}

export function useFollowUpWrite() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: writeFollowUp,
    onSuccess: (incident) => queryClient.setQueryData(incidentQueryKey(incident.id), incident),
  });
}

/** Employer and workplace for the printable summary. */
export function useSummarySheet(incidentId: string) {
  return useQuery({
    queryKey: [...incidentQueryKey(incidentId), 'summary-sheet'],
    queryFn: () =>
      apiRequest(`/api/incidents/${encodeURIComponent(incidentId)}/summary-sheet`, {
        schema: incidentSummarySheetSchema,
      }),
  });
}
