import { z } from 'zod';

/** One audit log entry as the audit page lists it: ids and actions, never sensitive values. */
export const auditEntrySchema = z.object({
  id: z.number().int(),
  occurredAt: z.string(),
  actorName: z.string().nullable(),
  action: z.string(),
  resourceType: z.string(),
  resourceId: z.string().nullable(),
  reason: z.string().nullable(),
  isSealed: z.boolean(),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;
