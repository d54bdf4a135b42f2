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

// Bits of GROUPING(month, unit, context): 1 where the set does not group by that column.
const groupingSets = { byMonth: 0b011, byUnit: 0b101, byContext: 0b110, total: 0b111 } as const;

const isLinked = (column: 'concern.gangCrimeLink' | 'concern.violentExtremismLink') =>
  sql<boolean>`coalesce(${sql.ref(column)} IN ('suspected', 'confirmed'), false)`;
const countWhere = (condition: RawBuilder<unknown>) => sql<number>`(count(*) FILTER (WHERE ${condition}))::int`;

/**
 * The statistics of the incidents in the actor's `incidents.statistics` scope (optionally one
 * organisation subtree and one kind) that occurred in the period. The scoped rows are read once into
 * a materialised CTE of a few narrow columns; one aggregate over it groups by month, unit and context
 * at once (GROUPING SETS) and counts types, police reports and person-of-concern links on the way,
 * and an init plan over the same rows takes the median time to acknowledgement. Person-of-concern
 * counts below five are withheld from readers without need-to-know over the whole of what is counted.
 */
export async function getIncidentStatistics(
  db: Db,
  actor: Actor,
  query: IncidentStatisticsQuery,
  now = new Date(),
): Promise<IncidentStatistics> {
  const period = statisticsPeriod(query, now);
  const unitPath = query.unitId ? await findUnitPath(db, actor, query.unitId) : null;
  const groups = await statisticsQuery(db, actor, period, unitPath, query.kind).execute();

  const total = groups.find((row) => row.groupingSet === groupingSets.total);
  const totalCount = total?.count ?? 0;
  const policeReportMade = total?.policeReportMade ?? 0;
  const countsOf = (set: number, key: (row: (typeof groups)[number]) => string | null) =>
    new Map(groups.filter((row) => row.groupingSet === set).map((row) => [key(row), row.count]));
  const byMonth = countsOf(groupingSets.byMonth, (row) => row.month);
  const byContext = countsOf(groupingSets.byContext, (row) => row.context);
  const isExact = hasNeedToKnow(actor, unitPath);
  return {
    from: period.from,
    to: period.to,
    total: totalCount,
    byMonth: period.months.map((month) => ({ month, count: byMonth.get(month) ?? 0 })),
    byType: incidentTypes.map((type, index) => ({ type, count: total?.typeCounts[index] ?? 0 })),
    byContext: incidentContexts.map((context) => ({ context, count: byContext.get(context) ?? 0 })),
    byUnit: groups
      .filter((row) => row.groupingSet === groupingSets.byUnit)
      .map((row) => ({ unitId: row.unitId, name: row.unitName, count: row.count }))
      .sort((a, b) => b.count - a.count || (a.name ?? '').localeCompare(b.name ?? '', 'sv')),
    policeReportMade,
    policeReportShare: totalCount > 0 ? policeReportMade / totalCount : null,
    medianDaysToAcknowledgement:
      total?.medianDays === null || total?.medianDays === undefined
        ? null
        : Math.round(Number(total.medianDays) * 10) / 10,
    acknowledgedCount: total?.acknowledged ?? 0,
    gangCrimeLink: protectCount(total?.gangCrimeLink ?? 0, isExact),
    violentExtremismLink: protectCount(total?.violentExtremismLink ?? 0, isExact),
  };
}

/** The one statistics query (exported for the benchmark's EXPLAIN). */
export function statisticsQuery(
  db: Db,
  actor: Actor,
  period: { startsAt: Date; endsBefore: Date },
  unitPath: string | null,
  kind: IncidentStatisticsQuery['kind'],
) {
  const counted = scopedIncidents(db, actor, period, unitPath, kind).select([
    sql<string>`to_char(${sql.ref('incident.occurredAt')} AT TIME ZONE 'Europe/Stockholm', 'YYYY-MM')`.as('month'),
    'incident.unitId',
    'unit.name as unitName',
    'incident.context',
    'incident.types',
    sql<boolean>`${sql.ref('incident.policeReportStatus')} IS NOT DISTINCT FROM 'made'`.as('isPoliceReportMade'),
    isLinked('concern.gangCrimeLink').as('hasGangCrimeLink'),
    isLinked('concern.violentExtremismLink').as('hasViolentExtremismLink'),
    sql<
      number | null
    >`extract(epoch FROM ${sql.ref('incident.acknowledgedAt')} - ${sql.ref('incident.createdAt')}) / 86400`.as(
      'daysToAcknowledgement',
    ),
  ]);
  return db
    .with(
      (cte) => cte('counted').materialized(),
      () => counted,
    )
    .selectFrom('counted')
    .select(({ ref }) => [
      sql<number>`GROUPING(${ref('month')}, ${ref('unitId')}, ${ref('context')})::int`.as('groupingSet'),
      'month',
      'unitId',
      sql<string | null>`max(${ref('unitName')})`.as('unitName'),
      'context',
      sql<number>`count(*)::int`.as('count'),
      countWhere(sql`${ref('isPoliceReportMade')}`).as('policeReportMade'),
      countWhere(sql`${ref('hasGangCrimeLink')}`).as('gangCrimeLink'),
      countWhere(sql`${ref('hasViolentExtremismLink')}`).as('violentExtremismLink'),
      sql<number>`count(${ref('daysToAcknowledgement')})::int`.as('acknowledged'),
      // Uncorrelated: PostgreSQL runs it once, as an init plan over the materialised rows.
      sql<number | null>`(SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY days_to_acknowledgement) FROM counted)`.as(
        'medianDays',
      ),
      // One count per type, in the domain's order of `incidentTypes`.
      sql<
        number[]
      >`ARRAY[${sql.join(incidentTypes.map((type) => countWhere(sql`${sql.lit(type)} = ANY(${ref('types')})`)))}]`.as(
        'typeCounts',
      ),
    ])
    .groupBy(sql`GROUPING SETS ((${sql.ref('month')}), (${sql.ref('unitId')}), (${sql.ref('context')}), ())`);
}

/** The incidents counted: the actor's tenant and statistics scope, the period, the unit subtree, the kind. */
function scopedIncidents(
  db: Db,
  actor: Actor,
  period: { startsAt: Date; endsBefore: Date },
  unitPath: string | null,
  kind: IncidentStatisticsQuery['kind'],
) {
  let query = db
    .selectFrom('incidents as incident')
    .leftJoin('orgUnits as unit', 'unit.id', 'incident.unitId')
    .leftJoin('incidentPersonsOfConcern as concern', 'concern.incidentId', 'incident.id')
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
