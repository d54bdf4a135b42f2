import { useQuery } from '@tanstack/react-query';
import { type CurrentUser, currentUserSchema } from '@varn/domain';
import { apiRequest } from '../../shared/api/api-client.ts';
import { isProblemError } from '../../shared/api/problem-error.ts';

export const currentUserQueryKey = ['auth', 'me'] as const;

/** The signed-in person, or null when there is no session. */
export async function getCurrentUser(): Promise<CurrentUser | null> {
  try {
    return await apiRequest('/api/auth/me', { schema: currentUserSchema });
  } catch (error) {
    if (isProblemError(error) && error.status === 401) return null;
    throw error;
  }
}

export function useCurrentUser() {
  return useQuery({ queryKey: currentUserQueryKey, queryFn: getCurrentUser, staleTime: 5 * 60_000 });
}
