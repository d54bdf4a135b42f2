-- Training: courses with a validity and a target group by rules, occasions, enrolment and attendance,
-- and completions (from an occasion, a paper attendance list, or an e-learning platform's export).

CREATE TABLE training_courses (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES tenants (id),
  name text NOT NULL,
  description text NOT NULL DEFAULT '',
  -- null: a completion never expires.
  validity_months integer CHECK (validity_months BETWEEN 1 AND 240),
  -- The target group's rules; a person matching any of them belongs to it.
  target_org_unit_ids uuid[] NOT NULL DEFAULT '{}',
  target_roles text[] NOT NULL DEFAULT '{}',
  target_official_categories text[] NOT NULL DEFAULT '{}',
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX training_courses_tenant ON training_courses (tenant_id, name);

CREATE TABLE training_occasions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES tenants (id),
  course_id uuid NOT NULL REFERENCES training_courses (id),
  starts_at timestamptz NOT NULL,
  place text NOT NULL,
  capacity integer NOT NULL CHECK (capacity > 0),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX training_occasions_course ON training_occasions (tenant_id, course_id, starts_at);

CREATE TABLE training_enrolments (
  occasion_id uuid NOT NULL REFERENCES training_occasions (id),
  person_id uuid NOT NULL REFERENCES people (id),
  tenant_id uuid NOT NULL REFERENCES tenants (id),
  -- null until the attendance list is recorded.
  has_attended boolean,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (occasion_id, person_id)
);

CREATE TABLE training_completions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES tenants (id),
  course_id uuid NOT NULL REFERENCES training_courses (id),
  person_id uuid NOT NULL REFERENCES people (id),
  completed_on date NOT NULL,
  -- The last valid day, fixed when recorded from the course's validity then; null: never expires.
  valid_until date,
  source text NOT NULL CHECK (source IN ('occasion', 'attendance_list', 'import')),
  occasion_id uuid REFERENCES training_occasions (id),
  recorded_by_person_id uuid NOT NULL REFERENCES people (id),
  created_at timestamptz NOT NULL DEFAULT now()
);
-- Coverage reads each person's best completion of one course.
CREATE INDEX training_completions_course ON training_completions (tenant_id, course_id, person_id, valid_until);
CREATE INDEX training_completions_person ON training_completions (tenant_id, person_id);
-- One completion per occasion and person: recording an attendance list again changes nothing.
CREATE UNIQUE INDEX training_completions_occasion ON training_completions (occasion_id, person_id)
  WHERE occasion_id IS NOT NULL;
