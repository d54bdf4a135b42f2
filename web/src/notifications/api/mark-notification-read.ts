import { type InfiniteData, useMutation, useQueryClient } from '@tanstack/react-query';
import type { Notification } from '@varn/domain';
import { apiRequest } from '../../shared/api/api-client.ts';
import { notificationsQueryKey } from './get-notifications.ts';

type NotificationPages = InfiniteData<{ items: Notification[]; nextCursor: string | null }>;

export function markNotificationRead(notificationId: string): Promise<void> {
  return apiRequest(`/api/notifications/${encodeURIComponent(notificationId)}/read`, { method: 'POST' });
}

/** Marks one of the person's notifications read, then refreshes the list and the header's unread count. */
export function useMarkNotificationRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (notificationId: string) => markNotificationRead(notificationId),
    // Set on the mutation, not per call, so that it runs even after the page that asked has been left.
    onSuccess: (_nothing, notificationId) => {
      queryClient.setQueryData<NotificationPages>([...notificationsQueryKey, 'list'], (data) =>
        data
          ? {
              ...data,
              pages: data.pages.map((page) => ({
                ...page,
                items: page.items.map((item) => (item.id === notificationId ? { ...item, isRead: true } : item)),
              })),
            }
          : data,
      );
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: notificationsQueryKey }),
  });
}
