import type { Kysely, QueryCreator } from 'kysely';
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
 * The entry and its row in the sealer's queue are one statement (a data-modifying CTE): one round
 * trip, and atomic on its own, so a read outside a transaction can be audited too.
 * The sealer links it into the tenant's hash chain within seconds.
 */
export async function recordAudit(db: Kysely<Database>, context: AuditContext, event: AuditEvent): Promise<void> {
  await recordAudits(db, context, [event]);
}

/**
 * Appends several entries, in this order, and their places in the sealer's queue with one statement
 * (a data-modifying CTE): one round trip instead of two per entry on a busy write path.
 */
export async function recordAudits(
  db: Kysely<Database>,
  context: AuditContext,
  events: readonly AuditEvent[],
): Promise<void> {
  if (events.length === 0) return;
  await db
    .with('auditEntry', (creator) => insertAuditEntries(creator, context, events))
    .with('auditQueued', (creator) => queueForSealing(creator))
    .selectFrom('auditQueued')
    .select('auditQueued.entryId')
    .execute();
}

/**
 * The insert of the entries, for a CTE named `auditEntry` of a larger statement; `queueForSealing`
 * is its companion CTE. Both must be in the statement: an entry outside the queue is never sealed.
 */
export function insertAuditEntries<DB extends Database>(
  creator: QueryCreator<DB>,
  context: AuditContext,
  events: readonly AuditEvent[],
) {
  return (creator as unknown as QueryCreator<Database>)
    .insertInto('auditEntries')
    .values(
      events.map((event) => ({
        tenantId: context.tenantId,
        actorPersonId: context.actorPersonId,
        action: event.action,
        resourceType: event.resourceType,
        resourceId: event.resourceId ?? null,
        reason: event.reason ?? null,
        details: JSON.stringify(event.details ?? {}),
        requestId: context.requestId,
      })),
    )
    .returning(['id', 'tenantId']);
}

/** The sealer's queue rows of the entries of the CTE `auditEntry` (see `insertAuditEntries`). */
export function queueForSealing<DB extends Database & { auditEntry: { id: number; tenantId: string } }>(
  creator: QueryCreator<DB>,
) {
  return (creator as unknown as QueryCreator<Database & { auditEntry: { id: number; tenantId: string } }>)
    .insertInto('auditUnsealed')
    .columns(['entryId', 'tenantId'])
    .expression((builder) => builder.selectFrom('auditEntry').select(['auditEntry.id', 'auditEntry.tenantId']))
    .returning('entryId');
}
