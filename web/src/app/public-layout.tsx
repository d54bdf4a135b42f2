import { useTranslation } from 'react-i18next';
import { Outlet } from 'react-router';
import { LanguageSwitcher } from '../shared/ui/language-switcher.tsx';
import { SkipLink } from './skip-link.tsx';

/** The frame of pages before sign-in. */
export function PublicLayout() {
  const { t } = useTranslation();
  return (
    <div className="shell">
      <SkipLink />
      <header className="shell__header">
        <div className="shell__bar">
          <span className="brand">
            <img src="/icons/icon.svg" alt="" width={32} height={32} />
            <span className="brand__name">{t('app.name')}</span>
            <span className="brand__tenant">{t('app.tagline')}</span>
          </span>
          <LanguageSwitcher />
        </div>
      </header>
      <main id="main-content" className="shell__main" tabIndex={-1}>
        <Outlet />
      </main>
    </div>
  );
}
