import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type Site, type SiteInput, siteSchema } from '@varn/domain';
import { apiRequest } from '../../shared/api/api-client.ts';
import { sitesQueryKey } from './get-sites.ts';

export function updateSite(id: string, changes: Partial<SiteInput>): Promise<Site> {
  return apiRequest(`/api/sites/${encodeURIComponent(id)}`, { method: 'PATCH', body: changes, schema: siteSchema });
}

export function useUpdateSite() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, changes }: { id: string; changes: Partial<SiteInput> }) => updateSite(id, changes),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: sitesQueryKey }),
  });
}
