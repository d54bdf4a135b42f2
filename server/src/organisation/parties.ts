import type { Party, PartyInput } from '@varn/domain';
import type { Selectable } from 'kysely';
import { type Actor, authorize, scopeCondition } from '../access/authorize.ts';
import { type AuditContext, recordAudit } from '../audit/audit-log.ts';
import { AppError, fieldError } from '../platform/app-error.ts';
import type { Db } from '../platform/database.ts';
import { rethrowConstraintViolation } from '../platform/database-errors.ts';
import type { PartyTable } from './tables.ts';

function presentParty(row: Selectable<PartyTable>): Party {
  return {
    id: row.id,
    name: row.name,
    abbreviation: row.abbreviation,
    officeEmail: row.officeEmail,
    securityContactPersonId: row.securityContactPersonId,
  };
}

function selectParties(db: Db, actor: Actor) {
  return db
    .selectFrom('parties')
    .selectAll()
    .where('tenantId', '=', actor.tenantId)
    .where((builder) => scopeCondition(actor, 'parties.read', builder, { partyId: builder.ref('id') }));
}

export async function findParties(db: Db, actor: Actor): Promise<Party[]> {
  const rows = await selectParties(db, actor).orderBy('name').execute();
  return rows.map(presentParty);
}

export async function getParty(db: Db, actor: Actor, id: string): Promise<Party> {
  const row = await selectParties(db, actor).where('id', '=', id).executeTakeFirst();
  if (!row) throw new AppError('not_found');
  return presentParty(row);
}

async function checkSecurityContact(db: Db, actor: Actor, personId: string | null | undefined): Promise<void> {
  if (!personId) return;
  const person = await db
    .selectFrom('people')
    .select('id')
    .where('tenantId', '=', actor.tenantId)
    .where('id', '=', personId)
    .executeTakeFirst();
  if (!person) {
    throw new AppError('validation_failed', {
      errors: [fieldError('securityContactPersonId', 'unknown_person', 'Unknown person', 'Okänd person')],
    });
  }
}

export async function createParty(db: Db, actor: Actor, context: AuditContext, input: PartyInput): Promise<Party> {
  authorize(actor, 'parties.manage', {});
  await checkSecurityContact(db, actor, input.securityContactPersonId);
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
  return presentParty(row);
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
  await checkSecurityContact(db, actor, input.securityContactPersonId);
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
  return presentParty(row);
}
