-- The protection programme for specially remunerated officials (Kommunallagen 4 kap. 18 a §) and
-- drills per site (evacuation, lockdown, PDV).

-- One row per enrolled official. The party is copied at enrolment: the party office's scope.
CREATE TABLE protection_enrolments (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES tenants (id),
  person_id uuid NOT NULL REFERENCES people (id),
  party_id uuid REFERENCES parties (id),
  enrolled_on date NOT NULL,
  -- The instruction read at introduction: a dated tick until the governing documents exist.
  instruction_read_on date,
  -- Personal security training: a date until Training's completions are linked.
  training_completed_on date,
  -- A conversation needed sooner than 12 months after the last one.
  conversation_needed_by date,
  enrolled_by_person_id uuid NOT NULL REFERENCES people (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (tenant_id, person_id)
);
CREATE INDEX protection_enrolments_party ON protection_enrolments (tenant_id, party_id);

-- Security conversations: offered, and held (or not yet). Notes are need-to-know.
CREATE TABLE protection_conversations (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES tenants (id),
  enrolment_id uuid NOT NULL REFERENCES protection_enrolments (id) ON DELETE CASCADE,
  offered_on date NOT NULL,
  held_on date,
  held_by text NOT NULL DEFAULT '',
  notes text NOT NULL DEFAULT '',
  recorded_by_person_id uuid NOT NULL REFERENCES people (id),
  recorded_at timestamptz NOT NULL DEFAULT now(),
  CHECK (held_on IS NULL OR held_on >= offered_on)
);
CREATE INDEX protection_conversations_enrolment ON protection_conversations (enrolment_id, offered_on);

-- Support the security department gives one official.
CREATE TABLE protection_support (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES tenants (id),
  enrolment_id uuid NOT NULL REFERENCES protection_enrolments (id) ON DELETE CASCADE,
  kind text NOT NULL CHECK (kind IN ('threat_analysis', 'home_inspection', 'home_perimeter_protection',
    'personal_alarm', 'burglar_alarm', 'guarding', 'police_report_help', 'trial_support')),
  status text NOT NULL CHECK (status IN ('planned', 'in_progress', 'done', 'cancelled')),
  started_on date NOT NULL,
  ended_on date,
  alarm_centre_reference text,
  description text NOT NULL DEFAULT '',
  recorded_by_person_id uuid NOT NULL REFERENCES people (id),
  recorded_at timestamptz NOT NULL DEFAULT now(),
  CHECK (ended_on IS NULL OR ended_on >= started_on)
);
CREATE INDEX protection_support_enrolment ON protection_support (enrolment_id, started_on);

CREATE TABLE drills (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES tenants (id),
  site_id uuid NOT NULL REFERENCES sites (id),
  kind text NOT NULL CHECK (kind IN ('evacuation', 'lockdown', 'pdv')),
  planned_on date,
  held_on date,
  participant_count integer CHECK (participant_count >= 0),
  participating_units text NOT NULL DEFAULT '',
  scenario text NOT NULL DEFAULT '',
  what_worked text NOT NULL DEFAULT '',
  lessons_learned text NOT NULL DEFAULT '',
  created_by_person_id uuid NOT NULL REFERENCES people (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK (planned_on IS NOT NULL OR held_on IS NOT NULL)
);
CREATE INDEX drills_site ON drills (tenant_id, site_id, kind, held_on);
