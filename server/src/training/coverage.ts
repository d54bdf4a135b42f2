import { addDays, type Coverage, type CoverageCounts, expiringWithinDays, stockholmDate } from '@varn/domain';
import { CompiledQuery, type ExpressionBuilder, sql } from 'kysely';
import { type Actor, authorize, scopeCondition } from '../access/authorize.ts';
import { AppError } from '../platform/app-error.ts';
import type { Db } from '../platform/database.ts';
import type { Database } from '../platform/schema.ts';
import { getCourseRow } from './courses.ts';

type CourseRow = Awaited<ReturnType<typeof getCourseRow>>;
type PeopleBuilder = ExpressionBuilder<
  Database & { person: Database['people']; unit: Database['orgUnits'] },
  'person' | 'unit'
>;

type CoverageGroup = CoverageCounts & { childId: string | null };
type LackingPerson = {
  id: string;
  givenName: string;
  familyName: string;
  status: 'expiring' | 'missing';
  validUntil: string | null;
};

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
 * Each person of the target group within the counted unit and the actor's scope, with their standing:
 * their best completion decides (the rule of `coverageStatusOf`, in SQL so a city is one query).
 */
function standings(
  db: Db,
  actor: Actor,
  course: CourseRow,
  targetPaths: readonly string[],
  unitPath: string | null,
  today: string,
) {
  const best = db
    .selectFrom('trainingCompletions')
    .select([
      'personId',
      sql<boolean>`bool_or(valid_until IS NULL)`.as('isForever'),
      sql<string>`max(valid_until)`.as('latest'),
    ])
    .where('tenantId', '=', actor.tenantId)
    .where('courseId', '=', course.id)
    .groupBy('personId');
  return db
    .selectFrom('people as person')
    .leftJoin('orgUnits as unit', 'unit.id', 'person.unitId')
    .leftJoin(best.as('best'), 'best.personId', 'person.id')
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
    .select([
      'person.id',
      // The unit one level below the counted one that holds the person: the next segment of its
      // path; for the whole scope the administration, the second segment of '/board/administration/…'.
      // Only this, not the path or the names, is kept per person: the CTE stays narrow and in memory.
      (unitPath === null
        ? sql<string>`split_part(unit.path, '/', 3)`
        : sql<string>`split_part(substr(unit.path, ${unitPath.length + 1}), '/', 1)`
      ).as('childId'),
      sql<string | null>`best.latest::text`.as('validUntil'),
      sql<'valid' | 'expiring' | 'missing'>`CASE
        WHEN best.person_id IS NULL THEN 'missing'
        WHEN best.is_forever THEN 'valid'
        WHEN best.latest < ${today}::date THEN 'missing'
        WHEN best.latest < ${addDays(today, expiringWithinDays)}::date THEN 'expiring'
        ELSE 'valid' END`.as('status'),
    ]);
}

/**
 * The coverage of a course within a unit (or the actor's whole scope): the share of the target group
 * with a valid completion, per unit one level down, and who lacks it or expires within 90 days.
 */
export async function computeCoverage(db: Db, actor: Actor, query: CoverageQuery, now = new Date()): Promise<Coverage> {
  const { course, today, statement } = await coverageStatement(db, actor, query, now);
  const { groups, people } = await statement.executeTakeFirstOrThrow();
  return presentCoverage(db, actor, course.id, today, groups, people);
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
  const unit = query.orgUnitId ? await getUnit(db, actor, query.orgUnitId) : null;
  const targetPaths = course.targetOrgUnitIds.length
    ? (
        await db
          .selectFrom('orgUnits')
          .select('path')
          .where('tenantId', '=', actor.tenantId)
          .where('id', 'in', course.targetOrgUnitIds)
          .execute()
      ).map((row) => row.path)
    : [];
  const base = standings(db, actor, course, targetPaths, unit?.path ?? null, today);
  // One statement: the standings are computed once (a CTE) and both counted per unit and listed.
  const statement = db
    .with('standing', () => base)
    .selectNoFrom([
      sql<CoverageGroup[]>`(SELECT coalesce(json_agg(counted), '[]') FROM (
        SELECT child_id AS "childId", count(*)::int AS "targetCount",
          (count(*) FILTER (WHERE status = 'valid'))::int AS "validCount",
          (count(*) FILTER (WHERE status = 'expiring'))::int AS "expiringCount",
          (count(*) FILTER (WHERE status = 'missing'))::int AS "missingCount"
        FROM standing GROUP BY 1) AS counted)`.as('groups'),
      sql<LackingPerson[]>`(SELECT coalesce(json_agg(lacking), '[]') FROM (
        SELECT person.id, person.given_name AS "givenName", person.family_name AS "familyName",
          standing.status, standing.valid_until AS "validUntil"
        FROM standing JOIN people AS person ON person.id = standing.id
        WHERE standing.status <> 'valid'
        ORDER BY person.family_name, person.given_name, person.id LIMIT 500) AS lacking)`.as('people'),
    ]);
  return { course, today, statement };
}

async function presentCoverage(
  db: Db,
  actor: Actor,
  courseId: string,
  today: string,
  groups: CoverageGroup[],
  people: LackingPerson[],
): Promise<Coverage> {
  const childIds = groups.flatMap((group) =>
    group.childId && /^[0-9a-f-]{36}$/.test(group.childId) ? [group.childId] : [],
  );
  const names = new Map(
    childIds.length
      ? (
          await db
            .selectFrom('orgUnits')
            .select(['id', 'name'])
            .where('tenantId', '=', actor.tenantId)
            .where('id', 'in', childIds)
            .execute()
        ).map((row) => [row.id, row.name])
      : [],
  );
  const totals: CoverageCounts = { targetCount: 0, validCount: 0, expiringCount: 0, missingCount: 0 };
  for (const group of groups) {
    totals.targetCount += Number(group.targetCount);
    totals.validCount += Number(group.validCount);
    totals.expiringCount += Number(group.expiringCount);
    totals.missingCount += Number(group.missingCount);
  }
  return {
    courseId,
    today,
    totals,
    units: groups
      .filter((group) => group.childId !== null && names.has(group.childId))
      .map((group) => ({
        orgUnitId: group.childId as string,
        name: names.get(group.childId as string) as string,
        targetCount: Number(group.targetCount),
        validCount: Number(group.validCount),
        expiringCount: Number(group.expiringCount),
        missingCount: Number(group.missingCount),
      }))
      .sort((a, b) => a.name.localeCompare(b.name, 'sv')),
    people: people.map((row) => ({
      personId: row.id,
      name: `${row.givenName} ${row.familyName}`,
      status: row.status as 'expiring' | 'missing',
      validUntil: row.validUntil,
    })),
  };
}

/** The counted unit must lie in the actor's training scope, else it does not exist for them. */
async function getUnit(db: Db, actor: Actor, id: string) {
  const row = await db
    .selectFrom('orgUnits')
    .select(['id', 'path'])
    .where('tenantId', '=', actor.tenantId)
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) throw new AppError('not_found');
  authorize(actor, 'training.read', { orgUnitPath: row.path });
  return row;
}
