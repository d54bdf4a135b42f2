import { randomUUID } from 'node:crypto';
import {
  type Incident,
  type IncidentReport,
  isSerious,
  recipientRolesOfReport,
  requiresWorkEnvironmentAuthorityNotice,
  requiresWorkInjuryReport,
} from '@varn/domain';
import { sql } from 'kysely';
import { type Actor, authorize } from '../access/authorize.ts';
import { roleHoldersQuery } from '../access/role-holders.ts';
import { type AuditContext, type AuditEvent, insertAuditEntries, queueForSealing } from '../audit/audit-log.ts';
import { notify } from '../notifications/notify.ts';
import { AppError, unknownReference } from '../platform/app-error.ts';
import type { Db } from '../platform/database.ts';
import type { JobQueue } from '../platform/jobs.ts';
import { mayReadPersonOfConcern, presentFollowUp, presentIncident } from './read.ts';
import { scheduleAcknowledgementReminder } from './reminders.ts';

/**
 * Who the report is about (the signed-in person, or the person they report for), the signed-in
 * person's name, and the site and unit the report names, with their units' paths: one round trip.
 */
async function lookUp(db: Db, actor: Actor, report: IncidentReport) {
  const personId = report.onBehalfOfPersonId ?? actor.personId;
  const siteId = report.place.kind === 'site' ? report.place.siteId : null;
  const namedUnitId = report.unitId ?? null;
  return db
    .selectFrom('people as person')
    .leftJoin('orgUnits as unit', 'unit.id', 'person.unitId')
    .innerJoin('people as actor', (join) =>
      join.on('actor.tenantId', '=', actor.tenantId).on('actor.id', '=', actor.personId),
    )
    .select([
      'person.id',
      'person.unitId',
      'person.partyId',
      'person.kind',
      'person.isActive',
      'person.givenName',
      'person.familyName',
      'unit.path',
      'actor.givenName as actorGivenName',
      'actor.familyName as actorFamilyName',
    ])
    .$if(siteId !== null, (query) =>
      query.select((builder) => [
        builder
          .selectFrom('sites as site')
          .select('site.unitId')
          .where('site.tenantId', '=', actor.tenantId)
          .where('site.id', '=', siteId as string)
          .as('siteUnitId'),
        builder
          .selectFrom('sites as site')
          .innerJoin('orgUnits as siteUnit', 'siteUnit.id', 'site.unitId')
          .select('siteUnit.path')
          .where('site.tenantId', '=', actor.tenantId)
          .where('site.id', '=', siteId as string)
          .as('siteUnitPath'),
      ]),
    )
    .$if(namedUnitId !== null, (query) =>
      query.select((builder) => [
        builder
          .selectFrom('orgUnits as named')
          .select('named.path')
          .where('named.tenantId', '=', actor.tenantId)
          .where('named.id', '=', namedUnitId as string)
          .as('namedUnitPath'),
      ]),
    )
    .where('person.tenantId', '=', actor.tenantId)
    .where('person.id', '=', personId)
    .executeTakeFirst();
}

/**
 * Who the report is about, and where it belongs. A manager reports for an employee whose unit lies
 * in their subtree, a party office for an elected official of its party; anyone else answers 404,
 * exactly as a person that does not exist. The report belongs to the unit it names, else the site's
 * unit, else the reporter's own unit; an elected official's report also belongs to their party, so
 * the party office sees it.
 */
async function reporterAndPlaceOf(db: Db, actor: Actor, report: IncidentReport) {
  const found = await lookUp(db, actor, report);
  if (!found) throw new AppError('not_found');
  const isOnBehalf = found.id !== actor.personId;
  if (isOnBehalf) {
    if (!found.isActive) throw new AppError('not_found');
    // An employee is reached through the unit, an elected official through the party: never across.
    authorize(actor, 'incidents.report_on_behalf', {
      orgUnitPath: found.kind === 'employee' ? found.path : null,
      partyId: found.kind === 'elected_official' ? found.partyId : null,
    });
  }
  const siteUnitId = 'siteUnitId' in found ? (found.siteUnitId as string | null) : null;
  const siteUnitPath = 'siteUnitPath' in found ? (found.siteUnitPath as string | null) : null;
  if (report.place.kind === 'site' && siteUnitId === null) throw unknownReference('place.siteId');
  const namedUnitPath = 'namedUnitPath' in found ? (found.namedUnitPath as string | null) : null;
  if (report.unitId && namedUnitPath === null) throw unknownReference('unitId');
  const unitId = report.unitId ?? siteUnitId ?? found.unitId;
  const unitPath = report.unitId ? namedUnitPath : siteUnitId ? siteUnitPath : found.unitId ? found.path : null;
  return {
    reporter: { id: found.id, name: `${found.givenName} ${found.familyName}` },
    actorName: { givenName: found.actorGivenName, familyName: found.actorFamilyName },
    isOnBehalf,
    unitId,
    unitPath,
    partyId: found.kind === 'employee' ? null : found.partyId,
    isByElectedOfficial: found.kind === 'elected_official',
  };
}

/**
 * Files a report from the signed-in person and tells those the routing rules name; the caller's
 * transaction holds the report, its notifications and its audit entry together. Answers the incident
 * as the reporter now reads it, built from what was written rather than read back: a submission is
 * the busiest write of the app, so it costs as few round trips as it can (see
 * docs/decisions/2026-11-23-incident-submission-speed.md).
 */
export async function reportIncident(
  db: Db,
  jobs: JobQueue,
  reminderWorkingDays: number,
  actor: Actor,
  context: AuditContext,
  report: IncidentReport,
): Promise<Incident> {
  const { reporter, actorName, isOnBehalf, unitId, unitPath, partyId, isByElectedOfficial } = await reporterAndPlaceOf(
    db,
    actor,
    report,
  );
  // The reporter reads the answer: a report they could not read (a unit outside the scope of the
  // one reporting on someone's behalf) is refused as one that does not exist.
  authorize(actor, 'incidents.read', { orgUnitPath: unitPath, partyId, personId: reporter.id });
  const serious = isSerious(report);
  const { consequences, policeReport, crisisSupport } = report;
  const incidentId = randomUUID();
  const concern = report.personOfConcern ? { incidentId, tenantId: actor.tenantId, ...report.personOfConcern } : null;
  const mayReadConcern = mayReadPersonOfConcern(actor, { unitPath, partyId });
  const audits: AuditEvent[] = [
    {
      action: 'incident.report',
      resourceType: 'incident',
      resourceId: incidentId,
      details: {
        hasPersonOfConcern: report.personOfConcern !== null,
        ...(isOnBehalf ? { onBehalfOfPersonId: reporter.id } : {}),
      },
    },
    // The answer shows the person of concern to a reporter with need-to-know: a read, audited as one.
    ...(concern && mayReadConcern
      ? [{ action: 'incident.person_of_concern.read', resourceType: 'incident', resourceId: incidentId }]
      : []),
  ];
  const recipientRoles = recipientRolesOfReport({ isByElectedOfficial, isSerious: serious });
  // The incident, its person of concern and the first event of its timeline in one statement.
  const withIncident = db
    .with('incident', (creator) =>
      creator
        .insertInto('incidents')
        .values({
          id: incidentId,
          tenantId: actor.tenantId,
          reporterPersonId: reporter.id,
          registeredByPersonId: isOnBehalf ? actor.personId : null,
          unitId,
          partyId,
          siteId: report.place.kind === 'site' ? report.place.siteId : null,
          placeDescription: report.place.kind === 'free' ? report.place.description : null,
          kind: report.kind,
          types: report.types,
          occurredAt: new Date(report.occurredAt),
          isOutsideWorkingHours: report.isOutsideWorkingHours,
          context: report.context,
          channel: report.channel,
          description: report.description,
          ...consequences,
          isReporterAffected: report.isReporterAffected,
          otherAffectedCount: report.otherAffectedCount,
          isWeaponInvolved: report.isWeaponInvolved,
          isThreatToLife: report.isThreatToLife,
          isSerious: serious,
          policeReportStatus: policeReport?.status ?? null,
          policeReportedBy: policeReport?.reportedBy ?? null,
          policeReportedOn: policeReport?.reportedOn ?? null,
          policeReferenceNumber: policeReport?.referenceNumber ?? null,
          policeReasonNotMade: policeReport?.reasonNotMade ?? null,
          isPoliceHelpOffered: policeReport?.isHelpOffered ?? false,
          crisisSupportStatus: crisisSupport.status,
          isOccupationalHealthContacted: crisisSupport.isOccupationalHealthContacted,
          requiresAuthorityNotice: requiresWorkEnvironmentAuthorityNotice(report),
          requiresWorkInjuryReport: requiresWorkInjuryReport(report),
        })
        .returningAll(),
    )
    .with('event', (creator) =>
      creator
        .insertInto('incidentEvents')
        .values({
          tenantId: actor.tenantId,
          incidentId,
          actorPersonId: actor.personId,
          kind: 'reported',
          toStatus: 'reported',
        })
        .returning(['occurredAt', 'fromStatus', 'toStatus', 'text', 'fields', 'measureStatus']),
    );
  // Data-modifying CTEs all run, referenced or not; the final SELECT reads only the incident and event.
  const withConcern = concern
    ? (withIncident.with('concern', (creator) =>
        creator.insertInto('incidentPersonsOfConcern').values(concern).returning('incidentId'),
      ) as unknown as typeof withIncident)
    : withIncident;
  const written = await withConcern
    .with('auditEntry', (creator) => insertAuditEntries(creator, context, audits))
    .with('auditQueued', (creator) => queueForSealing(creator))
    .selectFrom(['incident', 'event'])
    .selectAll('incident')
    .select([
      // Who the routing rules name, read in the same round trip.
      (recipientRoles.length > 0
        ? sql<
            string[]
          >`ARRAY(${roleHoldersQuery(db, actor.tenantId, recipientRoles, { orgUnitPath: unitPath, partyId })})`
        : sql<string[]>`'{}'::uuid[]`
      ).as('recipients'),
      'event.occurredAt as eventOccurredAt',
      'event.fromStatus as eventFromStatus',
      'event.toStatus as eventToStatus',
      'event.text as eventText',
      'event.fields as eventFields',
      'event.measureStatus as eventMeasureStatus',
    ])
    .executeTakeFirstOrThrow();
  const {
    recipients,
    eventOccurredAt,
    eventFromStatus,
    eventToStatus,
    eventText,
    eventFields,
    eventMeasureStatus,
    ...incident
  } = written;
  await notify(
    db,
    jobs,
    actor.tenantId,
    recipients.filter((personId) => personId !== actor.personId && personId !== reporter.id),
    { kind: 'incident_reported', incidentId, isSerious: serious },
  );
  if (isOnBehalf) {
    await notify(db, jobs, actor.tenantId, [reporter.id], {
      kind: 'incident_reported_on_behalf',
      incidentId,
      isSerious: serious,
    });
  }
  await scheduleAcknowledgementReminder(db, jobs, { tenantId: actor.tenantId, incidentId }, reminderWorkingDays);
  const row = { ...incident, unitPath };
  return presentIncident(actor, row, {
    concern: mayReadConcern ? concern : null,
    isConcernWithheld: concern !== null && !mayReadConcern,
    reporterName: reporter.name,
    registeredByName: isOnBehalf ? `${actorName.givenName} ${actorName.familyName}` : null,
    events: [
      {
        occurredAt: eventOccurredAt,
        kind: 'reported',
        fromStatus: eventFromStatus,
        toStatus: eventToStatus,
        text: eventText,
        fields: eventFields,
        measureStatus: eventMeasureStatus,
        ...actorName,
      },
    ],
    followUp: presentFollowUp(undefined, []),
    attachments: [],
  });
}
