import { type Notification, notificationSubjectPath } from '@varn/domain';
import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDateTime } from '../shared/ui/format-date.ts';
import { LoadMore } from '../shared/ui/load-more.tsx';
import { Loading } from '../shared/ui/loading.tsx';
import { PageHeader } from '../shared/ui/page-header.tsx';
import { ProblemAlert } from '../shared/ui/problem-alert.tsx';
import { StatusMessage } from '../shared/ui/status-message.tsx';
import { useNotifications } from './api/get-notifications.ts';
import { useMarkNotificationRead } from './api/mark-notification-read.ts';
import { useNotificationText } from './notification-text.ts';
import './notifications.css';

/** "Aviseringar": the signed-in person's own notifications, newest first, each linking to its record. */
export function NotificationsPage() {
  const { t } = useTranslation();
  const notifications = useNotifications();
  const markRead = useMarkNotificationRead();
  const [confirmation, setConfirmation] = useState('');
  const items = notifications.data?.pages.flatMap((page) => page.items) ?? [];

  function handleMarkRead(notificationId: string, afterwards: () => void) {
    if (markRead.isPending) return;
    setConfirmation('');
    markRead.mutate(notificationId, {
      onSuccess: () => {
        setConfirmation(t('notifications.markedRead'));
        afterwards();
      },
    });
  }

  return (
    <>
      <PageHeader title={t('notifications.title')} intro={t('notifications.intro')} />
      <StatusMessage>{confirmation}</StatusMessage>
      {markRead.isError && <ProblemAlert error={markRead.error} />}
      <section aria-labelledby="notifications-list-title">
        <h2 id="notifications-list-title" className="visually-hidden">
          {t('notifications.listTitle')}
        </h2>
        {notifications.isPending && <Loading />}
        {notifications.isError && <ProblemAlert error={notifications.error} />}
        {notifications.isSuccess && items.length === 0 && <p>{t('notifications.empty')}</p>}
        {items.length > 0 && (
          <ul className="card-list">
            {items.map((notification) => (
              <NotificationCard
                key={notification.id}
                notification={notification}
                isMarking={markRead.isPending && markRead.variables === notification.id}
                onOpen={() => {
                  if (!notification.isRead) markRead.mutate(notification.id);
                }}
                onMarkRead={(afterwards) => handleMarkRead(notification.id, afterwards)}
              />
            ))}
          </ul>
        )}
        <LoadMore query={notifications} count={items.length} />
      </section>
    </>
  );
}

type NotificationCardProps = {
  notification: Notification;
  isMarking: boolean;
  /** Following the link to the record marks the notification read. */
  onOpen(): void;
  /** Marks it read and calls `afterwards` once that succeeded. */
  onMarkRead(afterwards: () => void): void;
};

function NotificationCard({ notification, isMarking, onOpen, onMarkRead }: NotificationCardProps) {
  const { t } = useTranslation();
  const textOf = useNotificationText();
  const titleId = useId();
  const linkRef = useRef<HTMLAnchorElement>(null);
  const isUnread = !notification.isRead;

  return (
    <li className={isUnread ? 'card notification-card notification-card--unread' : 'card notification-card'}>
      <h3 className="card__title" id={titleId}>
        {isUnread && <span className="badge notification-card__unread">{t('notifications.unread')}</span>}
        {isUnread && ' '}
        <Link ref={linkRef} to={notificationSubjectPath(notification.subject)} onClick={onOpen}>
          {textOf(notification)}
          {' – '}
          <time dateTime={notification.createdAt}>{formatDateTime(notification.createdAt)}</time>
        </Link>
      </h3>
      {isUnread && (
        <button
          type="button"
          className="button button--secondary"
          aria-describedby={titleId}
          aria-disabled={isMarking || undefined}
          // The button goes once the notification is read: focus moves to the link beside it.
          onClick={() => onMarkRead(() => linkRef.current?.focus())}
        >
          {isMarking ? t('notifications.markingRead') : t('notifications.markRead')}
        </button>
      )}
    </li>
  );
}
