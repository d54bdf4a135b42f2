import { useInfiniteQuery } from '@tanstack/react-query';
import { auditEntrySchema, pageSchema } from '@varn/domain';
import type { z } from 'zod';
import { apiRequest } from '../../shared/api/api-client.ts';

export type { AuditEntry } from '@varn/domain';

const auditPageSchema = pageSchema(auditEntrySchema);
type AuditPage = z.infer<typeof auditPageSchema>;

const pageSize = 50;

export function getAuditEntries(after: string | undefined): Promise<AuditPage> {
  return apiRequest('/api/audit-entries', { query: { limit: pageSize, after }, schema: auditPageSchema });
}

export function useAuditEntries() {
  return useInfiniteQuery({
    queryKey: ['audit-entries'],
    queryFn: ({ pageParam }) => getAuditEntries(pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
}
