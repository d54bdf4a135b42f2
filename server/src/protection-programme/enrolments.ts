import type {
  EnrolmentCandidate,
  EnrolmentStatusInput,
  ProtectionConversationValues,
  SupportValues,
} from '@varn/domain';
import { stockholmDate } from '@varn/domain';
import { sql } from 'kysely';
import type { Actor } from '../access/authorize.ts';
import { type AuditContext, recordAudit } from '../audit/audit-log.ts';
import { AppError, fieldError } from '../platform/app-error.ts';
import type { Db } from '../platform/database.ts';
import { getAuthorizedEnrolment } from './read.ts';

/**
 * Enrols a specially remunerated official with their party. Leisure politicians reach the general
 * offers only (the instruction, seed 002): they are refused, as is anyone who is not an official.
 */
export async function enrolOfficial(db: Db, actor: Actor, context: AuditContext, personId: string): Promise<string> {
  const person = await db
    .selectFrom('people')
    .select(['id', 'kind', 'officialCategory', 'partyId'])
    .where('tenantId', '=', actor.tenantId)
    .where('id', '=', personId)
    .executeTakeFirst();
  if (!person) {
    throw new AppError('validation_failed', {
      errors: [fieldError('body.personId', 'unknown_person', 'No such person', 'Personen finns inte')],
    });
  }
  if (person.kind !== 'elected_official' || person.officialCategory !== 'specially_remunerated') {
    throw new AppError('not_specially_remunerated', {
      errors: [
        fieldError(
          'body.personId',
          'not_specially_remunerated',
          'Only specially remunerated officials can be enrolled',
          'Bara särskilt arvoderade förtroendevalda kan skrivas in',
        ),
      ],
    });
  }
  const enrolled = await db
    .insertInto('protectionEnrolments')
    .values({
      tenantId: actor.tenantId,
      personId,
      partyId: person.partyId,
      enrolledOn: stockholmDate(),
      enrolledByPersonId: actor.personId,
    })
    .onConflict((conflict) => conflict.columns(['tenantId', 'personId']).doNothing())
    .returning('id')
    .executeTakeFirst();
  if (!enrolled) throw new AppError('conflict');
  await recordAudit(db, context, {
    action: 'protection_programme.enrol',
    resourceType: 'protection_enrolment',
    resourceId: enrolled.id,
    details: { personId },
  });
  return enrolled.id;
}

/** Sets the dated ticks (instruction, training) and the sooner conversation date. */
export async function setEnrolmentStatus(
  db: Db,
  actor: Actor,
  context: AuditContext,
  id: string,
  status: EnrolmentStatusInput,
): Promise<void> {
  await getAuthorizedEnrolment(db, actor, 'protection_programme.manage', id);
  await db
    .updateTable('protectionEnrolments')
    .set({ ...status, updatedAt: sql<Date>`now()` })
    .where('id', '=', id)
    .execute();
  await recordAudit(db, context, {
    action: 'protection_programme.status.set',
    resourceType: 'protection_enrolment',
    resourceId: id,
    details: { fields: Object.keys(status) },
  });
}

/** Records a security conversation offered (and held, by whom) with its notes. */
export async function addConversation(
  db: Db,
  actor: Actor,
  context: AuditContext,
  id: string,
  conversation: ProtectionConversationValues,
): Promise<void> {
  await getAuthorizedEnrolment(db, actor, 'protection_programme.manage', id);
  const { id: conversationId } = await db
    .insertInto('protectionConversations')
    .values({
      tenantId: actor.tenantId,
      enrolmentId: id,
      offeredOn: conversation.offeredOn,
      heldOn: conversation.heldOn,
      heldBy: conversation.heldBy ?? '',
      notes: conversation.notes,
      recordedByPersonId: actor.personId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  // A held conversation answers the need that set a sooner date.
  const update = conversation.heldOn ? { conversationNeededBy: null } : {};
  await db
    .updateTable('protectionEnrolments')
    .set({ ...update, updatedAt: sql<Date>`now()` })
    .where('id', '=', id)
    .execute();
  await recordAudit(db, context, {
    action: 'protection_programme.conversation.add',
    resourceType: 'protection_enrolment',
    resourceId: id,
    details: { conversationId, isHeld: conversation.heldOn !== null },
  });
}

/** Records support given: threat analysis, home inspection, perimeter protection, alarms, guarding, legal help. */
export async function addSupport(
  db: Db,
  actor: Actor,
  context: AuditContext,
  id: string,
  support: SupportValues,
): Promise<void> {
  await getAuthorizedEnrolment(db, actor, 'protection_programme.manage', id);
  const { id: supportId } = await db
    .insertInto('protectionSupport')
    .values({ tenantId: actor.tenantId, enrolmentId: id, ...support, recordedByPersonId: actor.personId })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db.updateTable('protectionEnrolments').set({ updatedAt: sql<Date>`now()` }).where('id', '=', id).execute();
  await recordAudit(db, context, {
    action: 'protection_programme.support.add',
    resourceType: 'protection_enrolment',
    resourceId: id,
    details: { supportId, kind: support.kind },
  });
}

/** Specially remunerated officials not yet enrolled. */
export async function findEnrolmentCandidates(db: Db, actor: Actor): Promise<{ items: EnrolmentCandidate[] }> {
  const rows = await db
    .selectFrom('people as person')
    .leftJoin('parties as party', 'party.id', 'person.partyId')
    .select(['person.id', 'person.givenName', 'person.familyName', 'party.abbreviation'])
    .where('person.tenantId', '=', actor.tenantId)
    .where('person.kind', '=', 'elected_official')
    .where('person.officialCategory', '=', 'specially_remunerated')
    .where((builder) =>
      builder.not(
        builder.exists(
          builder
            .selectFrom('protectionEnrolments as enrolment')
            .select('enrolment.id')
            .whereRef('enrolment.personId', '=', 'person.id'),
        ),
      ),
    )
    .orderBy('party.abbreviation')
    .orderBy('person.familyName')
    .execute();
  return {
    items: rows.map((row) => ({
      personId: row.id,
      name: `${row.givenName} ${row.familyName}`,
      partyAbbreviation: row.abbreviation,
    })),
  };
}
