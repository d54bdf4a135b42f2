import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  type AccessChangeValues,
  type ConsultationValues,
  type PreIntakeAssessmentValues,
  type ThreatAssessmentValues,
  type ThreatCase,
  threatCaseSchema,
} from '@varn/domain';
import { apiRequest, newIdempotencyKey } from '../../shared/api/api-client.ts';
import { threatCaseQueryKey } from './get-threat-case.ts';
import { threatCasesQueryKey } from './get-threat-cases.ts';

/** The writes on one case that answer with the whole case: an assessment, a consultation, an access entry, a pre-intake assessment. */
export type CaseWrite =
  | { kind: 'assessments'; body: ThreatAssessmentValues }
  | { kind: 'consultations'; body: ConsultationValues }
  | { kind: 'access'; body: AccessChangeValues }
  | { kind: 'pre-intake-assessments'; body: PreIntakeAssessmentValues };

export function writeToThreatCase(caseId: string, write: CaseWrite): Promise<ThreatCase> {
  return apiRequest(`/api/threat-cases/${encodeURIComponent(caseId)}/${write.kind}`, {
    method: 'POST',
    body: write.body,
    idempotencyKey: newIdempotencyKey(),
    schema: threatCaseSchema,
  });
}

export function useWriteToThreatCase(caseId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (write: CaseWrite) => writeToThreatCase(caseId, write),
    onSuccess: (threatCase) => {
      // Answers to writes withhold home addresses; the persons do not change here, so keep the read ones.
      queryClient.setQueryData<ThreatCase>(threatCaseQueryKey(threatCase.id), (current) => ({
        ...threatCase,
        protectedPersons: current?.protectedPersons ?? threatCase.protectedPersons,
        personsOfConcern: current?.personsOfConcern ?? threatCase.personsOfConcern,
      }));
      return Promise.all([
        queryClient.invalidateQueries({ queryKey: [...threatCasesQueryKey, 'list'] }),
        queryClient.invalidateQueries({ queryKey: [...threatCaseQueryKey(caseId), 'access-candidates'] }),
      ]);
    },
  });
}

export function removeFromAccessList(caseId: string, change: AccessChangeValues): Promise<void> {
  return apiRequest(`/api/threat-cases/${encodeURIComponent(caseId)}/access-removals`, {
    method: 'POST',
    body: change,
  });
}

/** Takes someone off the list; the case is read again, as whoever removed themself may no longer see it. */
export function useRemoveFromAccessList(caseId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (change: AccessChangeValues) => removeFromAccessList(caseId, change),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: threatCasesQueryKey }),
  });
}
