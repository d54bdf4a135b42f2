import { useInfiniteQuery } from '@tanstack/react-query';
import { apiRequest } from '../../shared/api/api-client.ts';

export type AuditEntry = {
  id: number;
  occurredAt: string;
  actorName: string | null;
  action: string;
  resourceType: string;
  resourceId: string | null;
  reason: string | null;
};

type AuditPage = { items: AuditEntry[]; nextCursor: string | null };

// The domain package has no schema for audit entries yet; this checks the shape the page relies on.
const auditPageSchema = {
  parse(data: unknown): AuditPage {
    const body = data as Partial<AuditPage> | null;
    if (!body || !Array.isArray(body.items)) throw new TypeError('Unexpected audit page');
    return { items: body.items, nextCursor: typeof body.nextCursor === 'string' ? body.nextCursor : null };
  },
};

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
