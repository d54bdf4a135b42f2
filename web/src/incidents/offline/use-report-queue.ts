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

/**
 * How often waiting reports are tried again while the browser believes it is online. Short, because
 * `navigator.onLine` can be true without a working network (a Wi-Fi without internet), and then no
 * `online` event comes when the network does; a failed try costs one request.
 */
const retryIntervalMs = 10_000;

/** The signed-in person's queued reports (with their state) and the ones sent from this tab. */
export function useReportQueue(personId: string) {
  const snapshot = useSyncExternalStore(subscribeToReportQueue, reportQueueSnapshot);
  return useMemo(() => reportsOf(snapshot, personId), [snapshot, personId]);
}

/**
 * Sends the person's queued reports: at start, when the browser comes back online, when the app is
 * shown again, and on a timer while some wait. Mounted once, in the signed-in shell, so that it works
 * on every page.
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
    const sendWhenShown = () => {
      if (document.visibilityState === 'visible') send();
    };
    void loadQueue().then(send);
    window.addEventListener('online', send);
    document.addEventListener('visibilitychange', sendWhenShown);
    const timer = isWaiting ? window.setInterval(send, retryIntervalMs) : undefined;
    return () => {
      window.removeEventListener('online', send);
      document.removeEventListener('visibilitychange', sendWhenShown);
      window.clearInterval(timer);
    };
  }, [personId, isWaiting, queryClient]);
}
