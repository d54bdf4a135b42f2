import {
  type Enrolment,
  type EnrolmentSummary,
  nextConversationDueOn,
  programmeTrainingOf,
  stockholmDate,
} from '@varn/domain';
import { type Actor, authorize, can, scopeCondition } from '../access/authorize.ts';
import { type AuditContext, recordAudit } from '../audit/audit-log.ts';
import { AppError } from '../platform/app-error.ts';
import type { Db } from '../platform/database.ts';
import { programmeCompletedOn, programmeValidUntil } from './training.ts';

const fullName = (person: { givenName: string | null; familyName: string | null }) =>
  person.givenName ? `${person.givenName} ${person.familyName}` : '';

/** A `date` column as 'YYYY-MM-DD' (PGlite sometimes hands over a Date at UTC midnight). */
export function dateText(value: string | Date | null): string | null {
  if (value === null || typeof value === 'string') return value;
  return value.toISOString().slice(0, 10);
}

function summaryQuery(db: Db, actor: Actor) {
  return db
    .selectFrom('protectionEnrolments as enrolment')
    .innerJoin('people as official', 'official.id', 'enrolment.personId')
    .leftJoin('parties as party', 'party.id', 'enrolment.partyId')
    .leftJoin('people as contact', 'contact.id', 'party.securityContactPersonId')
    .select((builder) => [
      'enrolment.id',
      'enrolment.personId',
      'enrolment.partyId',
      'enrolment.enrolledOn',
      'enrolment.instructionReadOn',
      'enrolment.typedTrainingCompletedOn',
      programmeCompletedOn.as('programmeCompletedOn'),
      programmeValidUntil.as('programmeValidUntil'),
      'enrolment.conversationNeededBy',
      'official.givenName',
      'official.familyName',
      'official.title',
      'party.abbreviation as partyAbbreviation',
      'contact.givenName as contactGivenName',
      'contact.familyName as contactFamilyName',
      builder
        .selectFrom('protectionConversations as conversation')
        .whereRef('conversation.enrolmentId', '=', 'enrolment.id')
        .select((inner) => inner.fn.max('conversation.offeredOn').as('offeredOn'))
        .as('lastConversationOfferedOn'),
      builder
        .selectFrom('protectionConversations as conversation')
        .whereRef('conversation.enrolmentId', '=', 'enrolment.id')
        .select((inner) => inner.fn.max('conversation.heldOn').as('heldOn'))
        .as('lastConversationHeldOn'),
    ])
    .where('enrolment.tenantId', '=', actor.tenantId)
    .where((builder) =>
      scopeCondition(actor, 'protection_programme.read', builder, { partyId: builder.ref('enrolment.partyId') }),
    );
}
type SummaryRow = Awaited<ReturnType<ReturnType<typeof summaryQuery>['executeTakeFirstOrThrow']>>;

function presentSummary(row: SummaryRow, today: string): EnrolmentSummary {
  const lastHeldOn = dateText(row.lastConversationHeldOn as string | Date | null);
  const nextDue = nextConversationDueOn({
    enrolledOn: dateText(row.enrolledOn) as string,
    lastHeldOn,
    neededBy: dateText(row.conversationNeededBy),
  });
  return {
    id: row.id,
    personId: row.personId,
    name: fullName(row),
    title: row.title,
    partyId: row.partyId,
    partyAbbreviation: row.partyAbbreviation,
    securityContactName: row.contactGivenName
      ? fullName({ givenName: row.contactGivenName, familyName: row.contactFamilyName })
      : null,
    enrolledOn: dateText(row.enrolledOn) as string,
    instructionReadOn: dateText(row.instructionReadOn),
    ...programmeTrainingOf(
      {
        completedOn: row.programmeCompletedOn,
        validUntil: row.programmeValidUntil,
        typedOn: dateText(row.typedTrainingCompletedOn),
      },
      today,
    ),
    lastConversationOfferedOn: dateText(row.lastConversationOfferedOn as string | Date | null),
    lastConversationHeldOn: lastHeldOn,
    conversationNeededBy: dateText(row.conversationNeededBy),
    nextConversationDueOn: nextDue,
    isConversationDue: nextDue <= today,
  };
}

/** The enrolled officials the actor reaches: all for the security department, its own for a party office. */
export async function findEnrolments(db: Db, actor: Actor): Promise<{ items: EnrolmentSummary[] }> {
  const rows = await summaryQuery(db, actor)
    .orderBy('party.abbreviation')
    .orderBy('official.familyName')
    .orderBy('official.givenName')
    .execute();
  const today = stockholmDate();
  return { items: rows.map((row) => presentSummary(row, today)) };
}

/** The enrolment's id and party, in the actor's scope for the permission, or not_found. */
export async function getAuthorizedEnrolment(
  db: Db,
  actor: Actor,
  permission: 'protection_programme.read' | 'protection_programme.manage',
  id: string,
) {
  const row = await db
    .selectFrom('protectionEnrolments')
    .select(['id', 'partyId', 'personId'])
    .where('tenantId', '=', actor.tenantId)
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) throw new AppError('not_found');
  authorize(actor, permission, { partyId: row.partyId });
  return row;
}

/**
 * One official's programme. The conversations' notes and the support are there only for those with
 * need-to-know (the security department); reading them is audited in the same transaction.
 */
export async function getEnrolment(db: Db, actor: Actor, context: AuditContext, id: string): Promise<Enrolment> {
  await getAuthorizedEnrolment(db, actor, 'protection_programme.read', id);
  const summary = await summaryQuery(db, actor).where('enrolment.id', '=', id).executeTakeFirstOrThrow();
  const mayReadNotes = can(actor, 'protection_programme.read_notes');
  const conversations = await db
    .selectFrom('protectionConversations')
    .select(['id', 'offeredOn', 'heldOn', 'heldBy', 'notes'])
    .where('enrolmentId', '=', id)
    .orderBy('offeredOn', 'desc')
    .orderBy('recordedAt', 'desc')
    .execute();
  const support = mayReadNotes
    ? await db
        .selectFrom('protectionSupport')
        .select(['id', 'kind', 'status', 'startedOn', 'endedOn', 'alarmCentreReference', 'description'])
        .where('enrolmentId', '=', id)
        .orderBy('startedOn', 'desc')
        .execute()
    : null;
  if (mayReadNotes) {
    await recordAudit(db, context, {
      action: 'protection_programme.notes.read',
      resourceType: 'protection_enrolment',
      resourceId: id,
      details: { conversations: conversations.length, support: support?.length ?? 0 },
    });
  }
  return {
    ...presentSummary(summary, stockholmDate()),
    conversations: conversations.map((conversation) => ({
      id: conversation.id,
      offeredOn: dateText(conversation.offeredOn) as string,
      heldOn: dateText(conversation.heldOn),
      heldBy: conversation.heldBy,
      notes: mayReadNotes ? conversation.notes : null,
    })),
    support:
      support?.map((item) => ({
        ...item,
        startedOn: dateText(item.startedOn) as string,
        endedOn: dateText(item.endedOn),
      })) ?? null,
  };
}
