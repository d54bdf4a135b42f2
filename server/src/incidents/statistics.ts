import {
  type IncidentStatistics,
  type IncidentStatisticsQuery,
  incidentContexts,
  incidentTypes,
  protectCount,
  splitStatisticsPeriod,
  statisticsPeriod,
} from '@varn/domain';
import { type Expression, expressionBuilder, type RawBuilder, sql } from 'kysely';
import { type Actor, isInScope, isScopeWithin, scopeCondition, scopeOf } from '../access/authorize.ts';
import { AppError } from '../platform/app-error.ts';
import type { Db } from '../platform/database.ts';
import type { Database } from '../platform/schema.ts';

type Period = ReturnType<typeof statisticsPeriod>;

// Bits of GROUPING(unit, context, types): 1 where a set does not group by that column; the month
// set groups by none of them.
const groupingSets = { byMonth: 0b111, byUnit: 0b011, byContext: 0b101, byTypes: 0b110 } as const;

const isLinked = (column: 'concern.gangCrimeLink' | 'concern.violentExtremismLink') =>
  sql<boolean>`${sql.ref(column)} IN ('suspected', 'confirmed')`;
const countWhere = (condition: RawBuilder<unknown>) => sql<number>`(count(*) FILTER (WHERE ${condition}))::int`;

/** What is counted, from either source, before it is presented. */
interface Tally {
  total: number;
  policeReportMade: number;
  gangCrimeLink: number;
  violentExtremismLink: number;
  acknowledged: number;
  /** By Stockholm month, 'YYYY-MM'. */
  byMonth: Map<string, number>;
  byUnit: Map<string | null, { name: string | null; count: number }>;
  byContext: Map<string, number>;
  byType: Map<string, number>;
  /** Acknowledged incidents by days from report to acknowledgement, in tenths of a day. */
  acknowledgementTenths: Map<number, number>;
}

/**
 * The statistics of the incidents in the actor's `incidents.statistics` scope (optionally one
 * organisation subtree and one kind) that occurred in the period. The period's whole Stockholm
 * months are read from the monthly rollup (`incident_statistics_months`, kept by triggers in the
 * transaction of every write: migration 0021), the days before and after them are counted from the
 * incidents; `source: 'incidents'` counts everything from the incidents (the reference the rollup
 * is tested against). Person-of-concern counts below five are withheld from readers without
 * need-to-know over the whole of what is counted.
 */
export async function getIncidentStatistics(
  db: Db,
  actor: Actor,
  query: IncidentStatisticsQuery,
  now = new Date(),
  source: 'rollup' | 'incidents' = 'rollup',
): Promise<IncidentStatistics> {
  const period = statisticsPeriod(query, now);
  const unitPath = query.unitId ? await findUnitPath(db, actor, query.unitId) : null;
  const { wholeMonths, partial } =
    source === 'rollup' ? splitStatisticsPeriod(period, now) : { wholeMonths: null, partial: [period] };
  const tallies = await Promise.all([
    ...(wholeMonths ? [tallyRollup(db, actor, wholeMonths, unitPath, query.kind)] : []),
    ...partial.map((part) => tallyIncidents(db, actor, statisticsPeriod(part, now), unitPath, query.kind)),
  ]);
  const tally = addTallies(tallies);
  const isExact = hasNeedToKnow(actor, unitPath);
  const median = medianOf(tally.acknowledgementTenths);
  return {
    from: period.from,
    to: period.to,
    total: tally.total,
    byMonth: period.months.map((month) => ({ month, count: tally.byMonth.get(month) ?? 0 })),
    byType: incidentTypes.map((type) => ({ type, count: tally.byType.get(type) ?? 0 })),
    byContext: incidentContexts.map((context) => ({ context, count: tally.byContext.get(context) ?? 0 })),
    byUnit: [...tally.byUnit]
      .filter(([, unit]) => unit.count > 0)
      .map(([unitId, unit]) => ({ unitId, name: unit.name, count: unit.count }))
      .sort((a, b) => b.count - a.count || (a.name ?? '').localeCompare(b.name ?? '', 'sv')),
    policeReportMade: tally.policeReportMade,
    policeReportShare: tally.total > 0 ? tally.policeReportMade / tally.total : null,
    medianDaysToAcknowledgement: median === null ? null : Math.round(median) / 10,
    acknowledgedCount: tally.acknowledged,
    gangCrimeLink: protectCount(tally.gangCrimeLink, isExact),
    violentExtremismLink: protectCount(tally.violentExtremismLink, isExact),
  };
}

function addTallies(tallies: readonly Tally[]): Tally {
  const sum: Tally = {
    total: 0,
    policeReportMade: 0,
    gangCrimeLink: 0,
    violentExtremismLink: 0,
    acknowledged: 0,
    byMonth: new Map(),
    byUnit: new Map(),
    byContext: new Map(),
    byType: new Map(),
    acknowledgementTenths: new Map(),
  };
  const addTo = <Key>(map: Map<Key, number>, key: Key, count: number) => map.set(key, (map.get(key) ?? 0) + count);
  for (const tally of tallies) {
    sum.total += tally.total;
    sum.policeReportMade += tally.policeReportMade;
    sum.gangCrimeLink += tally.gangCrimeLink;
    sum.violentExtremismLink += tally.violentExtremismLink;
    sum.acknowledged += tally.acknowledged;
    for (const [month, count] of tally.byMonth) addTo(sum.byMonth, month, count);
    for (const [context, count] of tally.byContext) addTo(sum.byContext, context, count);
    for (const [type, count] of tally.byType) addTo(sum.byType, type, count);
    for (const [tenths, count] of tally.acknowledgementTenths) addTo(sum.acknowledgementTenths, tenths, count);
    for (const [unitId, unit] of tally.byUnit) {
      const known = sum.byUnit.get(unitId);
      sum.byUnit.set(unitId, { name: known?.name ?? unit.name, count: (known?.count ?? 0) + unit.count });
    }
  }
  return sum;
}

/**
 * The median of a histogram, as percentile_cont(0.5) computes it: the middle value, or halfway
 * between the two middle values of an even count. Null for no values.
 */
export function medianOf(histogram: ReadonlyMap<number, number>): number | null {
  const values = [...histogram].filter(([, count]) => count > 0).sort(([a], [b]) => a - b);
  const count = values.reduce((sum, [, n]) => sum + n, 0);
  if (count === 0) return null;
  const valueAt = (position: number) => {
    let seen = 0;
    for (const [value, n] of values) {
      seen += n;
      if (position < seen) return value;
    }
    return values.at(-1)?.[0] ?? 0;
  };
  return (valueAt(Math.floor((count - 1) / 2)) + valueAt(Math.ceil((count - 1) / 2))) / 2;
}

/** The period's days outside whole months (or all of it), counted from the incidents: three statements. */
async function tallyIncidents(
  db: Db,
  actor: Actor,
  period: Period,
  unitPath: string | null,
  kind: IncidentStatisticsQuery['kind'],
): Promise<Tally> {
  const [totals, groups, acknowledgement] = await Promise.all([
    totalsQuery(db, actor, period, unitPath, kind).executeTakeFirstOrThrow(),
    groupsQuery(db, actor, period, unitPath, kind).execute(),
    acknowledgementQuery(db, actor, period, unitPath, kind).execute(),
  ]);
  const inSet = (set: number) => groups.filter((row) => row.groupingSet === set);
  return {
    ...totals,
    // width_bucket counts from 1.
    byMonth: new Map(inSet(groupingSets.byMonth).map((row) => [period.months[row.monthIndex - 1] ?? '', row.count])),
    byUnit: new Map(
      inSet(groupingSets.byUnit).map((row) => [row.unitId, { name: row.unitName, count: row.count }] as const),
    ),
    byContext: new Map(inSet(groupingSets.byContext).map((row) => [row.context ?? '', row.count])),
    byType: new Map(countByType(inSet(groupingSets.byTypes)).map((entry) => [entry.type, entry.count])),
    acknowledgementTenths: new Map(acknowledgement.map((row) => [row.tenths, row.count])),
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

/** One row: the total, police reports, person-of-concern links and the acknowledged. */
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
    ]);
}

/**
 * The acknowledged incidents by days from the report (`created_at`) to the acknowledgement, in
 * tenths of a day (the precision shown), as the rollup's histogram keeps them: the median is taken
 * from these rounded values whichever source counted them, so both give the same answer.
 */
export function acknowledgementQuery(
  db: Db,
  actor: Actor,
  period: Period,
  unitPath: string | null,
  kind: IncidentStatisticsQuery['kind'],
) {
  const tenths = sql<number>`incident_acknowledgement_tenths(${sql.ref('incident.acknowledgedAt')}, ${sql.ref(
    'incident.createdAt',
  )})`;
  return scopedIncidents(db, actor, period, unitPath, kind)
    .where('incident.acknowledgedAt', 'is not', null)
    .select([tenths.as('tenths'), sql<number>`count(*)::int`.as('count')])
    .groupBy(tenths);
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

const contextColumns = Object.fromEntries(incidentContexts.map((context) => [context, `context_${context}`])) as Record<
  (typeof incidentContexts)[number],
  string
>;
const typeColumns = Object.fromEntries(incidentTypes.map((type) => [type, `type_${type}`])) as Record<
  (typeof incidentTypes)[number],
  string
>;
// Null over no rows.
const sumOf = (column: string) => sql<number | null>`sum(${sql.ref(`rollup.${column}`)})::int`;

/** The rollup's rows in the actor's statistics scope, the whole months (first days), the subtree and kind. */
function rollupScope(
  actor: Actor,
  months: { first: string; last: string },
  unitPath: string | null,
  kind: IncidentStatisticsQuery['kind'],
) {
  const builder = expressionBuilder<Database, never>();
  const unitPathRef = sql.ref<string | null>('unit.path');
  return builder.and([
    sql<boolean>`${sql.ref('rollup.tenantId')} = ${actor.tenantId}`,
    sql<boolean>`${sql.ref('rollup.month')} BETWEEN ${months.first}::date AND ${months.last}::date`,
    scopeCondition(actor, 'incidents.statistics', builder, {
      orgUnitPath: unitPathRef,
      partyId: sql.ref<string | null>('rollup.partyId'),
    }),
    ...(unitPath ? [sql<boolean>`${unitPathRef} LIKE ${`${unitPath}%`}`] : []),
    ...(kind ? [sql<boolean>`${sql.ref('rollup.kind')} = ${kind}`] : []),
  ]);
}

/**
 * The period's whole months from the rollup: the sums over the scope, the totals by month and by
 * unit, and the acknowledgement histogram, three statements side by side; each reads one row per
 * unit, month and kind of the scope instead of every incident.
 */
async function tallyRollup(
  db: Db,
  actor: Actor,
  months: { first: string; last: string },
  unitPath: string | null,
  kind: IncidentStatisticsQuery['kind'],
): Promise<Tally> {
  const scope = rollupScope(actor, months, unitPath, kind);
  const scoped = () =>
    db
      .selectFrom('incidentStatisticsMonths as rollup')
      .leftJoin('orgUnits as unit', (join) =>
        join.onRef('unit.id', '=', 'rollup.unitId').on('unit.tenantId', '=', actor.tenantId),
      )
      .where(scope);
  const [sums, groups, acknowledgement] = await Promise.all([
    // A plain aggregate, which PostgreSQL can run in parallel (GROUPING SETS cannot): with all the
    // sums in the grouping sets below it took over twice as long.
    scoped()
      .select([
        sumOf('total').as('total'),
        sumOf('policeReportMade').as('policeReportMade'),
        sumOf('gangCrimeLink').as('gangCrimeLink'),
        sumOf('violentExtremismLink').as('violentExtremismLink'),
        sumOf('acknowledged').as('acknowledged'),
        ...Object.values(contextColumns).map((column) => sumOf(column).as(column)),
        ...Object.values(typeColumns).map((column) => sumOf(column).as(column)),
      ])
      .executeTakeFirstOrThrow(),
    scoped()
      .select(({ ref }) => [
        sql<number>`GROUPING(${ref('rollup.month')}, ${ref('rollup.unitId')})::int`.as('groupingSet'),
        sql<string | null>`to_char(${ref('rollup.month')}, 'YYYY-MM')`.as('monthOf'),
        'rollup.unitId',
        sql<string | null>`max(${ref('unit.name')})`.as('unitName'),
        sumOf('total').as('total'),
      ])
      .groupBy(sql`GROUPING SETS ((${sql.ref('rollup.month')}), (${sql.ref('rollup.unitId')}))`)
      .execute(),
    db
      .selectFrom('incidentAcknowledgementDays as rollup')
      .leftJoin('orgUnits as unit', (join) =>
        join.onRef('unit.id', '=', 'rollup.unitId').on('unit.tenantId', '=', actor.tenantId),
      )
      .where(scope)
      .select(['rollup.tenths', sumOf('count').as('count')])
      .groupBy('rollup.tenths')
      .execute(),
  ]);
  // Bits of GROUPING(month, unit): 1 where a set does not group by that column.
  const inSet = (set: number) => groups.filter((row) => row.groupingSet === set);
  // A sum over no rows is null. The columns' names come back through the camel-case plugin.
  const column = (name: string) => (sums as Record<string, number | null>)[camelCase(name)] ?? 0;
  return {
    total: column('total'),
    policeReportMade: column('policeReportMade'),
    gangCrimeLink: column('gangCrimeLink'),
    violentExtremismLink: column('violentExtremismLink'),
    acknowledged: column('acknowledged'),
    byMonth: new Map(inSet(0b01).map((row) => [row.monthOf ?? '', row.total ?? 0])),
    byUnit: new Map(inSet(0b10).map((row) => [row.unitId, { name: row.unitName, count: row.total ?? 0 }] as const)),
    byContext: new Map(Object.entries(contextColumns).map(([context, name]) => [context, column(name)])),
    byType: new Map(Object.entries(typeColumns).map(([type, name]) => [type, column(name)])),
    acknowledgementTenths: new Map(acknowledgement.map((row) => [row.tenths, row.count ?? 0])),
  };
}

const camelCase = (name: string) => name.replace(/_([a-z])/g, (_match, letter: string) => letter.toUpperCase());

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
