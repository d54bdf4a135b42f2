import type { Kysely } from 'kysely';
import type { Actor } from '../access/authorize.ts';
import type { Database } from '../platform/schema.ts';

export interface AuditEvent {
  /** What was done, as `resource.verb`: 'person.read', 'org_unit.create', 'session.sign_in'. */
  action: string;
  resourceType: string;
  resourceId?: string | null;
  /** Why, when the user was asked (need-to-know access, sensitive reads). */
  reason?: string | null;
  /** Ids and field names only: never copy sensitive values into the log. */
  details?: Record<string, unknown>;
}

export interface AuditContext {
  tenantId: string;
  actorPersonId: string | null;
  requestId: string | null;
}

export function auditContextOf(actor: Actor, requestId: string | null): AuditContext {
  return { tenantId: actor.tenantId, actorPersonId: actor.personId, requestId };
}

/**
 * Appends an entry in the caller's transaction, so the entry exists exactly when the change does.
 * The sealer links it into the tenant's hash chain within seconds.
 */
export async function recordAudit(db: Kysely<Database>, context: AuditContext, event: AuditEvent): Promise<void> {
  const entry = await db
    .insertInto('auditEntries')
    .values({
      tenantId: context.tenantId,
      actorPersonId: context.actorPersonId,
      action: event.action,
      resourceType: event.resourceType,
      resourceId: event.resourceId ?? null,
      reason: event.reason ?? null,
      details: JSON.stringify(event.details ?? {}),
      requestId: context.requestId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db.insertInto('auditUnsealed').values({ entryId: entry.id, tenantId: context.tenantId }).execute();
}
