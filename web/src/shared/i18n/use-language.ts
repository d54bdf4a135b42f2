import { useTranslation } from 'react-i18next';
import { isLanguage, type Language } from './i18n.ts';

/** The current UI language, for picking `message[language]` out of problem+json and field errors. */
export function useLanguage(): Language {
  const { i18n } = useTranslation();
  return isLanguage(i18n.resolvedLanguage) ? i18n.resolvedLanguage : 'sv';
}
