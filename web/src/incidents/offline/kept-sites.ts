import type { Site } from '@varn/domain';
import { clear, createStore, get, set } from 'idb-keyval';
import { seal, unseal } from './device-key.ts';

/**
 * The sites list as the person last loaded it online, kept on this device (sealed under the device
 * key) so that a report written without network can still name one of the unit's sites. One list
 * per person; all are removed at sign-out, since the next online load brings it back.
 */
const store = createStore('varn-offline-sites', 'sites');
const contextOf = (personId: string) => `sites|${personId}`;

export async function keepSites(personId: string, sites: readonly Site[]): Promise<void> {
  await set(personId, await seal(sites, contextOf(personId)), store);
}

/** The kept list, or null if there is none (or it cannot be opened any more). */
export async function keptSites(personId: string): Promise<Site[] | null> {
  try {
    const sealed = await get(personId, store);
    return sealed ? await unseal<Site[]>(sealed, contextOf(personId)) : null;
  } catch {
    return null;
  }
}

export async function forgetKeptSites(): Promise<void> {
  await clear(store);
}
