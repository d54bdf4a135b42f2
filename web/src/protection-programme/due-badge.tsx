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

export function OptionalDate({ date }: { date: string | null }) {
  const { t } = useTranslation();
  return <>{date ? formatDate(date) : t('protectionProgramme.notYet')}</>;
}
