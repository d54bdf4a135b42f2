import {
  type IncidentReport,
  isSerious,
  recipientRolesOfReport,
  requiresWorkEnvironmentAuthorityNotice,
  requiresWorkInjuryReport,
} from '@varn/domain';
import type { Actor } from '../access/authorize.ts';
import { findRoleHolders } from '../access/role-holders.ts';
import { type AuditContext, recordAudit } from '../audit/audit-log.ts';
import { notify } from '../notifications/notify.ts';
import { AppError, fieldError } from '../platform/app-error.ts';
import type { Db } from '../platform/database.ts';
import type { JobQueue } from '../platform/jobs.ts';
import { scheduleAcknowledgementReminder } from './reminders.ts';

const unknownReference = (path: string) =>
  new AppError('validation_failed', { errors: [fieldError(path, 'unknown_reference', 'Not found', 'Hittades inte')] });

/**
 * Where a report belongs: the unit it names, else the site's unit, else the reporter's own unit;
 * an elected official's report also belongs to their party, so the party office sees it.
 */
async function placeOf(db: Db, actor: Actor, report: IncidentReport) {
  const reporter = await db
    .selectFrom('people')
    .select(['unitId', 'partyId', 'kind'])
    .where('tenantId', '=', actor.tenantId)
    .where('id', '=', actor.personId)
    .executeTakeFirstOrThrow();
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
  const { unitId, unitPath, partyId, isByElectedOfficial } = await placeOf(db, actor, report);
  const serious = isSerious(report);
  const { consequences, policeReport, crisisSupport } = report;
  const row = await db
    .insertInto('incidents')
    .values({
      tenantId: actor.tenantId,
      reporterPersonId: actor.personId,
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
    recipients.filter((personId) => personId !== actor.personId),
    { kind: 'incident_reported', incidentId: row.id, isSerious: serious },
  );
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
    details: { hasPersonOfConcern: report.personOfConcern !== null },
  });
  return row.id;
}
