import {
  addDays,
  type Coverage,
  type CoverageCounts,
  coverageStatusOf,
  expiringWithinDays,
  stockholmDate,
} from '@varn/domain';
import { CompiledQuery, type ExpressionBuilder, sql } from 'kysely';
import { type Actor, authorize, isInScope, scopeCondition, scopeOf } from '../access/authorize.ts';
import { AppError } from '../platform/app-error.ts';
import type { Db } from '../platform/database.ts';
import type { Database } from '../platform/schema.ts';
import { getCourseRow } from './courses.ts';

type CourseRow = Awaited<ReturnType<typeof getCourseRow>>;
type PeopleBuilder = ExpressionBuilder<
  Database & { person: Database['people']; unit: Database['orgUnits'] },
  'person' | 'unit'
>;

type UnitCounts = { unitId: string | null; targetCount: number; validCount: number; expiringCount: number };
type Unit = { id: string; path: string; name: string };
type LackingPerson = { id: string; givenName: string; familyName: string; validUntil: string | null };

/** The target group's rules as one SQL condition: any matching rule puts a person in the group. */
function targetGroupCondition(builder: PeopleBuilder, course: CourseRow, targetPaths: readonly string[]) {
  const rules = [
    ...targetPaths.map((path) => builder('unit.path', 'like', `${path}%`)),
    ...(course.targetOfficialCategories.length > 0
      ? [builder('person.officialCategory', 'in', course.targetOfficialCategories)]
      : []),
    ...(course.targetRoles.length > 0
      ? [
          builder.exists(
            builder
              .selectFrom('roleGrants as grant')
              .select('grant.id')
              .whereRef('grant.personId', '=', 'person.id')
              .where('grant.role', 'in', course.targetRoles),
          ),
        ]
      : []),
  ];
  return rules.length > 0 ? builder.or(rules) : builder.lit(false);
}

/**
 * The units whose people the count can reach, when that is narrower than the tenant: those under the
 * counted unit and within an actor's unit-scoped grants. Redundant with the conditions on the unit's
 * path, it lets the database read the people of those units by index instead of all of the city.
 * null: no narrowing (a tenant-wide or party scope counted as a whole).
 */
function reachableUnitIds(actor: Actor, units: readonly Unit[], unitPath: string | null): string[] | null {
  const scope = scopeOf(actor, 'training.read');
  const isScopeNarrow = !scope.isTenantWide && scope.partyIds.length === 0;
  if (unitPath === null && !isScopeNarrow) return null;
  return units
    .filter((unit) => unitPath === null || unit.path.startsWith(unitPath))
    .filter((unit) => !isScopeNarrow || isInScope(actor, scope, { orgUnitPath: unit.path }))
    .map((unit) => unit.id);
}

/** The active people of the target group within the counted unit and the actor's scope. */
function targetPeople(db: Db, actor: Actor, course: CourseRow, counted: CountedUnits) {
  const { targetPaths, unitPath, reachableIds } = counted;
  return db
    .selectFrom('people as person')
    .leftJoin('orgUnits as unit', 'unit.id', 'person.unitId')
    .where('person.tenantId', '=', actor.tenantId)
    .where('person.isActive', '=', true)
    .where((builder) => targetGroupCondition(builder as unknown as PeopleBuilder, course, targetPaths))
    .where((builder) =>
      scopeCondition(actor, 'training.read', builder, {
        orgUnitPath: builder.ref('unit.path'),
        partyId: builder.ref('person.partyId'),
        personId: builder.ref('person.id'),
      }),
    )
    .$if(unitPath !== null, (query) => query.where('unit.path', 'like', `${unitPath}%`))
    .$if(reachableIds !== null, (query) =>
      query.where((builder) =>
        builder.or([
          (reachableIds?.length ?? 0) > 0 ? builder('person.unitId', 'in', reachableIds ?? []) : builder.lit(false),
          // Oneself through a self grant, wherever one works.
          builder('person.id', '=', actor.personId),
        ]),
      ),
    );
}

type CountedUnits = { targetPaths: readonly string[]; unitPath: string | null; reachableIds: string[] | null };

/**
 * The target group counted per the unit each person works in: their best completion decides (the
 * rule of `coverageStatusOf`, in SQL so a city is one pass). Grouping by the unit's id, not by a
 * path segment, keeps the aggregate narrow and in memory; the units are rolled up in `rollUp`.
 */
function countsPerUnit(db: Db, actor: Actor, course: CourseRow, counted: CountedUnits, today: string) {
  const best = db
    .selectFrom('trainingCompletions')
    .select([
      'personId',
      sql<boolean>`bool_or(valid_until IS NULL)`.as('isForever'),
      sql<string>`max(valid_until)`.as('latest'),
    ])
    .where('tenantId', '=', actor.tenantId)
    .where('courseId', '=', course.id)
    // An expired completion counts as none: leaving those out narrows the aggregate and the join.
    .where((builder) => builder.or([builder('validUntil', 'is', null), builder('validUntil', '>=', today)]))
    .groupBy('personId');
  const isValid = sql`(best.is_forever OR best.latest >= ${addDays(today, expiringWithinDays)}::date)`;
  const isExpiring = sql`(NOT best.is_forever AND best.latest >= ${today}::date
    AND best.latest < ${addDays(today, expiringWithinDays)}::date)`;
  return targetPeople(db, actor, course, counted)
    .leftJoin(best.as('best'), 'best.personId', 'person.id')
    .select([
      'person.unitId',
      sql<number>`count(*)::int`.as('targetCount'),
      sql<number>`(count(*) FILTER (WHERE ${isValid}))::int`.as('validCount'),
      sql<number>`(count(*) FILTER (WHERE ${isExpiring}))::int`.as('expiringCount'),
    ])
    .groupBy('person.unitId');
}

/**
 * The first 500 by name who lack a completion valid beyond the next 90 days. Walking the people in
 * name order (index `people_tenant_name`) and probing each one's completions stops after the 500th,
 * instead of ranking the standing of the whole target group.
 */
function lackingPeople(db: Db, actor: Actor, course: CourseRow, counted: CountedUnits, today: string) {
  const completions = (builder: ExpressionBuilder<Database & { person: Database['people'] }, 'person'>) =>
    builder
      .selectFrom('trainingCompletions as completion')
      .where('completion.tenantId', '=', actor.tenantId)
      .where('completion.courseId', '=', course.id)
      .whereRef('completion.personId', '=', 'person.id');
  return targetPeople(db, actor, course, counted)
    .where((builder) =>
      builder.not(
        builder.exists(
          completions(builder as never)
            .select('completion.id')
            .where((inner) =>
              inner.or([
                inner('completion.validUntil', 'is', null),
                inner('completion.validUntil', '>=', addDays(today, expiringWithinDays)),
              ]),
            ),
        ),
      ),
    )
    .select((builder) => [
      'person.id',
      'person.givenName',
      'person.familyName',
      // None of their completions is forever here, so the best is the latest day.
      completions(builder as never)
        .select(sql<string | null>`max(completion.valid_until)::text`.as('validUntil'))
        .as('validUntil'),
    ])
    .orderBy('person.familyName')
    .orderBy('person.givenName')
    .orderBy('person.id')
    .limit(500);
}

/**
 * The coverage of a course within a unit (or the actor's whole scope): the share of the target group
 * with a valid completion, per unit one level down, and who lacks it or expires within 90 days.
 */
export async function computeCoverage(db: Db, actor: Actor, query: CoverageQuery, now = new Date()): Promise<Coverage> {
  const { course, today, unitPath, byId, statement } = await coverageStatement(db, actor, query, now);
  const { groups, people } = await statement.executeTakeFirstOrThrow();
  return presentCoverage({ courseId: course.id, today, unitPath, byId }, groups, people);
}

/** The plan of the coverage statement as PostgreSQL runs it, for the bench (`BENCH_EXPLAIN=1`). */
export async function explainCoverage(db: Db, actor: Actor, query: CoverageQuery): Promise<string> {
  const { statement } = await coverageStatement(db, actor, query, new Date());
  const compiled = statement.compile();
  const plan = await db.executeQuery(
    CompiledQuery.raw(`EXPLAIN (ANALYZE, BUFFERS) ${compiled.sql}`, [...compiled.parameters]),
  );
  return plan.rows.map((row) => Object.values(row as object)[0]).join('\n');
}

type CoverageQuery = { courseId: string; orgUnitId?: string | undefined };

async function coverageStatement(db: Db, actor: Actor, query: CoverageQuery, now: Date) {
  const course = await getCourseRow(db, actor, query.courseId);
  const today = stockholmDate(now);
  // The tenant's units once (a few hundred rows): the counted unit, the target paths and the roll-up.
  const units = await db
    .selectFrom('orgUnits')
    .select(['id', 'path', 'name'])
    .where('tenantId', '=', actor.tenantId)
    .execute();
  const byId = new Map(units.map((unit) => [unit.id, unit]));
  const unit = query.orgUnitId ? countedUnit(actor, byId.get(query.orgUnitId)) : null;
  const targetPaths = course.targetOrgUnitIds.flatMap((id) => byId.get(id)?.path ?? []);
  const unitPath = unit?.path ?? null;
  const counted = { targetPaths, unitPath, reachableIds: reachableUnitIds(actor, units, unitPath) };
  const counts = countsPerUnit(db, actor, course, counted, today);
  const lacking = lackingPeople(db, actor, course, counted, today);
  // One round trip, two passes: the counts per unit, and the first lacking by name.
  const statement = db.selectNoFrom([
    sql<UnitCounts[]>`(SELECT coalesce(json_agg(counted), '[]') FROM (${counts}) AS counted)`.as('groups'),
    sql<LackingPerson[]>`(SELECT coalesce(json_agg(listed), '[]') FROM (${lacking}) AS listed)`.as('people'),
  ]);
  return { course, today, unitPath, byId, statement };
}

/**
 * The counts per unit rolled up to the units one level below the counted one (per administration for
 * the whole scope: the second segment of '/board/administration/…'), with their names.
 */
function rollUp(byId: ReadonlyMap<string, Unit>, unitPath: string | null, groups: readonly UnitCounts[]) {
  const childOf = (path: string) =>
    (unitPath === null ? path.split('/')[2] : path.slice(unitPath.length).split('/')[0]) ?? '';
  const children = new Map<string, CoverageCounts>();
  const totals: CoverageCounts = { targetCount: 0, validCount: 0, expiringCount: 0, missingCount: 0 };
  for (const group of groups) {
    const counts = {
      targetCount: Number(group.targetCount),
      validCount: Number(group.validCount),
      expiringCount: Number(group.expiringCount),
      missingCount: Number(group.targetCount) - Number(group.validCount) - Number(group.expiringCount),
    };
    addCounts(totals, counts);
    const path = group.unitId ? byId.get(group.unitId)?.path : undefined;
    const childId = path ? childOf(path) : '';
    // People in the counted unit itself (or without a unit) count in the totals only.
    if (!childId || !byId.has(childId)) continue;
    const child = children.get(childId) ?? { targetCount: 0, validCount: 0, expiringCount: 0, missingCount: 0 };
    addCounts(child, counts);
    children.set(childId, child);
  }
  const perUnit = [...children].map(([orgUnitId, counts]) => ({
    orgUnitId,
    name: byId.get(orgUnitId)?.name as string,
    ...counts,
  }));
  return { totals, units: perUnit.sort((a, b) => a.name.localeCompare(b.name, 'sv')) };
}

function addCounts(sum: CoverageCounts, counts: CoverageCounts): void {
  sum.targetCount += counts.targetCount;
  sum.validCount += counts.validCount;
  sum.expiringCount += counts.expiringCount;
  sum.missingCount += counts.missingCount;
}

function presentCoverage(
  {
    courseId,
    today,
    unitPath,
    byId,
  }: { courseId: string; today: string; unitPath: string | null; byId: ReadonlyMap<string, Unit> },
  groups: UnitCounts[],
  people: LackingPerson[],
): Coverage {
  const { totals, units } = rollUp(byId, unitPath, groups);
  return {
    courseId,
    today,
    totals,
    units,
    people: people.map((row) => ({
      personId: row.id,
      name: `${row.givenName} ${row.familyName}`,
      // Listed because none of their completions holds beyond 90 days: expiring or missing.
      status: coverageStatusOf(row.validUntil ?? undefined, today) === 'expiring' ? 'expiring' : 'missing',
      validUntil: row.validUntil,
    })),
  };
}

/** The counted unit must lie in the actor's training scope, else it does not exist for them. */
function countedUnit(actor: Actor, unit: Unit | undefined): Unit {
  if (!unit) throw new AppError('not_found');
  authorize(actor, 'training.read', { orgUnitPath: unit.path });
  return unit;
}
