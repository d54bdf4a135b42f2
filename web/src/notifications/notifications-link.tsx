import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import { paths } from '../shared/paths.ts';
import { useUnreadNotificationCount } from './api/get-notifications.ts';
import './notifications.css';

/**
 * The header's link to the notifications page with the unread count. Sighted users see a number in a
 * badge; screen readers hear the whole phrase, e.g. "Aviseringar (3 olästa)".
 */
export function NotificationsLink() {
  const { t } = useTranslation();
  const unread = useUnreadNotificationCount();
  const count = unread.data ?? 0;
  return (
    <NavLink to={paths.notifications} className="notifications-link">
      {t('notifications.headerLink')}
      {count > 0 && (
        <>
          <span className="notifications-link__count" aria-hidden="true">
            {count}
          </span>
          <span className="visually-hidden"> {t('notifications.unreadCount', { count })}</span>
        </>
      )}
    </NavLink>
  );
}
