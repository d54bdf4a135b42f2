import {
  type Attachment,
  type CorrectableField,
  type Incident,
  type IncidentEventKind,
  type IncidentFilter,
  type IncidentSummary,
  type MeasureStatus,
  type PageQuery,
  stockholmDayEnd,
  stockholmDayStart,
} from '@varn/domain';
import { type Selectable, sql } from 'kysely';
import { LRUCache } from 'lru-cache';
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
import type { IncidentPersonOfConcernTable, IncidentTable } from './tables.ts';

type IncidentRow = Selectable<IncidentTable> & { unitPath: string | null };

/** The incidents in the actor's read scope, or in one part of it (see `findIncidents`). */
function selectIncidents(db: Db, actor: Actor, scope: Scope = scopeOf(actor, 'incidents.read')) {
  return (
    db
      .selectFrom('incidents as incident')
      // The tenant in the join as well (it holds anyway) lets a subtree's units be found on the
      // (tenant_id, path) index instead of a scan of every unit.
      .leftJoin('orgUnits as unit', (join) =>
        join.onRef('unit.id', '=', 'incident.unitId').on('unit.tenantId', '=', actor.tenantId),
      )
      .where('incident.tenantId', '=', actor.tenantId)
      .where((builder) =>
        scopeConditionOf(actor, scope, builder, {
          orgUnitPath: builder.ref('unit.path'),
          partyId: builder.ref('incident.partyId'),
          personId: builder.ref('incident.reporterPersonId'),
        }),
      )
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
  return query.where('unit.path', 'like', likePrefix(unitPath));
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

/** What a list row shows: the columns the list's indexes carry, so a page is read from an index alone. */
const summaryColumns = [
  'incident.id',
  'incident.kind',
  'incident.types',
  'incident.occurredAt',
  'incident.context',
  'incident.unitId',
  'incident.partyId',
  'incident.status',
  'incident.isSerious',
  'incident.policeReportStatus',
] as const;
type SummaryRow = Pick<
  IncidentRow,
  (typeof summaryColumns)[number] extends `incident.${infer Column}` ? Column : never
>;

function presentSummary(row: SummaryRow): IncidentSummary {
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
  const query = await listQuery(db, actor, filter, page);
  if (!query) return { items: [], nextCursor: null };
  const rows = await query.execute();
  return toPage(rows, page.limit, presentSummary, (row) => [new Date(row.occurredAt).toISOString(), row.id]);
}

/** The statement behind one page of `findIncidents`; null for an empty read scope. */
export async function listQuery(
  db: Db,
  actor: Actor,
  filter: IncidentFilter,
  page: Pick<PageQuery, 'limit' | 'after'>,
) {
  const key = page.after ? (decodeCursor(page.after, 2) as [string, string]) : null;
  const parts = scopeParts(scopeOf(actor, 'incidents.read'));
  const [filtered, smallSubtrees] = await Promise.all([
    filterIncidents(db, actor, filter, parts),
    Promise.all(parts.map((part) => smallSubtreeOf(db, actor.tenantId, part))),
  ]);
  const branches = filtered.map((branch, index) => {
    const paged = (key ? after(branch, key) : branch)
      .select(summaryColumns)
      .orderBy('incident.occurredAt', 'desc')
      .orderBy('incident.id', 'desc')
      .limit(page.limit + 1);
    const subtree = smallSubtrees[index];
    if (!subtree) return paged;
    // A small subtree: for each of its units the newest rows of that unit alone (the per-unit index
    // in order, at most one page), merged. One query text for every small subtree, whose generic
    // plan is as good as a custom one, so the named statement is planned once per connection; a large
    // subtree (an administration) keeps the plain statement, whose custom plan walks the time index.
    return (
      db
        .selectFrom('orgUnits as scopeUnit')
        .innerJoinLateral(paged.where('incident.unitId', '=', sql.ref<string>('scopeUnit.id')).as('incident'), (join) =>
          join.onTrue(),
        )
        .where('scopeUnit.tenantId', '=', actor.tenantId)
        .where('scopeUnit.path', 'like', likePrefix(subtree))
        // The same units as a range on org_units_tenant_path (text_pattern_ops), which, unlike the
        // LIKE of a parameter, a generic plan can use: paths end in '/', and '0' follows '/'.
        .where(({ ref }) => sql<boolean>`${ref('scopeUnit.path')} ~>=~ ${subtree}`)
        .where(({ ref }) => sql<boolean>`${ref('scopeUnit.path')} ~<~ ${`${subtree.slice(0, -1)}0`}`)
        .selectAll('incident')
        .orderBy('incident.occurredAt', 'desc')
        .orderBy('incident.id', 'desc')
        .limit(page.limit + 1)
    );
  });
  const [first, ...others] = branches;
  if (!first) return null;
  const merged = others.reduce(
    (union, branch, index) => union.union(db.selectFrom(branch.as(`part${index + 1}`)).selectAll()),
    db.selectFrom(first.as('part0')).selectAll(),
  );
  return db
    .selectFrom(merged.as('page'))
    .selectAll()
    .orderBy('page.occurredAt', 'desc')
    .orderBy('page.id', 'desc')
    .limit(page.limit + 1);
}

/** Up to this many units, a subtree's page is read unit by unit (see `listQuery`). */
const smallSubtreeUnits = 40;
const subtreeSizes = new LRUCache<string, number>({ max: 10_000, ttl: 60_000 });

/**
 * The path of a scope part that is one small subtree, else null. The sizes are cached per process
 * for a minute: a stale size can only choose the slower of two plans for the same rows, never other
 * rows (the scope condition is in the statement either way).
 */
async function smallSubtreeOf(db: Db, tenantId: string, part: Scope): Promise<string | null> {
  const [path] = part.orgUnitPaths;
  if (part.isTenantWide || part.orgUnitPaths.length !== 1 || !path?.endsWith('/')) return null;
  const cacheKey = `${tenantId} ${path}`;
  let units = subtreeSizes.get(cacheKey);
  if (units === undefined) {
    const counted = await db
      .selectFrom('orgUnits')
      .select(sql<number>`count(*)::int`.as('units'))
      .where('tenantId', '=', tenantId)
      .where('path', 'like', likePrefix(path))
      .executeTakeFirstOrThrow();
    units = counted.units;
    subtreeSizes.set(cacheKey, units);
  }
  return units <= smallSubtreeUnits ? path : null;
}

const likePrefix = (path: string) => `${path.replace(/[\\%_]/g, (character) => `\\${character}`)}%`;

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

/** Whether the actor may read the person of concern of this incident: need-to-know in its scope. */
export function mayReadPersonOfConcern(actor: Actor, row: Pick<IncidentRow, 'unitPath' | 'partyId'>): boolean {
  return isInScope(actor, scopeOf(actor, 'incidents.read_person_of_concern'), {
    orgUnitPath: row.unitPath,
    partyId: row.partyId,
  });
}

/**
 * One incident with its timeline. The person of concern is shown only to roles with need-to-know
 * whose scope reaches the incident, and each such read is audited.
 */
export async function getIncident(db: Db, actor: Actor, context: AuditContext, id: string): Promise<Incident> {
  const row = await getIncidentRow(db, actor, id);
  const mayReadConcern = mayReadPersonOfConcern(actor, row);
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
  const reporterName = await nameOf(db, row.reporterPersonId);
  const registeredByName = row.registeredByPersonId ? await nameOf(db, row.registeredByPersonId) : null;
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
  return presentIncident(actor, row, {
    concern: mayReadConcern ? (concern ?? null) : null,
    isConcernWithheld: concern !== undefined && !mayReadConcern,
    reporterName,
    registeredByName,
    events,
    followUp: await getFollowUp(db, id),
    attachments: await findAttachments(db, actor, row),
  });
}

/** What an incident is shown with besides its row; all of it read, or known, by the caller. */
export interface IncidentDetails {
  /** The person of concern when the actor may read it (and the read is audited by the caller). */
  concern: Omit<Selectable<IncidentPersonOfConcernTable>, 'incidentId' | 'tenantId'> | null;
  isConcernWithheld: boolean;
  reporterName: string;
  registeredByName: string | null;
  events: readonly {
    occurredAt: Date | string;
    kind: IncidentEventKind;
    fromStatus: string | null;
    toStatus: string | null;
    text: string;
    fields: string[];
    measureStatus: string | null;
    givenName: string | null;
    familyName: string | null;
  }[];
  followUp: ReturnType<typeof presentFollowUp>;
  attachments: Attachment[];
}

/** The incident as its reader sees it, from its row and details (no database access). */
export function presentIncident(actor: Actor, row: IncidentRow, details: IncidentDetails): Incident {
  const { concern, followUp } = details;
  return {
    ...presentSummary(row),
    reporter: { personId: row.reporterPersonId, name: details.reporterName },
    registeredBy:
      row.registeredByPersonId && details.registeredByName
        ? { personId: row.registeredByPersonId, name: details.registeredByName }
        : null,
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
    personOfConcern: concern
      ? {
          isKnown: concern.isKnown,
          relation: concern.relation as NonNullable<Incident['personOfConcern']>['relation'],
          gangCrimeLink: concern.gangCrimeLink,
          violentExtremismLink: concern.violentExtremismLink,
          description: concern.description,
        }
      : null,
    isPersonOfConcernWithheld: details.isConcernWithheld,
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
    timeline: details.events.map((event) => ({
      occurredAt: new Date(event.occurredAt).toISOString(),
      actorName: event.givenName ? `${event.givenName} ${event.familyName}` : null,
      kind: event.kind,
      fromStatus: event.fromStatus as Incident['status'] | null,
      toStatus: event.toStatus as Incident['status'] | null,
      fields: event.fields,
      measureStatus: event.measureStatus as MeasureStatus | null,
      text: event.text,
    })),
    attachments: details.attachments,
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
  return presentFollowUp(investigation, corrections);
}

/** The follow-up as shown; `presentFollowUp(undefined, [])` is that of a report just filed. */
export function presentFollowUp(
  investigation:
    | {
        causes: string;
        courseAfter: string;
        lessonsLearned: string;
        authorityNoticeReference: string | null;
        workInjuryReportReference: string | null;
        authorityNotifiedOn: string | null;
        workInjuryReportedOn: string | null;
        notifierGivenName: string | null;
        notifierFamilyName: string | null;
        injuryReporterGivenName: string | null;
        injuryReporterFamilyName: string | null;
      }
    | undefined,
  corrections: readonly {
    field: CorrectableField;
    text: string;
    createdAt: Date | string;
    givenName: string | null;
    familyName: string | null;
  }[],
) {
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
