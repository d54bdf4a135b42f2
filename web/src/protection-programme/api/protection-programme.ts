import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  type Enrolment,
  type EnrolmentStatusInput,
  enrolmentCandidateSchema,
  enrolmentSchema,
  enrolmentSummarySchema,
  listSchema,
  type ProtectionConversationValues,
  programmeFollowUpSchema,
  type SupportValues,
} from '@varn/domain';
import { apiRequest, newIdempotencyKey } from '../../shared/api/api-client.ts';

const base = '/api/protection-programme';
export const programmeQueryKey = ['protection-programme'] as const;
const officialKey = (id: string) => [...programmeQueryKey, 'official', id] as const;

/** The enrolled officials the reader reaches: all for the security department, its own for a party office. */
export function useOfficials() {
  return useQuery({
    queryKey: [...programmeQueryKey, 'list'],
    queryFn: () => apiRequest(`${base}/officials`, { schema: listSchema(enrolmentSummarySchema) }),
  });
}

/** One official's programme; the server audits each read that shows notes. */
export function useOfficial(id: string) {
  return useQuery({
    queryKey: officialKey(id),
    queryFn: () => apiRequest(`${base}/officials/${encodeURIComponent(id)}`, { schema: enrolmentSchema }),
  });
}

export function useEnrolmentCandidates(isEnabled: boolean) {
  return useQuery({
    queryKey: [...programmeQueryKey, 'candidates'],
    queryFn: () => apiRequest(`${base}/candidates`, { schema: listSchema(enrolmentCandidateSchema) }),
    enabled: isEnabled,
  });
}

export function useProgrammeFollowUp() {
  return useQuery({
    queryKey: [...programmeQueryKey, 'follow-up'],
    queryFn: () => apiRequest(`${base}/follow-up`, { schema: programmeFollowUpSchema }),
  });
}

export function useEnrolOfficial() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (personId: string) =>
      apiRequest(`${base}/officials`, {
        method: 'POST',
        body: { personId },
        idempotencyKey: newIdempotencyKey(),
        schema: enrolmentSchema,
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: programmeQueryKey }),
  });
}

/** The writes on one official that answer with their whole programme. */
type OfficialWrite =
  | { kind: 'status'; body: EnrolmentStatusInput }
  | { kind: 'conversations'; body: ProtectionConversationValues }
  | { kind: 'support'; body: SupportValues };

export function useWriteToOfficial(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (write: OfficialWrite) =>
      apiRequest(`${base}/officials/${encodeURIComponent(id)}/${write.kind}`, {
        method: 'POST',
        body: write.body,
        idempotencyKey: newIdempotencyKey(),
        schema: enrolmentSchema,
      }),
    onSuccess: (enrolment: Enrolment) => {
      queryClient.setQueryData(officialKey(id), enrolment);
      return queryClient.invalidateQueries({ queryKey: [...programmeQueryKey, 'list'] });
    },
  });
}
