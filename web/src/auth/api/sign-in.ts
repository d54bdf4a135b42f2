import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type SignInResult, signInResultSchema } from '@varn/domain';
import { apiRequest } from '../../shared/api/api-client.ts';
import { currentUserQueryKey } from './get-current-user.ts';

export type SignInInput = { email: string; password: string };

export function signIn(input: SignInInput): Promise<SignInResult> {
  return apiRequest('/api/auth/sign-in', { method: 'POST', body: input, schema: signInResultSchema });
}

/** Signs in; when no second factor is needed, the session's person is known at once. */
export function useSignIn() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: signIn,
    onSuccess: (result) => {
      if (result.status === 'signed_in' && result.user) queryClient.setQueryData(currentUserQueryKey, result.user);
    },
  });
}
