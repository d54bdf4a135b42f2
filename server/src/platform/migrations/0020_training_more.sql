-- Issue 6, second part: the protection programme's personal security training comes from Training.

-- The course whose completions are an official's programme training (one per tenant, or none yet).
ALTER TABLE training_courses ADD COLUMN is_programme_training boolean NOT NULL DEFAULT false;
CREATE UNIQUE INDEX training_courses_programme_training ON training_courses (tenant_id)
  WHERE is_programme_training;

-- Dates typed before the link stay readable (shown as typed, used when no completion exists);
-- nothing writes them any more.
ALTER TABLE protection_enrolments RENAME COLUMN training_completed_on TO typed_training_completed_on;
