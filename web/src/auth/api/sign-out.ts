import { hashKey, useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../shared/api/api-client.ts';
import { currentUserQueryKey } from './get-current-user.ts';

export function signOut(): Promise<void> {
  return apiRequest('/api/auth/sign-out', { method: 'POST' });
}

/** Ends the session and forgets everything cached for the person. */
export function useSignOut() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: signOut,
    onSettled: () => {
      const currentUserHash = hashKey(currentUserQueryKey);
      queryClient.removeQueries({ predicate: (query) => query.queryHash !== currentUserHash });
      queryClient.setQueryData(currentUserQueryKey, null);
    },
  });
}
