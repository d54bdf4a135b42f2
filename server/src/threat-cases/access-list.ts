import { type AccessChangeValues, type Role, rolePermissions, roles } from '@varn/domain';
import type { Actor } from '../access/authorize.ts';
import { findRoleHolders } from '../access/role-holders.ts';
import { type AuditContext, recordAudit } from '../audit/audit-log.ts';
import { AppError, fieldError } from '../platform/app-error.ts';
import type { Db } from '../platform/database.ts';
import { type AuthorizedCase, getAuthorizedCase } from './case-access.ts';

const rolesReadingCases: readonly Role[] = roles.filter((role) => rolePermissions[role].includes('threat_cases.read'));

/** The people whose roles reach the case: only they can use a place on its access list. */
async function findReachingPeople(db: Db, actor: Actor, threatCase: AuthorizedCase): Promise<string[]> {
  return findRoleHolders(db, actor.tenantId, rolesReadingCases, { orgUnitPath: threatCase.unitPath });
}

/** People who may be added to the case's access list: their roles reach it and they are not on it. */
export async function findAccessCandidates(db: Db, actor: Actor, id: string) {
  const threatCase = await getAuthorizedCase(db, actor, 'threat_cases.manage', id);
  const reaching = await findReachingPeople(db, actor, threatCase);
  if (reaching.length === 0) return { items: [] };
  const rows = await db
    .selectFrom('people as person')
    .select(['person.id', 'person.givenName', 'person.familyName'])
    .where('person.tenantId', '=', actor.tenantId)
    .where('person.id', 'in', reaching)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('threatCaseAccess as access')
            .select('access.personId')
            .whereRef('access.personId', '=', 'person.id')
            .where('access.caseId', '=', id),
        ),
      ),
    )
    .orderBy('person.familyName')
    .orderBy('person.givenName')
    .execute();
  return { items: rows.map((row) => ({ personId: row.id, name: `${row.givenName} ${row.familyName}` })) };
}

/**
 * Puts a person on the case's access list, with the reason audited. Only people whose roles reach
 * the case can be added: the list narrows access, it never widens a role's scope.
 */
export async function addToAccessList(
  db: Db,
  actor: Actor,
  context: AuditContext,
  id: string,
  change: AccessChangeValues,
): Promise<void> {
  const threatCase = await getAuthorizedCase(db, actor, 'threat_cases.manage', id);
  const reaching = await findReachingPeople(db, actor, threatCase);
  if (!reaching.includes(change.personId)) {
    throw new AppError('validation_failed', {
      errors: [
        fieldError(
          'personId',
          'not_reachable',
          'The person has no role that reaches this case',
          'Personen har ingen roll som når det här ärendet',
        ),
      ],
    });
  }
  const added = await db
    .insertInto('threatCaseAccess')
    .values({
      caseId: id,
      personId: change.personId,
      tenantId: actor.tenantId,
      reason: change.reason,
      addedByPersonId: actor.personId,
    })
    .onConflict((conflict) => conflict.columns(['caseId', 'personId']).doNothing())
    .returning('personId')
    .executeTakeFirst();
  if (!added) throw new AppError('conflict');
  await recordAudit(db, context, {
    action: 'threat_case.access.add',
    resourceType: 'threat_case',
    resourceId: id,
    reason: change.reason,
    details: { personId: change.personId },
  });
}

/** Takes a person off the access list, with the reason audited; the list is never left empty. */
export async function removeFromAccessList(
  db: Db,
  actor: Actor,
  context: AuditContext,
  id: string,
  change: AccessChangeValues,
): Promise<void> {
  await getAuthorizedCase(db, actor, 'threat_cases.manage', id);
  const entries = await db
    .selectFrom('threatCaseAccess')
    .select('personId')
    .where('caseId', '=', id)
    .forUpdate()
    .execute();
  const isListed = entries.some((entry) => entry.personId === change.personId);
  const refuse = (code: string, english: string, swedish: string) =>
    new AppError('validation_failed', { errors: [fieldError('personId', code, english, swedish)] });
  if (!isListed)
    throw refuse('not_listed', 'The person is not on the access list', 'Personen finns inte på behörighetslistan');
  if (entries.length === 1) {
    throw refuse(
      'last_entry',
      'Someone must remain on the access list',
      'Någon måste finnas kvar på behörighetslistan',
    );
  }
  await db.deleteFrom('threatCaseAccess').where('caseId', '=', id).where('personId', '=', change.personId).execute();
  await recordAudit(db, context, {
    action: 'threat_case.access.remove',
    resourceType: 'threat_case',
    resourceId: id,
    reason: change.reason,
    details: { personId: change.personId },
  });
}
