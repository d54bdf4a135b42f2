import type { Party, PartyInput } from '@varn/domain';
import { type Selectable, sql } from 'kysely';
import { type Actor, authorize, scopeCondition } from '../access/authorize.ts';
import { type AuditContext, recordAudit } from '../audit/audit-log.ts';
import { AppError, fieldError } from '../platform/app-error.ts';
import type { Db } from '../platform/database.ts';
import { rethrowConstraintViolation } from '../platform/database-errors.ts';
import type { PartyTable } from './tables.ts';

type PartyRow = Selectable<PartyTable> & { securityContactName: string | null };

function presentParty(row: PartyRow): Party {
  return {
    id: row.id,
    name: row.name,
    abbreviation: row.abbreviation,
    officeEmail: row.officeEmail,
    securityContactPersonId: row.securityContactPersonId,
    securityContactName: row.securityContactName,
  };
}

/** "Given Family" of the joined security contact; null when the party has none. */
const contactName = sql<string | null>`${sql.ref('contact.givenName')} || ' ' || ${sql.ref('contact.familyName')}`;

function selectParties(db: Db, actor: Actor) {
  return db
    .selectFrom('parties')
    .leftJoin('people as contact', (join) =>
      join
        .onRef('contact.id', '=', 'parties.securityContactPersonId')
        .onRef('contact.tenantId', '=', 'parties.tenantId'),
    )
    .selectAll('parties')
    .select(contactName.as('securityContactName'))
    .where('parties.tenantId', '=', actor.tenantId)
    .where((builder) => scopeCondition(actor, 'parties.read', builder, { partyId: builder.ref('parties.id') }));
}

export async function findParties(db: Db, actor: Actor): Promise<Party[]> {
  const rows = await selectParties(db, actor).orderBy('name').execute();
  return rows.map(presentParty);
}

export async function getParty(db: Db, actor: Actor, id: string): Promise<Party> {
  const row = await selectParties(db, actor).where('parties.id', '=', id).executeTakeFirst();
  if (!row) throw new AppError('not_found');
  return presentParty(row);
}

/**
 * Checks that the security contact is a person of the party (staff of its office or one of its
 * officials: a new party has none yet); returns their name for presenting.
 */
async function findSecurityContactName(
  db: Db,
  actor: Actor,
  partyId: string | null,
  personId: string | null | undefined,
): Promise<string | null> {
  if (!personId) return null;
  const person = await db
    .selectFrom('people')
    .select(['givenName', 'familyName', 'partyId'])
    .where('tenantId', '=', actor.tenantId)
    .where('id', '=', personId)
    .executeTakeFirst();
  if (!person || person.partyId === null || person.partyId !== partyId) {
    throw new AppError('validation_failed', {
      errors: [
        fieldError(
          'securityContactPersonId',
          'not_of_party',
          'The security contact must belong to the party',
          'Säkerhetskontakten måste höra till partiet',
        ),
      ],
    });
  }
  return `${person.givenName} ${person.familyName}`;
}

export async function createParty(db: Db, actor: Actor, context: AuditContext, input: PartyInput): Promise<Party> {
  authorize(actor, 'parties.manage', {});
  const securityContactName = await findSecurityContactName(db, actor, null, input.securityContactPersonId);
  const row = await db
    .insertInto('parties')
    .values({
      tenantId: actor.tenantId,
      name: input.name,
      abbreviation: input.abbreviation,
      officeEmail: input.officeEmail ?? null,
      securityContactPersonId: input.securityContactPersonId ?? null,
    })
    .returningAll()
    .executeTakeFirstOrThrow()
    .catch(rethrowConstraintViolation);
  await recordAudit(db, context, { action: 'party.create', resourceType: 'party', resourceId: row.id });
  return presentParty({ ...row, securityContactName });
}

export async function updateParty(
  db: Db,
  actor: Actor,
  context: AuditContext,
  id: string,
  input: PartyInput,
): Promise<Party> {
  await getParty(db, actor, id);
  authorize(actor, 'parties.manage', { partyId: id });
  const securityContactName = await findSecurityContactName(db, actor, id, input.securityContactPersonId);
  const row = await db
    .updateTable('parties')
    .set({
      name: input.name,
      abbreviation: input.abbreviation,
      officeEmail: input.officeEmail ?? null,
      securityContactPersonId: input.securityContactPersonId ?? null,
      updatedAt: new Date(),
    })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow()
    .catch(rethrowConstraintViolation);
  await recordAudit(db, context, { action: 'party.update', resourceType: 'party', resourceId: id });
  return presentParty({ ...row, securityContactName });
}
