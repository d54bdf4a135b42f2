import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { notificationSchema, pageLimitMax, pageSchema } from '@varn/domain';
import { apiRequest } from '../../shared/api/api-client.ts';

export const notificationsQueryKey = ['notifications'] as const;
const pageSize = 25;
/** How often the header asks again for the unread count. */
const unreadCountInterval = 60_000;

/** One page of the signed-in person's own notifications, newest first; `after` is the previous page's `nextCursor`. */
export function getNotifications(limit: number, after: string | undefined) {
  return apiRequest('/api/notifications', {
    query: { limit, after },
    schema: pageSchema(notificationSchema),
  });
}

export function useNotifications() {
  return useInfiniteQuery({
    queryKey: [...notificationsQueryKey, 'list'],
    queryFn: ({ pageParam }) => getNotifications(pageSize, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
}

/**
 * The number of unread notifications for the header, asked again every minute. The API has no count of
 * its own, so this counts the unread among the newest `pageLimitMax` (200): unread ones older than those
 * are not counted.
 */
export function useUnreadNotificationCount() {
  return useQuery({
    queryKey: [...notificationsQueryKey, 'unread-count'],
    queryFn: async () => {
      const page = await getNotifications(pageLimitMax, undefined);
      return page.items.filter((notification) => !notification.isRead).length;
    },
    refetchInterval: unreadCountInterval,
  });
}
