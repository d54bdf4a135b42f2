import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type ThreatCase, type ThreatCaseValues, threatCaseSchema } from '@varn/domain';
import { apiRequest } from '../../shared/api/api-client.ts';
import { threatCasesQueryKey } from './get-threat-cases.ts';

export function createThreatCase(input: ThreatCaseValues, idempotencyKey: string): Promise<ThreatCase> {
  return apiRequest('/api/threat-cases', { method: 'POST', body: input, idempotencyKey, schema: threatCaseSchema });
}

/** Opens a case; the key is made once per form content, so a resend never opens it twice. */
export function useCreateThreatCase() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ input, idempotencyKey }: { input: ThreatCaseValues; idempotencyKey: string }) =>
      createThreatCase(input, idempotencyKey),
    // The answer withholds home addresses: the case page reads the case afresh.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [...threatCasesQueryKey, 'list'] }),
  });
}
