import type { Incident, IncidentFilter, IncidentSummary, MeasureStatus, PageQuery } from '@varn/domain';
import { type Selectable, sql } from 'kysely';
import { type Actor, isInScope, scopeCondition, scopeOf } from '../access/authorize.ts';
import { type AuditContext, recordAudit } from '../audit/audit-log.ts';
import { AppError } from '../platform/app-error.ts';
import { decodeCursor, toPage } from '../platform/cursor.ts';
import type { Db } from '../platform/database.ts';
import { findAttachments, mayAddAttachments } from './attachment-metadata.ts';
import type { IncidentTable } from './tables.ts';

type IncidentRow = Selectable<IncidentTable> & { unitPath: string | null };

function selectIncidents(db: Db, actor: Actor) {
  return db
    .selectFrom('incidents as incident')
    .leftJoin('orgUnits as unit', 'unit.id', 'incident.unitId')
    .where('incident.tenantId', '=', actor.tenantId)
    .where((builder) =>
      scopeCondition(actor, 'incidents.read', builder, {
        orgUnitPath: builder.ref('unit.path'),
        partyId: builder.ref('incident.partyId'),
        personId: builder.ref('incident.reporterPersonId'),
      }),
    );
}

function presentSummary(row: Omit<IncidentRow, 'unitPath'>): IncidentSummary {
  return {
    id: row.id,
    kind: row.kind,
    types: row.types as IncidentSummary['types'],
    occurredAt: new Date(row.occurredAt).toISOString(),
    context: row.context as IncidentSummary['context'],
    unitId: row.unitId,
    partyId: row.partyId,
    status: row.status,
    isSerious: row.isSerious,
    policeReportStatus: row.policeReportStatus as IncidentSummary['policeReportStatus'],
  };
}

/** A page of the incidents the actor may read, newest first. */
export async function findIncidents(db: Db, actor: Actor, filter: IncidentFilter, page: PageQuery) {
  let query = selectIncidents(db, actor).selectAll('incident');
  if (filter.unitId) query = query.where('incident.unitId', '=', filter.unitId);
  if (filter.kind) query = query.where('incident.kind', '=', filter.kind);
  if (filter.type) query = query.where(sql<boolean>`${filter.type} = ANY(${sql.ref('incident.types')})`);
  if (filter.status) query = query.where('incident.status', '=', filter.status);
  if (filter.isSerious !== undefined) query = query.where('incident.isSerious', '=', filter.isSerious);
  if (filter.from) query = query.where('incident.occurredAt', '>=', new Date(`${filter.from}T00:00:00Z`));
  if (filter.to)
    query = query.where('incident.occurredAt', '<', new Date(Date.parse(`${filter.to}T00:00:00Z`) + 86_400_000));
  if (page.after) {
    const [occurredAt, id] = decodeCursor(page.after, 2) as [string, string];
    query = query.where((builder) =>
      builder(builder.refTuple('incident.occurredAt', 'incident.id'), '<', builder.tuple(new Date(occurredAt), id)),
    );
  }
  const rows = await query
    .orderBy('incident.occurredAt', 'desc')
    .orderBy('incident.id', 'desc')
    .limit(page.limit + 1)
    .execute();
  return toPage(rows, page.limit, presentSummary, (row) => [new Date(row.occurredAt).toISOString(), row.id]);
}

/** The incident row in the actor's read scope, or not_found. */
export async function getIncidentRow(db: Db, actor: Actor, id: string): Promise<IncidentRow> {
  const row = await selectIncidents(db, actor)
    .selectAll('incident')
    .select('unit.path as unitPath')
    .where('incident.id', '=', id)
    .executeTakeFirst();
  if (!row) throw new AppError('not_found');
  return row;
}

/**
 * One incident with its timeline. The person of concern is shown only to roles with need-to-know
 * whose scope reaches the incident, and each such read is audited.
 */
export async function getIncident(db: Db, actor: Actor, context: AuditContext, id: string): Promise<Incident> {
  const row = await getIncidentRow(db, actor, id);
  const mayReadConcern = isInScope(actor, scopeOf(actor, 'incidents.read_person_of_concern'), {
    orgUnitPath: row.unitPath,
    partyId: row.partyId,
  });
  const concern = await db
    .selectFrom('incidentPersonsOfConcern')
    .selectAll()
    .where('incidentId', '=', id)
    .executeTakeFirst();
  if (concern && mayReadConcern) {
    await recordAudit(db, context, {
      action: 'incident.person_of_concern.read',
      resourceType: 'incident',
      resourceId: id,
    });
  }
  const reporter = await db
    .selectFrom('people')
    .select(['givenName', 'familyName'])
    .where('id', '=', row.reporterPersonId)
    .executeTakeFirstOrThrow();
  const events = await db
    .selectFrom('incidentEvents as event')
    .leftJoin('people as person', 'person.id', 'event.actorPersonId')
    .select([
      'event.occurredAt',
      'event.kind',
      'event.fromStatus',
      'event.toStatus',
      'event.text',
      'event.fields',
      'event.measureStatus',
      'person.givenName',
      'person.familyName',
    ])
    .where('event.incidentId', '=', id)
    .orderBy('event.id')
    .execute();
  const followUp = await getFollowUp(db, id);
  return {
    ...presentSummary(row),
    reporter: { personId: row.reporterPersonId, name: `${reporter.givenName} ${reporter.familyName}` },
    place: row.siteId
      ? { kind: 'site', siteId: row.siteId }
      : { kind: 'free', description: row.placeDescription ?? '' },
    isOutsideWorkingHours: row.isOutsideWorkingHours,
    channel: row.channel as Incident['channel'],
    description: row.description,
    consequences: {
      physicalInjury: row.physicalInjury,
      psychologicalInjury: row.psychologicalInjury,
      injuryNeedingCare: row.injuryNeedingCare,
      sickLeaveDays: row.sickLeaveDays,
      propertyDamage: row.propertyDamage,
      death: row.death,
    },
    isReporterAffected: row.isReporterAffected,
    otherAffectedCount: row.otherAffectedCount,
    isWeaponInvolved: row.isWeaponInvolved,
    isThreatToLife: row.isThreatToLife,
    personOfConcern:
      concern && mayReadConcern
        ? {
            isKnown: concern.isKnown,
            relation: concern.relation as NonNullable<Incident['personOfConcern']>['relation'],
            gangCrimeLink: concern.gangCrimeLink,
            violentExtremismLink: concern.violentExtremismLink,
            description: concern.description,
          }
        : null,
    isPersonOfConcernWithheld: concern !== undefined && !mayReadConcern,
    policeReport: row.policeReportStatus
      ? {
          status: row.policeReportStatus as NonNullable<Incident['policeReport']>['status'],
          reportedBy: row.policeReportedBy as NonNullable<Incident['policeReport']>['reportedBy'],
          reportedOn: row.policeReportedOn,
          referenceNumber: row.policeReferenceNumber,
          reasonNotMade: row.policeReasonNotMade,
          isHelpOffered: row.isPoliceHelpOffered,
        }
      : null,
    crisisSupport: {
      status: row.crisisSupportStatus as Incident['crisisSupport']['status'],
      isOccupationalHealthContacted: row.isOccupationalHealthContacted,
    },
    requiresAuthorityNotice: row.requiresAuthorityNotice,
    requiresWorkInjuryReport: row.requiresWorkInjuryReport,
    ...followUp,
    timeline: events.map((event) => ({
      occurredAt: new Date(event.occurredAt).toISOString(),
      actorName: event.givenName ? `${event.givenName} ${event.familyName}` : null,
      kind: event.kind,
      fromStatus: event.fromStatus as Incident['status'] | null,
      toStatus: event.toStatus as Incident['status'] | null,
      fields: event.fields,
      measureStatus: event.measureStatus as MeasureStatus | null,
      text: event.text,
    })),
    attachments: await findAttachments(db, actor.tenantId, id),
    canAddAttachments: mayAddAttachments(actor, row),
  };
}

const fullName = (person: { givenName: string | null; familyName: string | null }) =>
  person.givenName ? `${person.givenName} ${person.familyName}` : null;

/** The investigation, the corrections beside the original report, and the notices made. */
async function getFollowUp(db: Db, id: string) {
  const investigation = await db
    .selectFrom('incidentInvestigations as investigation')
    .leftJoin('people as notifier', 'notifier.id', 'investigation.authorityNotifiedByPersonId')
    .leftJoin('people as injuryReporter', 'injuryReporter.id', 'investigation.workInjuryReportedByPersonId')
    .select([
      'investigation.causes',
      'investigation.courseAfter',
      'investigation.lessonsLearned',
      'investigation.authorityNoticeReference',
      'investigation.workInjuryReportReference',
      // As text: PGlite hands dates back as Date objects despite its parser, PostgreSQL as text.
      sql<string | null>`${sql.ref('investigation.authorityNotifiedOn')}::text`.as('authorityNotifiedOn'),
      sql<string | null>`${sql.ref('investigation.workInjuryReportedOn')}::text`.as('workInjuryReportedOn'),
      'notifier.givenName as notifierGivenName',
      'notifier.familyName as notifierFamilyName',
      'injuryReporter.givenName as injuryReporterGivenName',
      'injuryReporter.familyName as injuryReporterFamilyName',
    ])
    .where('investigation.incidentId', '=', id)
    .executeTakeFirst();
  const corrections = await db
    .selectFrom('incidentCorrections as correction')
    .leftJoin('people as author', 'author.id', 'correction.authorPersonId')
    .select(['correction.field', 'correction.text', 'correction.createdAt', 'author.givenName', 'author.familyName'])
    .where('correction.incidentId', '=', id)
    .orderBy('correction.id')
    .execute();
  return {
    investigation: {
      causes: investigation?.causes ?? '',
      courseAfter: investigation?.courseAfter ?? '',
      lessonsLearned: investigation?.lessonsLearned ?? '',
    },
    corrections: corrections.map((correction) => ({
      field: correction.field,
      text: correction.text,
      createdAt: new Date(correction.createdAt).toISOString(),
      authorName: fullName(correction),
    })),
    authorityNotice: investigation?.authorityNotifiedOn
      ? {
          doneOn: investigation.authorityNotifiedOn,
          byName: fullName({
            givenName: investigation.notifierGivenName,
            familyName: investigation.notifierFamilyName,
          }),
          reference: investigation.authorityNoticeReference,
        }
      : null,
    workInjuryReport: investigation?.workInjuryReportedOn
      ? {
          doneOn: investigation.workInjuryReportedOn,
          byName: fullName({
            givenName: investigation.injuryReporterGivenName,
            familyName: investigation.injuryReporterFamilyName,
          }),
          reference: investigation.workInjuryReportReference,
        }
      : null,
  };
}
