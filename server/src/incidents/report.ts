import {
  type IncidentReport,
  isSerious,
  recipientRolesOfReport,
  requiresWorkEnvironmentAuthorityNotice,
  requiresWorkInjuryReport,
} from '@varn/domain';
import { type Actor, authorize } from '../access/authorize.ts';
import { findRoleHolders } from '../access/role-holders.ts';
import { type AuditContext, recordAudit } from '../audit/audit-log.ts';
import { notify } from '../notifications/notify.ts';
import { AppError, unknownReference } from '../platform/app-error.ts';
import type { Db } from '../platform/database.ts';
import type { JobQueue } from '../platform/jobs.ts';
import { scheduleAcknowledgementReminder } from './reminders.ts';

/**
 * Who the report is about: the signed-in person, or the person they report for. A manager reports
 * for an employee whose unit lies in their subtree, a party office for an elected official of its
 * party; anyone else answers 404, exactly as a person that does not exist.
 */
async function reporterOf(db: Db, actor: Actor, report: IncidentReport) {
  const personId = report.onBehalfOfPersonId ?? actor.personId;
  const reporter = await db
    .selectFrom('people as person')
    .leftJoin('orgUnits as unit', 'unit.id', 'person.unitId')
    .select(['person.id', 'person.unitId', 'person.partyId', 'person.kind', 'person.isActive', 'unit.path'])
    .where('person.tenantId', '=', actor.tenantId)
    .where('person.id', '=', personId)
    .executeTakeFirst();
  if (!reporter) throw new AppError('not_found');
  if (personId !== actor.personId) {
    if (!reporter.isActive) throw new AppError('not_found');
    // An employee is reached through the unit, an elected official through the party: never across.
    authorize(actor, 'incidents.report_on_behalf', {
      orgUnitPath: reporter.kind === 'employee' ? reporter.path : null,
      partyId: reporter.kind === 'elected_official' ? reporter.partyId : null,
    });
  }
  return reporter;
}

type Reporter = Awaited<ReturnType<typeof reporterOf>>;

/**
 * Where a report belongs: the unit it names, else the site's unit, else the reporter's own unit;
 * an elected official's report also belongs to their party, so the party office sees it.
 */
async function placeOf(db: Db, actor: Actor, reporter: Reporter, report: IncidentReport) {
  let siteUnitId: string | null = null;
  if (report.place.kind === 'site') {
    const site = await db
      .selectFrom('sites')
      .select('unitId')
      .where('tenantId', '=', actor.tenantId)
      .where('id', '=', report.place.siteId)
      .executeTakeFirst();
    if (!site) throw unknownReference('place.siteId');
    siteUnitId = site.unitId;
  }
  if (report.unitId) {
    const named = await db
      .selectFrom('orgUnits')
      .select('id')
      .where('tenantId', '=', actor.tenantId)
      .where('id', '=', report.unitId)
      .executeTakeFirst();
    if (!named) throw unknownReference('unitId');
  }
  const unitId = report.unitId ?? siteUnitId ?? reporter.unitId;
  const unit = unitId
    ? await db.selectFrom('orgUnits').select('path').where('id', '=', unitId).executeTakeFirst()
    : undefined;
  return {
    unitId,
    unitPath: unit?.path ?? null,
    partyId: reporter.kind === 'employee' ? null : reporter.partyId,
    isByElectedOfficial: reporter.kind === 'elected_official',
  };
}

/**
 * Files a report from the signed-in person and tells those the routing rules name; the caller's
 * transaction holds the report, its notifications and its audit entry together.
 */
export async function reportIncident(
  db: Db,
  jobs: JobQueue,
  reminderWorkingDays: number,
  actor: Actor,
  context: AuditContext,
  report: IncidentReport,
) {
  const reporter = await reporterOf(db, actor, report);
  const isOnBehalf = reporter.id !== actor.personId;
  const { unitId, unitPath, partyId, isByElectedOfficial } = await placeOf(db, actor, reporter, report);
  const serious = isSerious(report);
  const { consequences, policeReport, crisisSupport } = report;
  const row = await db
    .insertInto('incidents')
    .values({
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
    .returning('id')
    .executeTakeFirstOrThrow();
  if (report.personOfConcern) {
    await db
      .insertInto('incidentPersonsOfConcern')
      .values({ incidentId: row.id, tenantId: actor.tenantId, ...report.personOfConcern })
      .execute();
  }
  await db
    .insertInto('incidentEvents')
    .values({
      tenantId: actor.tenantId,
      incidentId: row.id,
      actorPersonId: actor.personId,
      kind: 'reported',
      toStatus: 'reported',
    })
    .execute();
  const recipients = await findRoleHolders(
    db,
    actor.tenantId,
    recipientRolesOfReport({ isByElectedOfficial, isSerious: serious }),
    {
      orgUnitPath: unitPath,
      partyId,
    },
  );
  await notify(
    db,
    jobs,
    actor.tenantId,
    recipients.filter((personId) => personId !== actor.personId && personId !== reporter.id),
    { kind: 'incident_reported', incidentId: row.id, isSerious: serious },
  );
  if (isOnBehalf) {
    await notify(db, jobs, actor.tenantId, [reporter.id], {
      kind: 'incident_reported_on_behalf',
      incidentId: row.id,
      isSerious: serious,
    });
  }
  await scheduleAcknowledgementReminder(
    db,
    jobs,
    { tenantId: actor.tenantId, incidentId: row.id },
    reminderWorkingDays,
  );
  await recordAudit(db, context, {
    action: 'incident.report',
    resourceType: 'incident',
    resourceId: row.id,
    details: {
      hasPersonOfConcern: report.personOfConcern !== null,
      ...(isOnBehalf ? { onBehalfOfPersonId: reporter.id } : {}),
    },
  });
  return row.id;
}
