import {
  type Incident,
  type IncidentFilter,
  type IncidentSummary,
  type MeasureStatus,
  type PageQuery,
  stockholmDayEnd,
  stockholmDayStart,
} from '@varn/domain';
import { type Selectable, sql } from 'kysely';
import {
  type Actor,
  can,
  isInScope,
  type Scope,
  scopeCondition,
  scopeConditionOf,
  scopeOf,
  scopeParts,
} from '../access/authorize.ts';
import { type AuditContext, recordAudit } from '../audit/audit-log.ts';
import { AppError } from '../platform/app-error.ts';
import { decodeCursor, toPage } from '../platform/cursor.ts';
import type { Db } from '../platform/database.ts';
import { findAttachments, mayAddAttachments } from './attachment-metadata.ts';
import type { IncidentTable } from './tables.ts';

type IncidentRow = Selectable<IncidentTable> & { unitPath: string | null };

/** The incidents in the actor's read scope, or in one part of it (see `findIncidents`). */
function selectIncidents(db: Db, actor: Actor, scope: Scope = scopeOf(actor, 'incidents.read')) {
  return db
    .selectFrom('incidents as incident')
    .leftJoin('orgUnits as unit', 'unit.id', 'incident.unitId')
    .where('incident.tenantId', '=', actor.tenantId)
    .where((builder) =>
      scopeConditionOf(actor, scope, builder, {
        orgUnitPath: builder.ref('unit.path'),
        partyId: builder.ref('incident.partyId'),
        personId: builder.ref('incident.reporterPersonId'),
      }),
    );
}

type IncidentQuery = ReturnType<typeof selectIncidents>;

/**
 * The link filters read person-of-concern data, so they are refused (403) to an actor without
 * need-to-know anywhere, and for the others they only ever match incidents inside the scope where
 * the actor may read the person of concern: no count or row can reveal a link the actor may not see.
 */
function whereConcernLinks(actor: Actor, query: IncidentQuery, filter: IncidentFilter): IncidentQuery {
  const { gangCrimeLink, violentExtremismLink } = filter;
  if (!gangCrimeLink && !violentExtremismLink) return query;
  if (!can(actor, 'incidents.read_person_of_concern')) throw new AppError('forbidden');
  return query
    .where((builder) =>
      scopeCondition(actor, 'incidents.read_person_of_concern', builder, {
        orgUnitPath: builder.ref('unit.path'),
        partyId: builder.ref('incident.partyId'),
      }),
    )
    .where((builder) =>
      builder.exists(
        builder
          .selectFrom('incidentPersonsOfConcern as concern')
          .select('concern.incidentId')
          .whereRef('concern.incidentId', '=', 'incident.id')
          .$if(gangCrimeLink !== undefined, (inner) =>
            inner.where('concern.gangCrimeLink', '=', gangCrimeLink ?? 'unknown'),
          )
          .$if(violentExtremismLink !== undefined, (inner) =>
            inner.where('concern.violentExtremismLink', '=', violentExtremismLink ?? 'unknown'),
          ),
      ),
    );
}

/** The path of the filter's unit; null for an unknown unit, which then lists nothing. */
async function unitPathOf(db: Db, actor: Actor, unitId: string): Promise<string | null> {
  const unit = await db
    .selectFrom('orgUnits')
    .select('path')
    .where('tenantId', '=', actor.tenantId)
    .where('id', '=', unitId)
    .executeTakeFirst();
  return unit?.path ?? null;
}

/** The unit filter takes the unit and its subtree: one prefix match on the materialised path. */
function whereUnit(query: IncidentQuery, unitPath: string | null): IncidentQuery {
  if (unitPath === null) return query.where(sql.lit(false));
  return query.where('unit.path', 'like', `${unitPath.replace(/[\\%_]/g, (character) => `\\${character}`)}%`);
}

/**
 * The list's filters, shared by the list and its export: one query for each of `scopes` (by default
 * the actor's whole read scope). `from` and `to` are Stockholm calendar days, both included: an
 * incident at 23:30 Stockholm time on the `to` date is in.
 */
export async function filterIncidents(
  db: Db,
  actor: Actor,
  filter: IncidentFilter,
  scopes: readonly Scope[] = [scopeOf(actor, 'incidents.read')],
): Promise<IncidentQuery[]> {
  const asksForLinks = filter.gangCrimeLink !== undefined || filter.violentExtremismLink !== undefined;
  if (asksForLinks && !can(actor, 'incidents.read_person_of_concern')) throw new AppError('forbidden');
  const unitPath = filter.unitId ? await unitPathOf(db, actor, filter.unitId) : undefined;
  return scopes.map((scope) =>
    withFilters(whereConcernLinks(actor, selectIncidents(db, actor, scope), filter), filter, unitPath),
  );
}

function withFilters(base: IncidentQuery, filter: IncidentFilter, unitPath: string | null | undefined): IncidentQuery {
  let query = base;
  if (unitPath !== undefined) query = whereUnit(query, unitPath);
  if (filter.kind) query = query.where('incident.kind', '=', filter.kind);
  if (filter.type) query = query.where(sql<boolean>`${filter.type} = ANY(${sql.ref('incident.types')})`);
  if (filter.status) query = query.where('incident.status', '=', filter.status);
  if (filter.isSerious !== undefined) query = query.where('incident.isSerious', '=', filter.isSerious);
  if (filter.policeReport === 'none') query = query.where('incident.policeReportStatus', 'is', null);
  else if (filter.policeReport) query = query.where('incident.policeReportStatus', '=', filter.policeReport);
  if (filter.from) query = query.where('incident.occurredAt', '>=', stockholmDayStart(filter.from));
  if (filter.to) query = query.where('incident.occurredAt', '<', stockholmDayEnd(filter.to));
  return query;
}

/** Keyset condition: the rows after a (occurredAt, id) key in the list's newest-first order. */
export function after(query: IncidentQuery, key: readonly [string, string]): IncidentQuery {
  return query.where((builder) =>
    builder(builder.refTuple('incident.occurredAt', 'incident.id'), '<', builder.tuple(new Date(key[0]), key[1])),
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

/**
 * A page of the incidents the actor may read, newest first. Each part of the read scope (a subtree,
 * the parties, one's own reports) is paged on its own index and the parts are merged: one query
 * with the parts OR-ed together can use no index on a large table and scans it whole.
 */
export async function findIncidents(db: Db, actor: Actor, filter: IncidentFilter, page: PageQuery) {
  const key = page.after ? (decodeCursor(page.after, 2) as [string, string]) : null;
  const branches = (await filterIncidents(db, actor, filter, scopeParts(scopeOf(actor, 'incidents.read')))).map(
    (branch) =>
      (key ? after(branch, key) : branch)
        .selectAll('incident')
        .orderBy('incident.occurredAt', 'desc')
        .orderBy('incident.id', 'desc')
        .limit(page.limit + 1),
  );
  const [first, ...others] = branches;
  if (!first) return { items: [], nextCursor: null };
  const merged = others.reduce(
    (union, branch, index) => union.union(db.selectFrom(branch.as(`part${index + 1}`)).selectAll()),
    db.selectFrom(first.as('part0')).selectAll(),
  );
  const rows =
    others.length === 0
      ? await first.execute()
      : await db
          .selectFrom(merged.as('page'))
          .selectAll()
          .orderBy('page.occurredAt', 'desc')
          .orderBy('page.id', 'desc')
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
  const reporter = await nameOf(db, row.reporterPersonId);
  const registeredBy = row.registeredByPersonId ? await nameOf(db, row.registeredByPersonId) : null;
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
    reporter: { personId: row.reporterPersonId, name: reporter },
    registeredBy:
      row.registeredByPersonId && registeredBy ? { personId: row.registeredByPersonId, name: registeredBy } : null,
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

async function nameOf(db: Db, personId: string): Promise<string> {
  const person = await db
    .selectFrom('people')
    .select(['givenName', 'familyName'])
    .where('id', '=', personId)
    .executeTakeFirstOrThrow();
  return `${person.givenName} ${person.familyName}`;
}
