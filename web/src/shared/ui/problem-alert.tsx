import { useTranslation } from 'react-i18next';
import { useLanguage } from '../i18n/use-language.ts';
import { problemText } from './problem-text.ts';

/** A failed load or action, announced to screen readers. */
export function ProblemAlert({ error }: { error: unknown }) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <p className="alert alert--error" role="alert">
      {problemText(error, language, t('errors.unknown'))}
    </p>
  );
}
