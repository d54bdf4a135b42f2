import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useLanguage } from '../../shared/i18n/use-language.ts';
import { paths } from '../../shared/paths.ts';
import { formatDateTime } from '../../shared/ui/format-date.ts';
import { useIncidentTitle } from '../incident-labels.tsx';
import type { QueuedReport } from './report-queue.ts';
import { useReportQueue } from './use-report-queue.ts';

type QueuedReportsProps = {
  personId: string;
  /** Puts a refused report back into the form (it leaves the queue). */
  onEdit(report: QueuedReport): void;
  onRemove(report: QueuedReport): void;
};

/**
 * The person's reports that are on this device and not yet with the server, with what is happening to
 * each, and the ones just sent with a link. Rendered only when there is something to show.
 */
export function QueuedReports({ personId, onEdit, onRemove }: QueuedReportsProps) {
  const { t } = useTranslation();
  const { queued, sent, sending } = useReportQueue(personId);
  const title = useIncidentTitle();
  if (queued.length === 0 && sent.length === 0) return null;

  return (
    <section aria-labelledby="queued-reports-title" className="panel queued-reports">
      <h2 id="queued-reports-title" tabIndex={-1}>
        {t('incidents.offline.title')}
      </h2>
      {queued.length > 0 && <p>{t('incidents.offline.storedOnDevice')}</p>}
      <ul className="card-list" aria-live="polite">
        {queued.map((report) => (
          <li key={report.idempotencyKey} className="card">
            <h3 className="card__title">{title(report.report)}</h3>
            <QueuedAt report={report} />
            <QueuedState report={report} isSending={sending.has(report.idempotencyKey)} />
            {!sending.has(report.idempotencyKey) && (
              <QueuedReportActions report={report} onEdit={onEdit} onRemove={onRemove} />
            )}
          </li>
        ))}
        {sent.map(({ idempotencyKey, incident, failedFileNames }) => (
          <li key={idempotencyKey} className="card">
            <h3 className="card__title">{title(incident)}</h3>
            <p className="queued-reports__state queued-reports__state--sent">{t('incidents.offline.sent')}</p>
            {failedFileNames.length > 0 && (
              <p className="alert alert--warning">
                {t('incidents.confirmation.attachmentsFailed', { names: failedFileNames.join(', ') })}
              </p>
            )}
            <Link to={paths.incident(incident.id)}>{t('incidents.confirmation.viewReport')}</Link>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** Edit (a refused report only) and Remove, which asks once more: a removed report is gone for good. */
function QueuedReportActions({
  report,
  onEdit,
  onRemove,
}: Omit<QueuedReportsProps, 'personId'> & { report: QueuedReport }) {
  const { t } = useTranslation();
  const [isConfirming, setConfirming] = useState(false);
  const question = useRef<HTMLParagraphElement>(null);
  // The button that was clicked is replaced by the question: focus goes to it, not to the page's top.
  useEffect(() => {
    if (isConfirming) question.current?.focus();
  }, [isConfirming]);

  function remove() {
    onRemove(report);
    document.querySelector<HTMLElement>('[data-page-heading]')?.focus();
  }

  if (isConfirming) {
    return (
      <div className="queued-reports__actions">
        <p ref={question} tabIndex={-1} className="queued-reports__confirm">
          {t('incidents.offline.confirmRemove')}
        </p>
        <button type="button" className="button button--secondary button--danger" onClick={remove}>
          {t('incidents.offline.confirmRemoveYes')}
        </button>
        <button type="button" className="button button--quiet" onClick={() => setConfirming(false)}>
          {t('incidents.offline.confirmRemoveNo')}
        </button>
      </div>
    );
  }
  return (
    <div className="queued-reports__actions">
      {report.state === 'failed' && (
        <button type="button" className="button button--secondary" onClick={() => onEdit(report)}>
          {t('incidents.offline.edit')}
        </button>
      )}
      <button type="button" className="button button--quiet button--danger" onClick={() => setConfirming(true)}>
        {t('incidents.offline.remove')}
      </button>
    </div>
  );
}

function QueuedAt({ report }: { report: QueuedReport }) {
  const { t } = useTranslation();
  return <p className="card__meta">{t('incidents.offline.queuedAt', { time: formatDateTime(report.queuedAt) })}</p>;
}

function QueuedState({ report, isSending }: { report: QueuedReport; isSending: boolean }) {
  const { t } = useTranslation();
  const language = useLanguage();
  if (isSending) return <p className="queued-reports__state">{t('incidents.offline.sending')}</p>;
  if (report.state === 'needsSignIn')
    return <p className="queued-reports__state">{t('incidents.offline.needsSignIn')}</p>;
  if (report.state === 'failed') {
    const message = report.problem?.message[language] ?? t('errors.unknown');
    return (
      <p className="queued-reports__state queued-reports__state--failed">
        {t('incidents.offline.failed', { message })}
      </p>
    );
  }
  return <p className="queued-reports__state">{t('incidents.offline.waiting')}</p>;
}
