import { useTranslation } from 'react-i18next';
import { WaitingForSignInNotice } from '../incidents/offline/waiting-for-sign-in-notice.tsx';
import { LanguageSwitcher } from '../shared/ui/language-switcher.tsx';
import { ShellFrame } from './shell-frame.tsx';

/** The frame of pages before sign-in. */
export function PublicLayout() {
  const { t } = useTranslation();
  return (
    <ShellFrame
      header={
        <>
          <div className="shell__bar">
            <span className="brand">
              <img src="/icons/icon.svg" alt="" width={32} height={32} />
              <span className="brand__name">{t('app.name')}</span>
              <span className="brand__tenant">{t('app.tagline')}</span>
            </span>
            <LanguageSwitcher />
          </div>
          <WaitingForSignInNotice />
        </>
      }
    />
  );
}
