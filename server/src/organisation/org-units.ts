import { randomUUID } from 'node:crypto';
import { allowedChildKinds, type OrgUnit, type OrgUnitInput } from '@varn/domain';
import type { Selectable } from 'kysely';
import { type Actor, authorize, scopeCondition } from '../access/authorize.ts';
import { type AuditContext, recordAudit } from '../audit/audit-log.ts';
import { AppError, fieldError } from '../platform/app-error.ts';
import type { Db } from '../platform/database.ts';
import { rethrowConstraintViolation } from '../platform/database-errors.ts';
import type { OrgUnitTable } from './tables.ts';

export function presentOrgUnit(row: Selectable<OrgUnitTable>): OrgUnit {
  return { id: row.id, parentId: row.parentId, kind: row.kind, name: row.name, code: row.code };
}

/** The part of the tree the actor may read, ordered so parents come before their children. */
export async function findOrgUnits(db: Db, actor: Actor): Promise<OrgUnit[]> {
  const rows = await db
    .selectFrom('orgUnits')
    .selectAll()
    .where('tenantId', '=', actor.tenantId)
    .where((builder) => scopeCondition(actor, 'organisation.read', builder, { orgUnitPath: builder.ref('path') }))
    .orderBy('path')
    .execute();
  return rows.map(presentOrgUnit);
}

/** An org unit of the actor's tenant, or not_found. Scope is the caller's decision. */
export async function getOrgUnitRow(db: Db, tenantId: string, id: string): Promise<Selectable<OrgUnitTable>> {
  const row = await db
    .selectFrom('orgUnits')
    .selectAll()
    .where('tenantId', '=', tenantId)
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) throw new AppError('not_found');
  return row;
}

export async function createOrgUnit(
  db: Db,
  actor: Actor,
  context: AuditContext,
  input: OrgUnitInput,
): Promise<OrgUnit> {
  const id = randomUUID();
  let path = `/${id}/`;
  if (input.parentId) {
    const parent = await getOrgUnitRow(db, actor.tenantId, input.parentId);
    authorize(actor, 'organisation.manage', { orgUnitPath: parent.path });
    if (!allowedChildKinds[parent.kind].includes(input.kind)) {
      throw new AppError('validation_failed', {
        errors: [
          fieldError(
            'kind',
            'invalid_child_kind',
            'This kind cannot stand under the chosen parent',
            'Denna typ kan inte ligga under vald överordnad',
          ),
        ],
      });
    }
    path = `${parent.path}${id}/`;
  } else {
    authorize(actor, 'organisation.manage', {});
    if (input.kind !== 'board' && input.kind !== 'administration') {
      throw new AppError('validation_failed', {
        errors: [
          fieldError(
            'parentId',
            'parent_required',
            'Only boards and administrations stand at the top',
            'Endast nämnder och förvaltningar ligger överst',
          ),
        ],
      });
    }
  }
  const row = await db
    .insertInto('orgUnits')
    .values({
      id,
      tenantId: actor.tenantId,
      parentId: input.parentId,
      kind: input.kind,
      name: input.name,
      code: input.code ?? null,
      path,
    })
    .returningAll()
    .executeTakeFirstOrThrow()
    .catch(rethrowConstraintViolation);
  await recordAudit(db, context, { action: 'org_unit.create', resourceType: 'org_unit', resourceId: id });
  return presentOrgUnit(row);
}

export async function updateOrgUnit(
  db: Db,
  actor: Actor,
  context: AuditContext,
  id: string,
  changes: { name?: string | undefined; code?: string | null | undefined },
): Promise<OrgUnit> {
  const current = await getOrgUnitRow(db, actor.tenantId, id);
  authorize(actor, 'organisation.manage', { orgUnitPath: current.path });
  const row = await db
    .updateTable('orgUnits')
    .set({ ...changes, updatedAt: new Date() })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow()
    .catch(rethrowConstraintViolation);
  await recordAudit(db, context, {
    action: 'org_unit.update',
    resourceType: 'org_unit',
    resourceId: id,
    details: { fields: Object.keys(changes) },
  });
  return presentOrgUnit(row);
}
