import { useTranslation } from 'react-i18next';

/** The first focusable element: lets keyboard users jump past the header and navigation (WCAG 2.4.1). */
export function SkipLink() {
  const { t } = useTranslation();
  return (
    // <main> has tabIndex -1, so following the fragment moves focus there.
    <a className="skip-link" href="#main-content">
      {t('app.skipToContent')}
    </a>
  );
}
