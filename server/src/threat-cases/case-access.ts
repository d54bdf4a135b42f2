import type { Permission } from '@varn/domain';
import { type Actor, authorizeNeedToKnow } from '../access/authorize.ts';
import { AppError } from '../platform/app-error.ts';
import type { Db } from '../platform/database.ts';

/**
 * The case row with what the need-to-know decision needs: its unit's path and whether the actor is
 * on its access list. Throws not_found when the case is missing, in another tenant, out of the
 * actor's scope for the permission, or the actor is not on its list (see authorizeNeedToKnow).
 */
export async function getAuthorizedCase(db: Db, actor: Actor, permission: Permission, id: string) {
  return authorizeCase(actor, permission, await caseQuery(db, actor, id).executeTakeFirst());
}
export type AuthorizedCase = Awaited<ReturnType<typeof getAuthorizedCase>>;

/** The query behind getAuthorizedCase, for reads that select more of the case in the same statement. */
export function caseQuery(db: Db, actor: Actor, id: string) {
  return db
    .selectFrom('threatCases as threatCase')
    .innerJoin('orgUnits as unit', 'unit.id', 'threatCase.unitId')
    .selectAll('threatCase')
    .select(['unit.path as unitPath', 'unit.name as unitName'])
    .select((builder) =>
      builder
        .exists(
          builder
            .selectFrom('threatCaseAccess as access')
            .select('access.personId')
            .whereRef('access.caseId', '=', 'threatCase.id')
            .where('access.personId', '=', actor.personId),
        )
        .as('isListed'),
    )
    .where('threatCase.tenantId', '=', actor.tenantId)
    .where('threatCase.id', '=', id);
}

/** Throws not_found unless the row of caseQuery exists and the actor may use it for the permission. */
export function authorizeCase<Row extends { unitPath: string; isListed: unknown }>(
  actor: Actor,
  permission: Permission,
  row: Row | undefined,
): Row {
  if (!row) throw new AppError('not_found');
  authorizeNeedToKnow(actor, permission, { orgUnitPath: row.unitPath, isListed: Boolean(row.isListed) });
  return row;
}
