import type { EnrolmentSummary } from '@varn/domain';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../shared/ui/format-date.ts';

/** The next conversation's date, marked in words (not colour alone) when it is due. */
export function DueDate({ date, isDue }: { date: string; isDue: boolean }) {
  const { t } = useTranslation();
  return (
    <>
      {formatDate(date)} {isDue && <span className="due-badge">{t('protectionProgramme.due')}</span>}
    </>
  );
}

/**
 * The programme training: the completion's date, marked in words when it has expired, or a date typed
 * before the programme read Training's completions, marked as such.
 */
export function TrainingDate({ official }: { official: EnrolmentSummary }) {
  const { t } = useTranslation();
  if (!official.trainingCompletedOn) return <>{t('protectionProgramme.notYet')}</>;
  return (
    <>
      {formatDate(official.trainingCompletedOn)}{' '}
      {official.trainingSource === 'typed' && (
        <span className="card__meta">{t('protectionProgramme.trainingTyped')}</span>
      )}
      {!official.isTrained && official.trainingValidUntil && (
        <span className="due-badge">
          {t('protectionProgramme.trainingExpired', { date: formatDate(official.trainingValidUntil) })}
        </span>
      )}
    </>
  );
}

export function OptionalDate({ date }: { date: string | null }) {
  const { t } = useTranslation();
  return <>{date ? formatDate(date) : t('protectionProgramme.notYet')}</>;
}
