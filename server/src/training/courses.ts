import type { Course, CourseInput, Occasion, OccasionDetail, OccasionInput } from '@varn/domain';
import { type Selectable, sql } from 'kysely';
import { type Actor, scopeCondition } from '../access/authorize.ts';
import { type AuditContext, recordAudit } from '../audit/audit-log.ts';
import { AppError, fieldError } from '../platform/app-error.ts';
import type { Db } from '../platform/database.ts';
import type { TrainingCourseTable } from './tables.ts';

type CourseRow = Selectable<TrainingCourseTable>;

function presentCourse(row: CourseRow): Course {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    validityMonths: row.validityMonths,
    targetGroup: {
      orgUnitIds: row.targetOrgUnitIds,
      roles: row.targetRoles,
      officialCategories: row.targetOfficialCategories,
    },
    isProgrammeTraining: row.isProgrammeTraining,
    createdAt: new Date(row.createdAt).toISOString(),
    updatedAt: new Date(row.updatedAt).toISOString(),
  };
}

/** The course of the actor's tenant, or not_found. */
export async function getCourseRow(db: Db, actor: Actor, id: string): Promise<CourseRow> {
  const row = await db
    .selectFrom('trainingCourses')
    .selectAll()
    .where('tenantId', '=', actor.tenantId)
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) throw new AppError('not_found');
  return row;
}

/** Courses are the city's plan: every reader of training sees them all. */
export async function listCourses(db: Db, actor: Actor): Promise<{ items: Course[] }> {
  const rows = await db
    .selectFrom('trainingCourses')
    .selectAll()
    .where('tenantId', '=', actor.tenantId)
    .orderBy('name')
    .execute();
  return { items: rows.map(presentCourse) };
}

export async function getCourse(db: Db, actor: Actor, id: string): Promise<Course> {
  return presentCourse(await getCourseRow(db, actor, id));
}

async function requireTenantUnits(db: Db, actor: Actor, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  const found = await db
    .selectFrom('orgUnits')
    .select('id')
    .where('tenantId', '=', actor.tenantId)
    .where('id', 'in', ids)
    .execute();
  if (found.length !== new Set(ids).size) {
    throw new AppError('validation_failed', {
      errors: [fieldError('targetGroup.orgUnitIds', 'unknown_reference', 'Not found', 'Hittades inte')],
    });
  }
}

function courseValues(input: CourseInput) {
  return {
    name: input.name,
    description: input.description,
    validityMonths: input.validityMonths,
    targetOrgUnitIds: [...new Set(input.targetGroup.orgUnitIds)],
    targetRoles: [...new Set(input.targetGroup.roles)],
    targetOfficialCategories: [...new Set(input.targetGroup.officialCategories)],
    isProgrammeTraining: input.isProgrammeTraining,
  };
}

/**
 * One course per city is the protection programme's training: flagging a second is refused with the
 * name of the first, rather than moving the flag silently (the officials' training dates would change).
 */
async function requireProgrammeTrainingFree(db: Db, actor: Actor, input: CourseInput, courseId: string | null) {
  if (!input.isProgrammeTraining) return;
  const other = await db
    .selectFrom('trainingCourses')
    .select('name')
    .where('tenantId', '=', actor.tenantId)
    .where('isProgrammeTraining', '=', true)
    .$if(courseId !== null, (query) => query.where('id', '<>', courseId as string))
    .executeTakeFirst();
  if (other) {
    throw new AppError('validation_failed', {
      errors: [
        fieldError(
          'isProgrammeTraining',
          'programme_training_taken',
          `“${other.name}” is already the protection programme's training`,
          `”${other.name}” är redan skyddsprogrammets utbildning`,
        ),
      ],
    });
  }
}

// Courses and occasions are the city's plan, not anyone's record: whoever holds `training.manage`
// (the route demands it) plans them, whatever the scope; the people they record stay scoped.
export async function createCourse(db: Db, actor: Actor, context: AuditContext, input: CourseInput) {
  await requireTenantUnits(db, actor, input.targetGroup.orgUnitIds);
  await requireProgrammeTrainingFree(db, actor, input, null);
  const row = await db
    .insertInto('trainingCourses')
    .values({ tenantId: actor.tenantId, ...courseValues(input) })
    .returningAll()
    .executeTakeFirstOrThrow();
  await recordAudit(db, context, {
    action: 'training_course.create',
    resourceType: 'training_course',
    resourceId: row.id,
  });
  return presentCourse(row);
}

/**
 * Changes a course. Completions already recorded keep the validity they were given: a longer or
 * shorter validity applies from the next completion on.
 */
export async function updateCourse(db: Db, actor: Actor, context: AuditContext, id: string, input: CourseInput) {
  await getCourseRow(db, actor, id);
  await requireTenantUnits(db, actor, input.targetGroup.orgUnitIds);
  await requireProgrammeTrainingFree(db, actor, input, id);
  const row = await db
    .updateTable('trainingCourses')
    .set({ ...courseValues(input), updatedAt: new Date() })
    .where('tenantId', '=', actor.tenantId)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
  await recordAudit(db, context, { action: 'training_course.update', resourceType: 'training_course', resourceId: id });
  return presentCourse(row);
}

function selectOccasions(db: Db, tenantId: string) {
  return db
    .selectFrom('trainingOccasions as occasion')
    .select(['occasion.id', 'occasion.courseId', 'occasion.startsAt', 'occasion.place', 'occasion.capacity'])
    .select((builder) =>
      builder
        .selectFrom('trainingEnrolments as enrolment')
        .select(sql<number>`count(*)::int`.as('count'))
        .whereRef('enrolment.occasionId', '=', 'occasion.id')
        .as('enrolledCount'),
    )
    .where('occasion.tenantId', '=', tenantId);
}

type OccasionRow = {
  id: string;
  courseId: string;
  startsAt: Date;
  place: string;
  capacity: number;
  enrolledCount: number | null;
};

function presentOccasion(row: OccasionRow): Occasion {
  return {
    id: row.id,
    courseId: row.courseId,
    startsAt: new Date(row.startsAt).toISOString(),
    place: row.place,
    capacity: row.capacity,
    enrolledCount: Number(row.enrolledCount ?? 0),
  };
}

export async function listOccasions(db: Db, actor: Actor, courseId: string): Promise<{ items: Occasion[] }> {
  await getCourseRow(db, actor, courseId);
  const rows = await selectOccasions(db, actor.tenantId)
    .where('occasion.courseId', '=', courseId)
    .orderBy('occasion.startsAt', 'desc')
    .execute();
  return { items: rows.map(presentOccasion) };
}

export async function createOccasion(
  db: Db,
  actor: Actor,
  context: AuditContext,
  courseId: string,
  input: OccasionInput,
): Promise<Occasion> {
  await getCourseRow(db, actor, courseId);
  const { id } = await db
    .insertInto('trainingOccasions')
    .values({
      tenantId: actor.tenantId,
      courseId,
      startsAt: new Date(input.startsAt),
      place: input.place,
      capacity: input.capacity,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await recordAudit(db, context, {
    action: 'training_occasion.create',
    resourceType: 'training_occasion',
    resourceId: id,
    details: { courseId },
  });
  return presentOccasion(
    await selectOccasions(db, actor.tenantId).where('occasion.id', '=', id).executeTakeFirstOrThrow(),
  );
}

export async function getOccasionRow(db: Db, actor: Actor, id: string): Promise<OccasionRow> {
  const row = await selectOccasions(db, actor.tenantId).where('occasion.id', '=', id).executeTakeFirst();
  if (!row) throw new AppError('not_found');
  return row;
}

/** An occasion with the participants the actor may see (their training scope). */
export async function getOccasion(db: Db, actor: Actor, id: string): Promise<OccasionDetail> {
  const occasion = await getOccasionRow(db, actor, id);
  const participants = await db
    .selectFrom('trainingEnrolments as enrolment')
    .innerJoin('people as person', 'person.id', 'enrolment.personId')
    .leftJoin('orgUnits as unit', 'unit.id', 'person.unitId')
    .select(['person.id', 'person.givenName', 'person.familyName', 'enrolment.hasAttended'])
    .where('enrolment.tenantId', '=', actor.tenantId)
    .where('enrolment.occasionId', '=', id)
    .where((builder) =>
      scopeCondition(actor, 'training.read', builder, {
        orgUnitPath: builder.ref('unit.path'),
        partyId: builder.ref('person.partyId'),
        personId: builder.ref('person.id'),
      }),
    )
    .orderBy('person.familyName')
    .orderBy('person.givenName')
    .execute();
  return {
    ...presentOccasion(occasion),
    participants: participants.map((row) => ({
      personId: row.id,
      name: `${row.givenName} ${row.familyName}`,
      hasAttended: row.hasAttended,
    })),
  };
}
