import type { Actor } from '../access/authorize.ts';
import type { Db } from '../platform/database.ts';

/**
 * The actor an account acts as: its person's grants with their scopes, as a session carries them.
 * For tests and benchmarks that call a service directly.
 */
export async function actorOf(db: Db, email: string): Promise<Actor> {
  const account = await db
    .selectFrom('accounts')
    .select(['id', 'personId', 'tenantId'])
    .where('email', '=', email)
    .executeTakeFirstOrThrow();
  const grants = await db
    .selectFrom('roleGrants as grant')
    .leftJoin('orgUnits as unit', 'unit.id', 'grant.orgUnitId')
    .select(['grant.role', 'grant.scopeKind', 'grant.partyId', 'unit.path as orgUnitPath'])
    .where('grant.personId', '=', account.personId)
    .execute();
  return {
    tenantId: account.tenantId,
    personId: account.personId,
    accountId: account.id,
    grants: grants.map((grant) => ({ ...grant, role: grant.role as Actor['grants'][number]['role'] })),
  };
}
