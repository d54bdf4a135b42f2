-- The follow-up of an incident: the handler's investigation, the notices to Arbetsmiljöverket and
-- Försäkringskassan, corrections to the report, and measures (a model every later source shares).

-- One row per investigated incident, apart from the report: what the reporter wrote is never updated.
CREATE TABLE incident_investigations (
  incident_id uuid PRIMARY KEY REFERENCES incidents (id) ON DELETE CASCADE,
  tenant_id uuid NOT NULL REFERENCES tenants (id),
  causes text NOT NULL DEFAULT '',
  course_after text NOT NULL DEFAULT '',
  lessons_learned text NOT NULL DEFAULT '',
  authority_notified_on date,
  authority_notified_by_person_id uuid REFERENCES people (id),
  authority_notice_reference text,
  work_injury_reported_on date,
  work_injury_reported_by_person_id uuid REFERENCES people (id),
  work_injury_report_reference text,
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- Corrections are appended beside the original report; a field is named, the text says what is right.
CREATE TABLE incident_corrections (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id uuid NOT NULL REFERENCES tenants (id),
  incident_id uuid NOT NULL REFERENCES incidents (id) ON DELETE CASCADE,
  field text NOT NULL CHECK (field IN ('kind', 'types', 'occurredAt', 'place', 'context', 'channel', 'description',
    'consequences', 'affected', 'policeReport', 'crisisSupport')),
  text text NOT NULL,
  author_person_id uuid NOT NULL REFERENCES people (id),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX incident_corrections_incident ON incident_corrections (incident_id, id);

-- The timeline learns the new kinds, which fields a save or correction named, and a measure's status.
ALTER TABLE incident_events DROP CONSTRAINT incident_events_kind_check;
ALTER TABLE incident_events ADD CONSTRAINT incident_events_kind_check CHECK (kind IN ('reported', 'status_changed',
  'comment', 'investigation_updated', 'correction', 'measure_added', 'measure_status_changed', 'authority_notified',
  'work_injury_reported'));
ALTER TABLE incident_events ADD COLUMN fields text[] NOT NULL DEFAULT '{}';
ALTER TABLE incident_events ADD COLUMN measure_status text;

-- Measures (åtgärder) of any source; only incidents so far, more source kinds follow.
CREATE TABLE measures (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES tenants (id),
  source_kind text NOT NULL CHECK (source_kind IN ('incident')),
  source_id uuid NOT NULL,
  title text NOT NULL,
  description text NOT NULL DEFAULT '',
  owner_person_id uuid NOT NULL REFERENCES people (id),
  org_unit_id uuid REFERENCES org_units (id),
  due_on date NOT NULL,
  status text NOT NULL DEFAULT 'planned' CHECK (status IN ('planned', 'in_progress', 'done', 'cancelled')),
  created_by_person_id uuid NOT NULL REFERENCES people (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX measures_source ON measures (tenant_id, source_kind, source_id);
CREATE INDEX measures_owner ON measures (tenant_id, owner_person_id, due_on);
