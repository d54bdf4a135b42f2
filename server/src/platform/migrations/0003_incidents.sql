-- Incidents, near misses and risk observations: one report for the work environment and security.
CREATE TABLE incidents (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES tenants (id),
  reporter_person_id uuid NOT NULL REFERENCES people (id),
  -- Where it belongs: a unit (staff) and/or a party (elected officials' reports).
  unit_id uuid REFERENCES org_units (id),
  party_id uuid REFERENCES parties (id),
  site_id uuid REFERENCES sites (id),
  place_description text,
  kind text NOT NULL CHECK (kind IN ('incident', 'near_miss', 'risk_observation')),
  types text[] NOT NULL,
  occurred_at timestamptz NOT NULL,
  is_outside_working_hours boolean NOT NULL,
  context text NOT NULL,
  channel text,
  description text NOT NULL,
  physical_injury boolean NOT NULL,
  psychological_injury boolean NOT NULL,
  injury_needing_care boolean NOT NULL,
  sick_leave_days integer,
  property_damage boolean NOT NULL,
  death boolean NOT NULL,
  is_reporter_affected boolean NOT NULL,
  other_affected_count integer NOT NULL,
  is_weapon_involved boolean NOT NULL,
  is_threat_to_life boolean NOT NULL,
  is_serious boolean NOT NULL,
  police_report_status text,
  police_reported_by text,
  police_reported_on date,
  police_reference_number text,
  police_reason_not_made text,
  is_police_help_offered boolean NOT NULL DEFAULT false,
  crisis_support_status text NOT NULL,
  is_occupational_health_contacted boolean NOT NULL,
  requires_authority_notice boolean NOT NULL,
  requires_work_injury_report boolean NOT NULL,
  status text NOT NULL DEFAULT 'reported'
    CHECK (status IN ('reported', 'acknowledged', 'investigating', 'measures_decided', 'closed')),
  acknowledged_at timestamptz,
  closed_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  -- An injury is never a near miss nor a risk observation, whatever wrote the row.
  CHECK (kind = 'incident' OR NOT (physical_injury OR psychological_injury OR injury_needing_care OR death
    OR coalesce(sick_leave_days, 0) > 0))
);
-- Lists are newest first within a tenant, scoped by unit, party or reporter.
CREATE INDEX incidents_tenant_occurred ON incidents (tenant_id, occurred_at DESC, id DESC);
CREATE INDEX incidents_tenant_unit ON incidents (tenant_id, unit_id, occurred_at DESC, id DESC);
CREATE INDEX incidents_tenant_party ON incidents (tenant_id, party_id) WHERE party_id IS NOT NULL;
CREATE INDEX incidents_reporter ON incidents (tenant_id, reporter_person_id);

-- Kept apart from the report: only roles with need-to-know read it, and every read is audited.
CREATE TABLE incident_persons_of_concern (
  incident_id uuid PRIMARY KEY REFERENCES incidents (id) ON DELETE CASCADE,
  tenant_id uuid NOT NULL REFERENCES tenants (id),
  is_known boolean NOT NULL,
  relation text NOT NULL,
  gang_crime_link text NOT NULL CHECK (gang_crime_link IN ('unknown', 'suspected', 'confirmed')),
  violent_extremism_link text NOT NULL CHECK (violent_extremism_link IN ('unknown', 'suspected', 'confirmed')),
  description text NOT NULL DEFAULT ''
);

-- The timeline: every step and comment, appended; what the reporter wrote is never overwritten.
CREATE TABLE incident_events (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id uuid NOT NULL REFERENCES tenants (id),
  incident_id uuid NOT NULL REFERENCES incidents (id) ON DELETE CASCADE,
  occurred_at timestamptz NOT NULL DEFAULT now(),
  actor_person_id uuid REFERENCES people (id),
  kind text NOT NULL CHECK (kind IN ('reported', 'status_changed', 'comment')),
  from_status text,
  to_status text,
  text text NOT NULL DEFAULT ''
);
CREATE INDEX incident_events_incident ON incident_events (incident_id, id);
