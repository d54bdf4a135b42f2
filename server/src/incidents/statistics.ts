import {
  type IncidentStatistics,
  type IncidentStatisticsQuery,
  incidentContexts,
  incidentTypes,
  protectCount,
  statisticsPeriod,
} from '@varn/domain';
import { type Expression, type RawBuilder, sql } from 'kysely';
import { type Actor, isInScope, isScopeWithin, scopeCondition, scopeOf } from '../access/authorize.ts';
import { AppError } from '../platform/app-error.ts';
import type { Db } from '../platform/database.ts';

type Period = ReturnType<typeof statisticsPeriod>;

// Bits of GROUPING(unit, context, types): 1 where a set does not group by that column; the month
// set groups by none of them.
const groupingSets = { byMonth: 0b111, byUnit: 0b011, byContext: 0b101, byTypes: 0b110 } as const;

const isLinked = (column: 'concern.gangCrimeLink' | 'concern.violentExtremismLink') =>
  sql<boolean>`${sql.ref(column)} IN ('suspected', 'confirmed')`;
const countWhere = (condition: RawBuilder<unknown>) => sql<number>`(count(*) FILTER (WHERE ${condition}))::int`;

/**
 * The statistics of the incidents in the actor's `incidents.statistics` scope (optionally one
 * organisation subtree and one kind) that occurred in the period, in two statements over the same
 * scoped rows: the totals (one row) and the counts by month, unit, context and types (GROUPING SETS).
 * Person-of-concern counts below five are withheld from readers without need-to-know over the whole
 * of what is counted.
 */
export async function getIncidentStatistics(
  db: Db,
  actor: Actor,
  query: IncidentStatisticsQuery,
  now = new Date(),
): Promise<IncidentStatistics> {
  const period = statisticsPeriod(query, now);
  const unitPath = query.unitId ? await findUnitPath(db, actor, query.unitId) : null;
  const [totals, groups] = await Promise.all([
    totalsQuery(db, actor, period, unitPath, query.kind).executeTakeFirstOrThrow(),
    groupsQuery(db, actor, period, unitPath, query.kind).execute(),
  ]);

  const countsOf = <Key>(set: number, key: (row: (typeof groups)[number]) => Key) =>
    new Map(groups.filter((row) => row.groupingSet === set).map((row) => [key(row), row.count]));
  const byMonth = countsOf(groupingSets.byMonth, (row) => row.monthIndex);
  const byContext = countsOf(groupingSets.byContext, (row) => row.context);
  const isExact = hasNeedToKnow(actor, unitPath);
  return {
    from: period.from,
    to: period.to,
    total: totals.total,
    // width_bucket counts from 1.
    byMonth: period.months.map((month, index) => ({ month, count: byMonth.get(index + 1) ?? 0 })),
    byType: countByType(groups.filter((row) => row.groupingSet === groupingSets.byTypes)),
    byContext: incidentContexts.map((context) => ({ context, count: byContext.get(context) ?? 0 })),
    byUnit: groups
      .filter((row) => row.groupingSet === groupingSets.byUnit)
      .map((row) => ({ unitId: row.unitId, name: row.unitName, count: row.count }))
      .sort((a, b) => b.count - a.count || (a.name ?? '').localeCompare(b.name ?? '', 'sv')),
    policeReportMade: totals.policeReportMade,
    policeReportShare: totals.total > 0 ? totals.policeReportMade / totals.total : null,
    medianDaysToAcknowledgement: totals.medianDays === null ? null : Math.round(Number(totals.medianDays) * 10) / 10,
    acknowledgedCount: totals.acknowledged,
    gangCrimeLink: protectCount(totals.gangCrimeLink, isExact),
    violentExtremismLink: protectCount(totals.violentExtremismLink, isExact),
  };
}

/**
 * Per type, from the counts per combination of types: an incident of several types counts under
 * each of them.
 */
function countByType(combinations: readonly { types: string[] | null; count: number }[]) {
  return incidentTypes.map((type) => ({
    type,
    count: combinations.reduce((sum, row) => sum + (row.types?.includes(type) ? row.count : 0), 0),
  }));
}

/**
 * One row: the total, police reports, person-of-concern links and the median days from the report
 * to its acknowledgement (ordered as intervals: cheaper than a number computed per row).
 */
export function totalsQuery(
  db: Db,
  actor: Actor,
  period: Period,
  unitPath: string | null,
  kind: IncidentStatisticsQuery['kind'],
) {
  return scopedIncidents(db, actor, period, unitPath, kind)
    .leftJoin('incidentPersonsOfConcern as concern', 'concern.incidentId', 'incident.id')
    .select(({ ref }) => [
      sql<number>`count(*)::int`.as('total'),
      countWhere(sql`${ref('incident.policeReportStatus')} = 'made'`).as('policeReportMade'),
      countWhere(isLinked('concern.gangCrimeLink')).as('gangCrimeLink'),
      countWhere(isLinked('concern.violentExtremismLink')).as('violentExtremismLink'),
      sql<number>`count(${ref('incident.acknowledgedAt')})::int`.as('acknowledged'),
      sql<number | null>`extract(epoch FROM percentile_cont(0.5) WITHIN GROUP (ORDER BY ${ref(
        'incident.acknowledgedAt',
      )} - ${ref('incident.createdAt')})) / 86400`.as('medianDays'),
    ]);
}

/**
 * Counts by month, unit, context and combination of types in one pass (hash aggregates only). The
 * month is the Stockholm month's number in the period, found by width_bucket among the months' start
 * instants: cheaper per row than converting each timestamp to Stockholm time. It is computed in a
 * subquery so that GROUP BY names the column: the SQL text stays the same whatever the period (one
 * prepared statement).
 */
export function groupsQuery(
  db: Db,
  actor: Actor,
  period: Period,
  unitPath: string | null,
  kind: IncidentStatisticsQuery['kind'],
) {
  const monthStarts = period.monthStarts.map((start) => start.toISOString());
  const counted = scopedIncidents(db, actor, period, unitPath, kind)
    .select(({ ref }) => [
      sql<number>`width_bucket(${ref('incident.occurredAt')}, ${monthStarts}::timestamptz[])`.as('monthIndex'),
      'incident.unitId',
      'unit.name as unitName',
      'incident.context',
      'incident.types',
    ])
    .as('counted');
  return db
    .selectFrom(counted)
    .select(({ ref }) => [
      sql<number>`GROUPING(${ref('counted.unitId')}, ${ref('counted.context')}, ${ref('counted.types')})::int`.as(
        'groupingSet',
      ),
      'counted.monthIndex',
      'counted.unitId',
      sql<string | null>`max(${ref('counted.unitName')})`.as('unitName'),
      'counted.context',
      'counted.types',
      sql<number>`count(*)::int`.as('count'),
    ])
    .groupBy(
      sql`GROUPING SETS ((${sql.ref('counted.monthIndex')}), (${sql.ref('counted.unitId')}), (${sql.ref(
        'counted.context',
      )}), (${sql.ref('counted.types')}))`,
    );
}

/** The incidents counted: the actor's tenant and statistics scope, the period, the unit subtree, the kind. */
function scopedIncidents(
  db: Db,
  actor: Actor,
  period: Period,
  unitPath: string | null,
  kind: IncidentStatisticsQuery['kind'],
) {
  let query = db
    .selectFrom('incidents as incident')
    .leftJoin('orgUnits as unit', 'unit.id', 'incident.unitId')
    .where('incident.tenantId', '=', actor.tenantId)
    .where('incident.occurredAt', '>=', period.startsAt)
    .where('incident.occurredAt', '<', period.endsBefore)
    .where((builder) =>
      scopeCondition(actor, 'incidents.statistics', builder, {
        orgUnitPath: builder.ref('unit.path') as Expression<string | null>,
        partyId: builder.ref('incident.partyId'),
      }),
    );
  if (unitPath) query = query.where('unit.path', 'like', `${unitPath}%`);
  if (kind) query = query.where('incident.kind', '=', kind);
  return query;
}

/** The unit's materialised path; a unit of another tenant answers 404 like a missing one. */
async function findUnitPath(db: Db, actor: Actor, unitId: string): Promise<string> {
  const unit = await db
    .selectFrom('orgUnits')
    .select('path')
    .where('tenantId', '=', actor.tenantId)
    .where('id', '=', unitId)
    .executeTakeFirst();
  if (!unit) throw new AppError('not_found');
  return unit.path;
}

/**
 * Whether the actor may see exact person-of-concern counts: need-to-know over everything counted,
 * i.e. over the unit subtree asked for, or else over the whole statistics scope.
 */
function hasNeedToKnow(actor: Actor, unitPath: string | null): boolean {
  const needToKnow = scopeOf(actor, 'incidents.read_person_of_concern');
  if (unitPath) return isInScope(actor, needToKnow, { orgUnitPath: unitPath });
  return isScopeWithin(scopeOf(actor, 'incidents.statistics'), needToKnow);
}
