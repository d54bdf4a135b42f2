import { type MeasureDetail, type MeasureStatus, measureStatuses } from '@varn/domain';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { SelectControl } from '../shared/forms/select-control.tsx';
import { paths } from '../shared/paths.ts';
import { formatDate, formatDateTime } from '../shared/ui/format-date.ts';
import { Loading } from '../shared/ui/loading.tsx';
import { PageHeader } from '../shared/ui/page-header.tsx';
import { ProblemAlert } from '../shared/ui/problem-alert.tsx';
import { StatusMessage } from '../shared/ui/status-message.tsx';
import { useChangeStatus, useMeasureDetail } from './api/measure-lists.ts';
import { MeasureEvidence } from './measure-evidence.tsx';
import './measures.css';

const kronor = (ore: number | null) =>
  ore === null ? '–' : new Intl.NumberFormat('sv-SE', { style: 'currency', currency: 'SEK' }).format(ore / 100);

/** One measure: its facts, its history of status changes, and (for those who manage it) a new status. */
export function MeasurePage() {
  const { t } = useTranslation();
  const { measureId = '' } = useParams();
  const detail = useMeasureDetail(measureId);
  if (detail.isPending) return <Loading />;
  if (detail.isError) return <ProblemAlert error={detail.error} />;
  const { measure, history, mayManage } = detail.data;
  return (
    <>
      <PageHeader title={measure.title} intro={measure.description || undefined} />
      <p>
        <Link to={paths.myMeasures}>{t('measures.detail.back')}</Link>
      </p>
      <section className="panel" aria-labelledby="measure-facts-title">
        <h2 id="measure-facts-title">{t('measures.detail.facts')}</h2>
        <dl className="details">
          <dt>{t('measures.detail.status')}</dt>
          <dd>
            {t(`followUp.measures.statuses.${measure.status}`)}
            {measure.isOverdue && <strong className="measure-card__overdue"> · {t('measures.list.overdue')}</strong>}
          </dd>
          <dt>{t('measures.detail.category')}</dt>
          <dd>{t(`measures.categories.${measure.category}`)}</dd>
          <dt>{t('measures.detail.due')}</dt>
          <dd>{formatDate(measure.dueOn)}</dd>
          <dt>{t('measures.detail.owner')}</dt>
          <dd>{measure.owner?.name ?? '–'}</dd>
          <dt>{t('measures.detail.unit')}</dt>
          <dd>{measure.orgUnitName ?? '–'}</dd>
          <dt>{t('measures.detail.estimatedCost')}</dt>
          <dd>{kronor(measure.estimatedCostOre)}</dd>
          <dt>{t('measures.detail.actualCost')}</dt>
          <dd>{kronor(measure.actualCostOre)}</dd>
          {measure.statusReason && (
            <>
              <dt>{t('measures.detail.reason')}</dt>
              <dd>{measure.statusReason}</dd>
            </>
          )}
          {measure.completionNote && (
            <>
              <dt>{t('measures.detail.completionNote')}</dt>
              <dd>{measure.completionNote}</dd>
            </>
          )}
        </dl>
      </section>
      <MeasureEvidence measureId={measure.id} mayManage={mayManage} />
      {mayManage && <StatusForm detail={detail.data} />}
      {detail.data.reminders.length > 0 && (
        <section className="panel" aria-labelledby="measure-reminders-title">
          <h2 id="measure-reminders-title">{t('measures.detail.reminders')}</h2>
          <ul className="plain-list">
            {detail.data.reminders.map((reminder) => (
              <li key={`${reminder.kind}-${reminder.dueOn}`}>
                {formatDateTime(reminder.remindedAt)}: {t(`measures.detail.reminderKinds.${reminder.kind}`)}
              </li>
            ))}
          </ul>
        </section>
      )}
      <section className="panel" aria-labelledby="measure-history-title">
        <h2 id="measure-history-title">{t('measures.detail.history')}</h2>
        <ol className="plain-list">
          {history.map((change) => (
            <li key={`${change.changedAt}-${change.toStatus}`}>
              {formatDateTime(change.changedAt)} · {change.changedBy}:{' '}
              {t(`followUp.measures.statuses.${change.toStatus}`)} (
              {t('measures.list.due', { date: formatDate(change.dueOn) })}){change.reason && ` – ${change.reason}`}
            </li>
          ))}
        </ol>
      </section>
    </>
  );
}

function StatusForm({ detail }: { detail: MeasureDetail }) {
  const { t } = useTranslation();
  const change = useChangeStatus(detail.measure.id);
  const [status, setStatus] = useState<MeasureStatus>(detail.measure.status);
  const [reason, setReason] = useState('');
  const [newDueOn, setNewDueOn] = useState('');
  const [completionNote, setCompletionNote] = useState('');
  const [saved, setSaved] = useState(false);
  return (
    <section className="panel" aria-labelledby="measure-status-title">
      <h2 id="measure-status-title">{t('measures.detail.changeStatus')}</h2>
      <form
        className="measure-status-form"
        onSubmit={(event) => {
          event.preventDefault();
          setSaved(false);
          change.mutate(
            { status, reason, newDueOn: newDueOn || null, completionNote },
            { onSuccess: () => setSaved(true) },
          );
        }}
      >
        <div className="field">
          <label htmlFor="measure-new-status" className="field__label">
            {t('measures.detail.newStatus')}
          </label>
          <SelectControl
            id="measure-new-status"
            value={status}
            options={measureStatuses.map((value) => ({ value, label: t(`followUp.measures.statuses.${value}`) }))}
            onChange={(value) => setStatus(value as MeasureStatus)}
          />
        </div>
        {status === 'postponed' && (
          <div className="field">
            <label htmlFor="measure-new-due" className="field__label">
              {t('measures.detail.newDueOn')}
            </label>
            <input
              id="measure-new-due"
              type="date"
              className="field__input"
              value={newDueOn}
              onChange={(event) => setNewDueOn(event.target.value)}
            />
          </div>
        )}
        {(status === 'postponed' || status === 'cancelled') && (
          <div className="field">
            <label htmlFor="measure-reason" className="field__label">
              {t('measures.detail.reason')}
            </label>
            <textarea
              id="measure-reason"
              className="field__input"
              value={reason}
              onChange={(event) => setReason(event.target.value)}
            />
          </div>
        )}
        {status === 'done' && (
          <div className="field">
            <label htmlFor="measure-completion" className="field__label">
              {t('measures.detail.completionNote')}
            </label>
            <textarea
              id="measure-completion"
              className="field__input"
              value={completionNote}
              onChange={(event) => setCompletionNote(event.target.value)}
            />
          </div>
        )}
        {change.isError && <ProblemAlert error={change.error} />}
        <button type="submit" className="button button--primary" aria-disabled={change.isPending || undefined}>
          {t('measures.detail.save')}
        </button>
        <StatusMessage>{saved ? t('measures.detail.saved') : null}</StatusMessage>
      </form>
    </section>
  );
}
