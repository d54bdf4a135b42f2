import {
  type Completion,
  completionImportColumns,
  emailSchema,
  type FieldError,
  nameText,
  stockholmDate,
  validUntilOf,
} from '@varn/domain';
import { sql } from 'kysely';
import { z } from 'zod';
import { type Actor, authorize, isInScope, scopeOf } from '../access/authorize.ts';
import { type AuditContext, recordAudit } from '../audit/audit-log.ts';
import { parseCsv, rowErrors, validateCsvRows } from '../organisation/import.ts';
import { AppError, fieldError } from '../platform/app-error.ts';
import type { Db } from '../platform/database.ts';
import type { JobQueue } from '../platform/jobs.ts';
import { getCourseRow, getOccasionRow } from './courses.ts';
import { scheduleRenewalReminder } from './reminders.ts';
import type { TrainingCompletionTable } from './tables.ts';

/**
 * The people of the tenant among the ids, each within the actor's scope for the permission; anyone
 * else is not found, exactly like a person who does not exist.
 */
async function requirePeopleInScope(db: Db, actor: Actor, personIds: readonly string[]): Promise<void> {
  const unique = [...new Set(personIds)];
  if (unique.length === 0) return;
  const rows = await db
    .selectFrom('people as person')
    .leftJoin('orgUnits as unit', 'unit.id', 'person.unitId')
    .select(['person.id', 'person.partyId', 'unit.path'])
    .where('person.tenantId', '=', actor.tenantId)
    .where('person.id', 'in', unique)
    .execute();
  if (rows.length !== unique.length) throw new AppError('not_found');
  for (const row of rows) {
    authorize(actor, 'training.manage', { orgUnitPath: row.path, partyId: row.partyId, personId: row.id });
  }
}

/** Enrols people on an occasion, up to its capacity; enrolling someone twice changes nothing. */
export async function enrolPeople(
  db: Db,
  actor: Actor,
  context: AuditContext,
  occasionId: string,
  personIds: string[],
) {
  const occasion = await getOccasionRow(db, actor, occasionId);
  await requirePeopleInScope(db, actor, personIds);
  await db
    .insertInto('trainingEnrolments')
    .values(
      [...new Set(personIds)].map((personId) => ({
        tenantId: actor.tenantId,
        occasionId,
        personId,
        hasAttended: null,
      })),
    )
    .onConflict((conflict) => conflict.columns(['occasionId', 'personId']).doNothing())
    .execute();
  const { count } = await db
    .selectFrom('trainingEnrolments')
    .select(sql<number>`count(*)::int`.as('count'))
    .where('occasionId', '=', occasionId)
    .executeTakeFirstOrThrow();
  if (Number(count) > occasion.capacity) {
    throw new AppError('validation_failed', {
      errors: [fieldError('personIds', 'occasion_full', 'The occasion is full', 'Tillfället är fullbokat')],
    });
  }
  await recordAudit(db, context, {
    action: 'training_occasion.enrol',
    resourceType: 'training_occasion',
    resourceId: occasionId,
    details: { personIds },
  });
}

type NewCompletion = Pick<TrainingCompletionTable, 'personId' | 'completedOn' | 'source' | 'occasionId'>;

/** Writes completions with their validity, and queues each one's renewal reminder. */
async function insertCompletions(
  db: Db,
  jobs: JobQueue,
  actor: Actor,
  course: { id: string; validityMonths: number | null },
  completions: readonly NewCompletion[],
): Promise<number> {
  let written = 0;
  for (let start = 0; start < completions.length; start += 500) {
    const rows = await db
      .insertInto('trainingCompletions')
      .values(
        completions.slice(start, start + 500).map((completion) => ({
          ...completion,
          tenantId: actor.tenantId,
          courseId: course.id,
          validUntil: validUntilOf(completion.completedOn, course.validityMonths),
          recordedByPersonId: actor.personId,
        })),
      )
      .onConflict((conflict) =>
        conflict.columns(['occasionId', 'personId']).where('occasionId', 'is not', null).doNothing(),
      )
      .returning(['personId', sql<string | null>`valid_until::text`.as('validUntil')])
      .execute();
    for (const row of rows) {
      if (row.validUntil) {
        await scheduleRenewalReminder(db, jobs, {
          tenantId: actor.tenantId,
          courseId: course.id,
          personId: row.personId,
          validUntil: row.validUntil,
        });
      }
    }
    written += rows.length;
  }
  return written;
}

/**
 * Records an occasion's attendance list: the ticked enrolled people attended and complete the course
 * on the occasion's day (in Stockholm); the others did not. Recording again adds what is new.
 */
export async function recordAttendance(
  db: Db,
  jobs: JobQueue,
  actor: Actor,
  context: AuditContext,
  occasionId: string,
  attendedPersonIds: string[],
) {
  const occasion = await getOccasionRow(db, actor, occasionId);
  const course = await getCourseRow(db, actor, occasion.courseId);
  // The list the actor records is the enrolled people in their scope (the page shows them alone);
  // others enrolled on the same occasion keep what someone else recorded for them.
  const scope = scopeOf(actor, 'training.manage');
  const enrolled = (
    await db
      .selectFrom('trainingEnrolments as enrolment')
      .innerJoin('people as person', 'person.id', 'enrolment.personId')
      .leftJoin('orgUnits as unit', 'unit.id', 'person.unitId')
      .select(['enrolment.personId', 'person.partyId', 'unit.path'])
      .where('enrolment.tenantId', '=', actor.tenantId)
      .where('enrolment.occasionId', '=', occasionId)
      .execute()
  ).filter((row) => isInScope(actor, scope, { orgUnitPath: row.path, partyId: row.partyId, personId: row.personId }));
  const listed = enrolled.map((row) => row.personId);
  const attended = [...new Set(attendedPersonIds)];
  if (attended.some((personId) => !listed.includes(personId))) {
    throw new AppError('validation_failed', {
      errors: [
        fieldError('attendedPersonIds', 'not_enrolled', 'Not enrolled on the occasion', 'Inte anmäld till tillfället'),
      ],
    });
  }
  if (listed.length > 0) {
    await db
      .updateTable('trainingEnrolments')
      .set({ hasAttended: sql<boolean>`person_id = ANY(${sql.val(attended)}::uuid[])` })
      .where('tenantId', '=', actor.tenantId)
      .where('occasionId', '=', occasionId)
      .where('personId', 'in', listed)
      .execute();
  }
  const completedOn = stockholmDate(new Date(occasion.startsAt));
  const completions = await insertCompletions(
    db,
    jobs,
    actor,
    course,
    attended.map((personId) => ({ personId, completedOn, source: 'occasion' as const, occasionId })),
  );
  await recordAudit(db, context, {
    action: 'training_occasion.attendance',
    resourceType: 'training_occasion',
    resourceId: occasionId,
    details: { attended: attended.length, completions },
  });
  return { completions };
}

/** Records completions of a course from a paper attendance list: the people and the day. */
export async function recordBulkCompletions(
  db: Db,
  jobs: JobQueue,
  actor: Actor,
  context: AuditContext,
  courseId: string,
  input: { personIds: string[]; completedOn: string },
) {
  const course = await getCourseRow(db, actor, courseId);
  requireNotInFuture(input.completedOn, 'completedOn');
  await requirePeopleInScope(db, actor, input.personIds);
  const completions = await insertCompletions(
    db,
    jobs,
    actor,
    course,
    [...new Set(input.personIds)].map((personId) => ({
      personId,
      completedOn: input.completedOn,
      source: 'attendance_list' as const,
      occasionId: null,
    })),
  );
  await recordAudit(db, context, {
    action: 'training_completion.bulk',
    resourceType: 'training_course',
    resourceId: courseId,
    details: { completions },
  });
  return { completions };
}

function futureError(path: string): FieldError {
  return fieldError(path, 'in_future', 'The date is in the future', 'Datumet ligger i framtiden');
}

function requireNotInFuture(date: string, path: string): void {
  if (date > stockholmDate(new Date())) throw new AppError('validation_failed', { errors: [futureError(path)] });
}

const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (value === '' || value === undefined ? null : value), schema.nullable());

// `satisfies` holds the schema to exactly the columns the web's template shows.
const completionRowSchema = z.strictObject({
  employee_number: optional(nameText(40)),
  email: optional(emailSchema),
  completed_on: z.iso.date(),
} satisfies Record<(typeof completionImportColumns)[number], z.ZodType>);

/**
 * Imports completions of a course from an e-learning platform's CSV export. Every row is validated
 * and its person found (by employee number, else e-mail, within the actor's scope) before anything
 * is written; one bad row fails the import with a report of every bad row.
 */
export async function importCompletionsCsv(
  db: Db,
  jobs: JobQueue,
  actor: Actor,
  context: AuditContext,
  courseId: string,
  csv: string,
) {
  const course = await getCourseRow(db, actor, courseId);
  const { rows, errors } = validateCsvRows(parseCsv(csv, completionImportColumns), completionRowSchema);
  const people = await db
    .selectFrom('people as person')
    .leftJoin('orgUnits as unit', 'unit.id', 'person.unitId')
    .select(['person.id', 'person.employeeNumber', 'person.email', 'person.partyId', 'unit.path'])
    .where('person.tenantId', '=', actor.tenantId)
    .where((builder) =>
      builder.or([
        builder('person.employeeNumber', 'in', ['', ...rows.flatMap(({ row }) => row.employee_number ?? [])]),
        builder('person.email', 'in', ['', ...rows.flatMap(({ row }) => row.email ?? [])]),
      ]),
    )
    .execute();
  const today = stockholmDate(new Date());
  const scope = scopeOf(actor, 'training.manage');
  const completions: NewCompletion[] = [];
  for (const { line, row } of rows) {
    const person = people.find(
      (candidate) =>
        (row.employee_number && candidate.employeeNumber === row.employee_number) ||
        (!row.employee_number && row.email && candidate.email === row.email),
    );
    const problems: FieldError[] = [];
    // Someone outside the actor's scope is reported exactly as someone unknown.
    const isReachable =
      person !== undefined &&
      isInScope(actor, scope, { orgUnitPath: person.path, partyId: person.partyId, personId: person.id });
    if (!person || !isReachable) {
      problems.push(
        fieldError(
          row.employee_number ? 'employee_number' : 'email',
          'unknown_person',
          'No such person among those you record training for',
          'Ingen sådan person bland dem du registrerar utbildning för',
        ),
      );
    }
    if (row.completed_on > today) problems.push(futureError('completed_on'));
    errors.push(...rowErrors(line, problems));
    if (person && problems.length === 0) {
      completions.push({ personId: person.id, completedOn: row.completed_on, source: 'import', occasionId: null });
    }
  }
  if (errors.length > 0) throw new AppError('import_failed', { errors: errors.slice(0, 500) });
  const written = await insertCompletions(db, jobs, actor, course, completions);
  await recordAudit(db, context, {
    action: 'training_completion.import',
    resourceType: 'training_course',
    resourceId: courseId,
    details: { completions: written },
  });
  return { completions: written };
}

/** The actor's own completions, newest first: what everyone may see of themself. */
export async function listOwnCompletions(db: Db, actor: Actor): Promise<{ items: Completion[] }> {
  const rows = await db
    .selectFrom('trainingCompletions as completion')
    .innerJoin('trainingCourses as course', 'course.id', 'completion.courseId')
    .select(['completion.id', 'completion.courseId', 'course.name as courseName', 'completion.personId'])
    .select([
      sql<string>`${sql.ref('completion.completedOn')}::text`.as('completedOn'),
      sql<string | null>`${sql.ref('completion.validUntil')}::text`.as('validUntil'),
    ])
    .where('completion.tenantId', '=', actor.tenantId)
    .where('completion.personId', '=', actor.personId)
    .orderBy('completion.completedOn', 'desc')
    .execute();
  return { items: rows };
}
