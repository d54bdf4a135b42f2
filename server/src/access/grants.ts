import type { Grant, GrantInput, Role } from '@varn/domain';
import type { Selectable } from 'kysely';
import { type AuditContext, recordAudit } from '../audit/audit-log.ts';
import { AppError, fieldError } from '../platform/app-error.ts';
import type { Db } from '../platform/database.ts';
import { type Actor, authorize } from './authorize.ts';
import type { RoleGrantTable } from './tables.ts';

function presentGrant(row: Selectable<RoleGrantTable>): Grant {
  return {
    id: row.id,
    personId: row.personId,
    role: row.role as Role,
    scopeKind: row.scopeKind,
    orgUnitId: row.orgUnitId,
    partyId: row.partyId,
  };
}

// Managing grants is an administrator's act over the whole tenant: a subtree administrator could
// otherwise grant themself a wider scope.
export async function findGrants(db: Db, actor: Actor, personId: string): Promise<Grant[]> {
  authorize(actor, 'grants.manage', {});
  const rows = await db
    .selectFrom('roleGrants')
    .selectAll()
    .where('tenantId', '=', actor.tenantId)
    .where('personId', '=', personId)
    .orderBy('role')
    .execute();
  return rows.map(presentGrant);
}

export async function createGrant(db: Db, actor: Actor, context: AuditContext, input: GrantInput): Promise<Grant> {
  authorize(actor, 'grants.manage', {});
  const inTenant = (table: 'people' | 'orgUnits' | 'parties', id: string) =>
    db.selectFrom(table).select('id').where('tenantId', '=', actor.tenantId).where('id', '=', id).executeTakeFirst();
  const unknown = (path: string) =>
    new AppError('validation_failed', {
      errors: [fieldError(path, 'unknown_reference', 'Not found', 'Hittades inte')],
    });
  if (!(await inTenant('people', input.personId))) throw unknown('personId');
  if (input.scopeKind === 'org_unit' && !(await inTenant('orgUnits', input.orgUnitId as string)))
    throw unknown('orgUnitId');
  if (input.scopeKind === 'party' && !(await inTenant('parties', input.partyId as string))) throw unknown('partyId');
  const row = await db
    .insertInto('roleGrants')
    .values({
      tenantId: actor.tenantId,
      personId: input.personId,
      role: input.role,
      scopeKind: input.scopeKind,
      orgUnitId: input.scopeKind === 'org_unit' ? (input.orgUnitId ?? null) : null,
      partyId: input.scopeKind === 'party' ? (input.partyId ?? null) : null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await recordAudit(db, context, {
    action: 'grant.create',
    resourceType: 'person',
    resourceId: input.personId,
    details: { grantId: row.id, role: row.role, scopeKind: row.scopeKind },
  });
  return presentGrant(row);
}

export async function deleteGrant(db: Db, actor: Actor, context: AuditContext, id: string): Promise<void> {
  authorize(actor, 'grants.manage', {});
  const row = await db
    .deleteFrom('roleGrants')
    .where('tenantId', '=', actor.tenantId)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirst();
  if (!row) throw new AppError('not_found');
  await recordAudit(db, context, {
    action: 'grant.delete',
    resourceType: 'person',
    resourceId: row.personId,
    details: { grantId: id, role: row.role },
  });
}
