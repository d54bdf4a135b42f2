import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../shared/ui/format-date.ts';
import { LoadMore } from '../shared/ui/load-more.tsx';
import { Loading } from '../shared/ui/loading.tsx';
import { PageHeader } from '../shared/ui/page-header.tsx';
import { ProblemAlert } from '../shared/ui/problem-alert.tsx';
import { StatusMessage } from '../shared/ui/status-message.tsx';
import { type Job, useJobs } from './api/get-jobs.ts';
import { useRetryJob } from './api/retry-job.ts';

/** "Utskick och jobb": the tenant's e-mails and reminders that failed or wait to be retried. */
export function JobsPage() {
  const { t } = useTranslation();
  const jobs = useJobs();
  const retry = useRetryJob();
  const [confirmation, setConfirmation] = useState('');
  const items = jobs.data?.pages.flatMap((page) => page.items) ?? [];

  function handleRetry(jobId: string) {
    if (retry.isPending) return;
    setConfirmation('');
    retry.mutate(jobId, { onSuccess: () => setConfirmation(t('jobs.retried')) });
  }

  return (
    <>
      <PageHeader title={t('jobs.title')} intro={t('jobs.intro')} />
      <StatusMessage>{confirmation}</StatusMessage>
      {retry.isError && <ProblemAlert error={retry.error} />}
      <section aria-labelledby="jobs-list-title">
        <h2 id="jobs-list-title" className="visually-hidden">
          {t('jobs.listTitle')}
        </h2>
        {jobs.isPending && <Loading />}
        {jobs.isError && <ProblemAlert error={jobs.error} />}
        {jobs.isSuccess && items.length === 0 && <p>{t('jobs.empty')}</p>}
        {items.length > 0 && (
          <ul className="card-list">
            {items.map((job) => (
              <JobCard
                key={job.id}
                job={job}
                isRetrying={retry.isPending && retry.variables === job.id}
                onRetry={() => handleRetry(job.id)}
              />
            ))}
          </ul>
        )}
        <LoadMore query={jobs} count={items.length} />
      </section>
    </>
  );
}

function JobCard({ job, isRetrying, onRetry }: { job: Job; isRetrying: boolean; onRetry(): void }) {
  const { t } = useTranslation();
  const titleId = useId();
  return (
    <li className="card">
      <h3 className="card__title" id={titleId}>
        {t(`jobs.queues.${job.queue}`)} <span className="badge">{t(`jobs.states.${job.state}`)}</span>
      </h3>
      <dl className="details">
        <dt>{t('jobs.attempts')}</dt>
        <dd>{t('jobs.attemptsOf', { made: job.attemptsMade, limit: job.attemptLimit })}</dd>
        <dt>{t('jobs.createdAt')}</dt>
        <dd>
          <time dateTime={job.createdAt}>{formatDateTime(job.createdAt)}</time>
        </dd>
        {job.nextAttemptAt && (
          <>
            <dt>{t('jobs.nextAttemptAt')}</dt>
            <dd>
              <time dateTime={job.nextAttemptAt}>{formatDateTime(job.nextAttemptAt)}</time>
            </dd>
          </>
        )}
        <dt>{t('jobs.lastError')}</dt>
        <dd>{job.lastError ?? t('jobs.noError')}</dd>
      </dl>
      {job.state === 'failed' && (
        <button
          type="button"
          className="button button--secondary"
          aria-describedby={titleId}
          aria-disabled={isRetrying || undefined}
          onClick={onRetry}
        >
          {isRetrying ? t('jobs.retrying') : t('jobs.retry')}
        </button>
      )}
    </li>
  );
}
