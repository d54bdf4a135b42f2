import { sql } from 'kysely';

// An official's programme training is read from Training: their completions of the course flagged as
// the programme's (`training_courses.is_programme_training`). These fragments read it beside an
// enrolment aliased `enrolment`, so the overview, one official and the follow-up agree.
const programmeCompletions = sql`FROM training_completions AS completion
  JOIN training_courses AS course ON course.id = completion.course_id AND course.is_programme_training
  WHERE completion.tenant_id = enrolment.tenant_id AND completion.person_id = enrolment.person_id`;

/** The latest completion's day, 'YYYY-MM-DD', or null. */
export const programmeCompletedOn = sql<
  string | null
>`(SELECT max(completion.completed_on)::text ${programmeCompletions})`;

/** The best validity of the completions: null when one never expires (or there is none). */
export const programmeValidUntil = sql<string | null>`(SELECT CASE WHEN bool_or(completion.valid_until IS NULL)
  THEN NULL ELSE max(completion.valid_until)::text END ${programmeCompletions})`;

/**
 * Whether the official counts as trained on `today`, by the rule of `programmeTrainingOf`: a valid
 * completion, or, when they have none at all, a date typed before the link.
 */
export function isProgrammeTrained(today: string) {
  return sql<boolean>`(EXISTS (SELECT 1 ${programmeCompletions}
      AND (completion.valid_until IS NULL OR completion.valid_until >= ${today}::date))
    OR (enrolment.typed_training_completed_on IS NOT NULL AND NOT EXISTS (SELECT 1 ${programmeCompletions})))`;
}
