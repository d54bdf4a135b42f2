import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink, useLocation, useNavigate } from 'react-router';
import { currentUserQueryKey } from '../auth/api/get-current-user.ts';
import { useSignOut } from '../auth/api/sign-out.ts';
import { forgetRememberedUser } from '../auth/remembered-user.ts';
import { forgetKeptSites } from '../incidents/offline/kept-sites.ts';
import { QueuedReportsLink } from '../incidents/offline/queued-reports-link.tsx';
import { clearAllReportDrafts } from '../incidents/offline/report-drafts.ts';
import { useReportQueueSending } from '../incidents/offline/use-report-queue.ts';
import { NotificationsLink } from '../notifications/notifications-link.tsx';
import { paths } from '../shared/paths.ts';
import { useSession } from '../shared/session/session-context.tsx';
import { LanguageSwitcher } from '../shared/ui/language-switcher.tsx';
import { visibleNavigationItems } from './navigation-items.ts';
import { ShellFrame } from './shell-frame.tsx';

/** The signed-in frame: header with account and language, main navigation, and the page. */
export function ShellLayout() {
  const { t } = useTranslation();
  const user = useSession();
  const location = useLocation();
  const navigate = useNavigate();
  const signOut = useSignOut();
  const queryClient = useQueryClient();
  // Reports written without network go out from every page; a 401 means the session ended: sign in.
  useReportQueueSending(user.personId, () => queryClient.setQueryData(currentUserQueryKey, null));
  const [isMenuOpen, setMenuOpen] = useState(false);
  const navigationId = useId();
  const isFirstRender = useRef(true);

  // After a client-side navigation, move focus to the new page's heading, as a page load would.
  // biome-ignore lint/correctness/useExhaustiveDependencies: the pathname is the trigger, not an input
  useEffect(() => {
    setMenuOpen(false);
    if (isFirstRender.current) {
      isFirstRender.current = false;
      return;
    }
    document.querySelector<HTMLElement>('[data-page-heading]')?.focus();
  }, [location.pathname]);

  function handleSignOut() {
    if (signOut.isPending) return;
    // Nothing the person typed stays on a device they leave; queued reports wait for their next sign-in.
    clearAllReportDrafts();
    void forgetKeptSites();
    forgetRememberedUser();
    signOut.mutate(undefined, { onSettled: () => void navigate(paths.signIn, { replace: true }) });
  }

  const items = visibleNavigationItems(user.permissions);

  return (
    <ShellFrame
      header={
        <>
          <div className="shell__bar">
            <NavLink to={paths.start} className="brand">
              <img src="/icons/icon.svg" alt="" width={32} height={32} />
              <span className="brand__name">{t('app.name')}</span>
              <span className="brand__tenant">{user.tenantName}</span>
            </NavLink>
            {/* Outside the folding menu, so that the unread count shows on narrow screens too. */}
            <div className="shell__bar-actions">
              <QueuedReportsLink personId={user.personId} />
              <NotificationsLink />
              <button
                type="button"
                className="button button--quiet shell__menu-button"
                aria-expanded={isMenuOpen}
                aria-controls={navigationId}
                onClick={() => setMenuOpen((open) => !open)}
              >
                <span aria-hidden="true" className="shell__menu-icon" />
                {t('app.menu')}
              </button>
            </div>
          </div>
          <div id={navigationId} className={isMenuOpen ? 'shell__panel shell__panel--open' : 'shell__panel'}>
            <nav aria-label={t('app.mainNavigation')} className="main-navigation">
              <ul>
                {items.map((item) => (
                  <li key={item.to}>
                    <NavLink to={item.to} end={item.to === paths.start}>
                      {t(item.labelKey)}
                    </NavLink>
                  </li>
                ))}
              </ul>
            </nav>
            <div className="user-menu">
              <span className="user-menu__name">{t('app.signedInAs', { name: user.displayName })}</span>
              <LanguageSwitcher />
              <button
                type="button"
                className="button button--quiet"
                onClick={handleSignOut}
                aria-disabled={signOut.isPending || undefined}
              >
                {signOut.isPending ? t('app.signingOut') : t('app.signOut')}
              </button>
            </div>
          </div>
        </>
      }
    />
  );
}
