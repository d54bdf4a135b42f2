import { useEffect, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { loadQueue, reportQueueSnapshot, subscribeToReportQueue } from './report-queue.ts';
import '../incidents.css';

/**
 * Before sign-in: says that a report written on this device waits for its writer's session (it went
 * back to sign-in because the session had ended). It names neither the report nor the person.
 */
export function WaitingForSignInNotice() {
  const { t } = useTranslation();
  const { queued } = useSyncExternalStore(subscribeToReportQueue, reportQueueSnapshot);
  useEffect(() => void loadQueue(), []);
  if (!queued.some((report) => report.state === 'needsSignIn')) return null;
  return <p className="alert alert--warning waiting-for-sign-in">{t('incidents.offline.waitingForSignIn')}</p>;
}
