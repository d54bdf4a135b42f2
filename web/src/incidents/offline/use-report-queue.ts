import { useQueryClient } from '@tanstack/react-query';
import type { Incident } from '@varn/domain';
import { useEffect, useMemo, useRef, useSyncExternalStore } from 'react';
import { incidentQueryKey } from '../api/get-incident.ts';
import { incidentsQueryKey } from '../api/get-incidents.ts';
import {
  loadQueue,
  reportQueueSnapshot,
  reportsOf,
  sendQueuedReports,
  subscribeToReportQueue,
} from './report-queue.ts';

/** How often waiting reports are tried again while the browser believes it is online. */
const retryIntervalMs = 30_000;

/** The signed-in person's queued reports (with their state) and the ones sent from this tab. */
export function useReportQueue(personId: string) {
  const snapshot = useSyncExternalStore(subscribeToReportQueue, reportQueueSnapshot);
  return useMemo(() => reportsOf(snapshot, personId), [snapshot, personId]);
}

/**
 * Sends the person's queued reports: at start, when the browser comes back online, and on a timer
 * while some wait. Mounted once, in the signed-in shell, so that it works on every page.
 */
export function useReportQueueSending(personId: string, onSessionEnded: () => void) {
  const queryClient = useQueryClient();
  const { queued } = useReportQueue(personId);
  const isWaiting = queued.some((report) => report.state !== 'failed');
  const sessionEnded = useRef(onSessionEnded);
  sessionEnded.current = onSessionEnded;

  useEffect(() => {
    const send = () => {
      if (!navigator.onLine) return;
      void sendQueuedReports(personId, {
        onSent: (incident: Incident) => {
          queryClient.setQueryData(incidentQueryKey(incident.id), incident);
          void queryClient.invalidateQueries({ queryKey: [...incidentsQueryKey, 'list'] });
        },
        onSessionEnded: () => sessionEnded.current(),
      });
    };
    void loadQueue().then(send);
    window.addEventListener('online', send);
    const timer = isWaiting ? window.setInterval(send, retryIntervalMs) : undefined;
    return () => {
      window.removeEventListener('online', send);
      window.clearInterval(timer);
    };
  }, [personId, isWaiting, queryClient]);
}
