import { addMonths, conversationIntervalMonths, type ProgrammeFollowUp, stockholmDate } from '@varn/domain';
import { sql } from 'kysely';
import type { Actor } from '../access/authorize.ts';
import type { Db } from '../platform/database.ts';
import { isProgrammeTrained } from './training.ts';

/**
 * The programme's follow-up: of the enrolled officials, how many were offered a conversation in the
 * last 12 months, are trained, were instructed; per party and in total. Counts only, never names, so
 * the board reader's grant (its board) does not narrow it: the programme is the city's, not a board's.
 */
export async function followUpProgramme(db: Db, actor: Actor): Promise<ProgrammeFollowUp> {
  const today = stockholmDate();
  const since = addMonths(today, -conversationIntervalMonths);
  const rows = await db
    .selectFrom('protectionEnrolments as enrolment')
    .leftJoin('parties as party', 'party.id', 'enrolment.partyId')
    .select((builder) => [
      'enrolment.partyId',
      'party.abbreviation as partyAbbreviation',
      builder.fn.countAll<number>().as('enrolled'),
      sql<number>`count(*) filter (where exists (
        select 1 from protection_conversations c where c.enrolment_id = enrolment.id and c.offered_on >= ${since}
      ))`.as('offeredConversation'),
      sql<number>`count(*) filter (where ${isProgrammeTrained(today)})`.as('trained'),
      sql<number>`count(enrolment.instruction_read_on)`.as('instructed'),
    ])
    .where('enrolment.tenantId', '=', actor.tenantId)
    .groupBy(['enrolment.partyId', 'party.abbreviation'])
    .orderBy('party.abbreviation')
    .execute();
  const parties = rows.map((row) => ({
    partyId: row.partyId,
    partyAbbreviation: row.partyAbbreviation,
    enrolled: Number(row.enrolled),
    offeredConversation: Number(row.offeredConversation),
    trained: Number(row.trained),
    instructed: Number(row.instructed),
  }));
  const sum = (key: 'enrolled' | 'offeredConversation' | 'trained' | 'instructed') =>
    parties.reduce((total, party) => total + party[key], 0);
  return {
    parties,
    total: {
      enrolled: sum('enrolled'),
      offeredConversation: sum('offeredConversation'),
      trained: sum('trained'),
      instructed: sum('instructed'),
    },
  };
}
