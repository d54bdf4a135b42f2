import type { SupportKind, SupportStatus } from '@varn/domain';
import type { Db } from '../platform/database.ts';

const dayMs = 86_400_000;
const daysAgo = (days: number) => new Date(Date.now() - days * dayMs).toISOString().slice(0, 10);

// A few enrolled officials per party, at different points of the programme, so the overview shows
// done, due and overdue conversations; the rest stay candidates to enrol.
const enrolled: {
  party: string;
  count: number;
  enrolledDaysAgo: number;
  conversationDaysAgo: number | null;
}[] = [
  { party: 'S', count: 3, enrolledDaysAgo: 420, conversationDaysAgo: 90 },
  { party: 'M', count: 2, enrolledDaysAgo: 500, conversationDaysAgo: 400 },
  { party: 'V', count: 1, enrolledDaysAgo: 20, conversationDaysAgo: null },
];

const support: { kind: SupportKind; status: SupportStatus; startedDaysAgo: number; reference: string | null }[] = [
  { kind: 'threat_analysis', status: 'done', startedDaysAgo: 85, reference: null },
  { kind: 'personal_alarm', status: 'in_progress', startedDaysAgo: 80, reference: 'LC-DEMO-2041' },
  { kind: 'home_inspection', status: 'planned', startedDaysAgo: 5, reference: null },
];

/** Demo enrolments with conversations and support, and a couple of drills; in the seeding transaction. */
export async function seedDemoProgrammeAndDrills(db: Db, tenantId: string, securityPersonId: string): Promise<void> {
  for (const group of enrolled) {
    const officials = await db
      .selectFrom('people')
      .innerJoin('parties', 'parties.id', 'people.partyId')
      .select(['people.id', 'people.partyId'])
      .where('people.tenantId', '=', tenantId)
      .where('parties.abbreviation', '=', group.party)
      .where('people.officialCategory', '=', 'specially_remunerated')
      .where('people.email', 'is', null)
      .orderBy('people.familyName')
      .limit(group.count)
      .execute();
    for (const [index, official] of officials.entries()) {
      const enrolment = await db
        .insertInto('protectionEnrolments')
        .values({
          tenantId,
          personId: official.id,
          partyId: official.partyId,
          enrolledOn: daysAgo(group.enrolledDaysAgo),
          instructionReadOn: daysAgo(group.enrolledDaysAgo - 7),
          // A date typed before the programme read Training's completions (the S official's training
          // is a completion, see the demo's training).
          typedTrainingCompletedOn: index === 0 && group.party === 'M' ? daysAgo(group.enrolledDaysAgo - 30) : null,
          enrolledByPersonId: securityPersonId,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      if (group.conversationDaysAgo !== null) {
        await db
          .insertInto('protectionConversations')
          .values({
            tenantId,
            enrolmentId: enrolment.id,
            offeredOn: daysAgo(group.conversationDaysAgo + 10),
            heldOn: daysAgo(group.conversationDaysAgo),
            heldBy: 'Karin Säkerhet',
            notes: 'Genomgång av uppdraget och resvanor. Inga kända hot just nu.',
            recordedByPersonId: securityPersonId,
          })
          .execute();
      }
      if (group.party === 'S' && index === 0) {
        await db
          .insertInto('protectionSupport')
          .values(
            support.map((item) => ({
              tenantId,
              enrolmentId: enrolment.id,
              kind: item.kind,
              status: item.status,
              startedOn: daysAgo(item.startedDaysAgo),
              endedOn: item.status === 'done' ? daysAgo(item.startedDaysAgo - 14) : null,
              alarmCentreReference: item.reference,
              description: '',
              recordedByPersonId: securityPersonId,
            })),
          )
          .execute();
      }
    }
  }

  const siteOf = async (name: string) =>
    (
      await db
        .selectFrom('sites')
        .select('id')
        .where('tenantId', '=', tenantId)
        .where('name', '=', name)
        .executeTakeFirstOrThrow()
    ).id;
  const drill = {
    tenantId,
    createdByPersonId: securityPersonId,
    participatingUnits: '',
    whatWorked: '',
    lessonsLearned: '',
  };
  await db
    .insertInto('drills')
    .values([
      {
        ...drill,
        siteId: await siteOf('Jobbtorg City'),
        kind: 'evacuation',
        plannedOn: daysAgo(430),
        heldOn: daysAgo(425),
        participantCount: 31,
        participatingUnits: 'Jobbtorg City',
        scenario: 'Brand i personalrummet under öppettid',
        whatWorked: 'Alla besökare kom ut inom fyra minuter.',
        lessonsLearned: 'Återsamlingsplatsen var okänd för nyanställda.',
      },
      {
        ...drill,
        siteId: await siteOf('SFI Stockholm, Liljeholmen'),
        kind: 'lockdown',
        plannedOn: daysAgo(60),
        heldOn: daysAgo(58),
        participantCount: 120,
        participatingUnits: 'SFI Stockholm, lärare och elever',
        scenario: 'Hotfull person i entrén',
        whatWorked: 'Larmet via högtalare hördes i alla salar.',
        lessonsLearned: 'Två klassrum saknade lås som går att låsa inifrån.',
      },
    ])
    .execute();
}
