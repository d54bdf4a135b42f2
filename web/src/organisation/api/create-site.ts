import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type Site, type SiteInput, siteSchema } from '@varn/domain';
import { apiRequest, newIdempotencyKey } from '../../shared/api/api-client.ts';
import { sitesQueryKey } from './get-sites.ts';

export function createSite(input: SiteInput, idempotencyKey: string): Promise<Site> {
  return apiRequest('/api/sites', { method: 'POST', body: input, idempotencyKey, schema: siteSchema });
}

export function useCreateSite() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: SiteInput) => createSite(input, newIdempotencyKey()),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: sitesQueryKey }),
  });
}
