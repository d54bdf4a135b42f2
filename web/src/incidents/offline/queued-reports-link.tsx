import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import { paths } from '../../shared/paths.ts';
import { useReportQueue } from './use-report-queue.ts';
import '../incidents.css';

/** In the header while the person has reports on this device that the server does not have yet. */
export function QueuedReportsLink({ personId }: { personId: string }) {
  const { t } = useTranslation();
  const { queued } = useReportQueue(personId);
  if (queued.length === 0) return null;
  return (
    <NavLink to={paths.reportIncident} className="queued-reports-link">
      {t('incidents.offline.headerLink', { count: queued.length })}
    </NavLink>
  );
}
