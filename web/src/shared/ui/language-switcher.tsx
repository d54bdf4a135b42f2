import { useTranslation } from 'react-i18next';
import { changeLanguage, isLanguage } from '../i18n/i18n.ts';

/** One button that switches between Swedish and English; its text is in the language it switches to. */
export function LanguageSwitcher() {
  const { t } = useTranslation();
  const target = t('language.switchToLanguage');
  return (
    <button
      type="button"
      className="button button--quiet"
      lang={target}
      onClick={() => {
        if (isLanguage(target)) void changeLanguage(target);
      }}
    >
      {t('language.switchTo')}
    </button>
  );
}
