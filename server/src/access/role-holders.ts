import type { Role } from '@varn/domain';
import { sql } from 'kysely';
import type { Db } from '../platform/database.ts';
import type { ScopedResource } from './authorize.ts';

/**
 * The active people who hold one of the roles through a grant that reaches the record: the scope
 * rule of `isInScope`, asked the other way round (who, rather than whether). Self grants reach
 * nobody else's records, so they never make a holder.
 */
export async function findRoleHolders(
  db: Db,
  tenantId: string,
  roles: readonly Role[],
  resource: Pick<ScopedResource, 'orgUnitPath' | 'partyId'>,
): Promise<string[]> {
  if (roles.length === 0) return [];
  const rows = await roleHoldersQuery(db, tenantId, roles, resource).execute();
  return rows.map((row) => row.personId);
}

/**
 * The query of `findRoleHolders` (one `personId` column), to run as part of a larger statement.
 * `roles` must not be empty.
 */
export function roleHoldersQuery(
  db: Db,
  tenantId: string,
  roles: readonly Role[],
  resource: Pick<ScopedResource, 'orgUnitPath' | 'partyId'>,
) {
  return db
    .selectFrom('roleGrants as grant')
    .innerJoin('people as person', 'person.id', 'grant.personId')
    .leftJoin('orgUnits as unit', 'unit.id', 'grant.orgUnitId')
    .select('grant.personId')
    .distinct()
    .where('grant.tenantId', '=', tenantId)
    .where('grant.role', 'in', roles)
    .where('person.isActive', '=', true)
    .where((builder) => {
      const { orgUnitPath, partyId } = resource;
      return builder.or([
        builder('grant.scopeKind', '=', 'tenant'),
        ...(orgUnitPath
          ? [
              builder.and([
                builder('grant.scopeKind', '=', 'org_unit'),
                // the record's unit lies in the grant's subtree: its path starts with the grant's path
                sql<boolean>`${orgUnitPath} LIKE ${sql.ref('unit.path')} || '%'`,
              ]),
            ]
          : []),
        ...(partyId
          ? [builder.and([builder('grant.scopeKind', '=', 'party'), builder('grant.partyId', '=', partyId)])]
          : []),
      ]);
    });
}
