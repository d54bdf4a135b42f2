import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type SignInResult, signInResultSchema } from '@varn/domain';
import { apiRequest } from '../../shared/api/api-client.ts';
import { currentUserQueryKey } from './get-current-user.ts';

export function submitSecondFactor(input: { code: string }): Promise<SignInResult> {
  return apiRequest('/api/auth/second-factor', { method: 'POST', body: input, schema: signInResultSchema });
}

/** Completes sign-in (and TOTP enrolment) with the six-digit code. */
export function useSubmitSecondFactor() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: submitSecondFactor,
    onSuccess: (result) => {
      if (result.status === 'signed_in' && result.user) queryClient.setQueryData(currentUserQueryKey, result.user);
    },
  });
}
