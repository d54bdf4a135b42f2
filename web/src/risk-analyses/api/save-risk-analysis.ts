import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  type EscalationAnswerInput,
  type RiskAnalysis,
  type RiskAnalysisCreate,
  type RiskDecisionInput,
  type RiskHazardInput,
  riskAnalysisSchema,
} from '@varn/domain';
import { apiRequest } from '../../shared/api/api-client.ts';
import { riskAnalysesQueryKey, riskAnalysisQueryKey } from './get-risk-analyses.ts';

const address = (riskAnalysisId: string, step: string) =>
  `/api/risk-analyses/${encodeURIComponent(riskAnalysisId)}/${step}`;

/** Every write answers with the whole analysis: it replaces the cached one and the lists refresh. */
function useAnalysisWrite<Input>(write: (input: Input) => Promise<RiskAnalysis>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: write,
    onSuccess: (analysis) => {
      queryClient.setQueryData(riskAnalysisQueryKey(analysis.id), analysis);
      return queryClient.invalidateQueries({ queryKey: [...riskAnalysesQueryKey, 'list'] });
    },
  });
}

/** A new analysis; the key is made once per filled-in form, so a retry never makes two. */
export function useCreateRiskAnalysis() {
  return useAnalysisWrite(({ analysis, idempotencyKey }: { analysis: RiskAnalysisCreate; idempotencyKey: string }) =>
    apiRequest('/api/risk-analyses', { method: 'POST', body: analysis, idempotencyKey, schema: riskAnalysisSchema }),
  );
}

export function useSaveHazards(riskAnalysisId: string) {
  return useAnalysisWrite((hazards: RiskHazardInput[]) =>
    apiRequest(address(riskAnalysisId, 'hazards'), { method: 'POST', body: { hazards }, schema: riskAnalysisSchema }),
  );
}

export function useDecideRiskAnalysis(riskAnalysisId: string) {
  return useAnalysisWrite((decision: RiskDecisionInput) =>
    apiRequest(address(riskAnalysisId, 'decision'), { method: 'POST', body: decision, schema: riskAnalysisSchema }),
  );
}

export function useAnswerEscalation(riskAnalysisId: string) {
  return useAnalysisWrite((answer: EscalationAnswerInput) =>
    apiRequest(address(riskAnalysisId, 'escalation-answer'), {
      method: 'POST',
      body: answer,
      schema: riskAnalysisSchema,
    }),
  );
}
