import { useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../shared/api/api-client.ts';

type OidcStatus = { enabled: boolean };

const oidcStatusSchema = {
  parse(data: unknown): OidcStatus {
    const enabled = typeof data === 'object' && data !== null && (data as { enabled?: unknown }).enabled === true;
    return { enabled };
  },
};

export const oidcStartPath = '/api/auth/oidc/start';

/** Whether the municipality's single sign-on is configured; sign-in shows its link only then. */
export function getOidcStatus(): Promise<OidcStatus> {
  return apiRequest('/api/auth/oidc/status', { schema: oidcStatusSchema });
}

export function useOidcStatus() {
  return useQuery({
    queryKey: ['auth', 'oidc-status'],
    queryFn: getOidcStatus,
    staleTime: Number.POSITIVE_INFINITY,
    retry: false,
  });
}
