import { useQuery } from '@tanstack/react-query';
import { reportingSitesSchema } from '@varn/domain';
import { apiRequest } from '../../shared/api/api-client.ts';
import { isProblemError } from '../../shared/api/problem-error.ts';
import { keepSites, keptSites } from '../offline/kept-sites.ts';

/** The sites the reporter may pick as the place: their own unit's and its neighbours' (server decides). */
export function getSites() {
  return apiRequest('/api/incidents/sites', { schema: reportingSitesSchema });
}

const isNoAnswer = (error: unknown) => isProblemError(error) && error.status === 0;

/**
 * Online, the list from the server, kept on the device for later; without an answer (offline), the
 * list kept the last time, so that an offline report can still name a site.
 */
async function getSitesOrKept(personId: string) {
  try {
    const sites = await getSites();
    // Keeping is a convenience: a failure (storage full, blocked) must not fail the form.
    void keepSites(personId, sites).catch(() => undefined);
    return sites;
  } catch (error) {
    const kept = isNoAnswer(error) ? await keptSites(personId) : null;
    if (kept) return kept;
    throw error;
  }
}

export function useSites(personId: string) {
  return useQuery({
    queryKey: ['incidents', 'sites', personId],
    queryFn: () => getSitesOrKept(personId),
    // Run offline too (not paused): the kept list is the answer then.
    networkMode: 'always',
    // Only a failing server is worth asking again; without an answer the kept list was the answer.
    retry: (failureCount, error) => failureCount < 2 && isProblemError(error) && error.status >= 500,
  });
}
