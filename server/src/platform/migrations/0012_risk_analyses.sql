-- Risk analyses before activities (riskanalyser): a party office's for its officials, an
-- administration's for its board, a manager's for the unit's staff. Exactly one owner.
CREATE TABLE risk_analyses (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES tenants (id),
  activity_type text NOT NULL CHECK (activity_type IN ('meeting_known_person', 'meeting_unknown_person',
    'public_appearance', 'travel', 'party_event', 'sensitive_issue', 'board_meeting', 'inauguration',
    'outreach_visit', 'home_visit')),
  title text NOT NULL,
  starts_at timestamptz NOT NULL,
  place text NOT NULL DEFAULT '',
  description text NOT NULL DEFAULT '',
  owner_party_id uuid REFERENCES parties (id),
  owner_org_unit_id uuid REFERENCES org_units (id),
  status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'decided', 'escalated', 'answered')),
  decision text CHECK (decision IN ('go', 'go_with_measures', 'cancel', 'escalate')),
  decision_justification text,
  decided_at timestamptz,
  decided_by_person_id uuid REFERENCES people (id),
  escalated_at timestamptz,
  escalation_reminded_at timestamptz,
  escalation_answer text CHECK (escalation_answer IN ('accept', 'advise', 'take_over')),
  escalation_comment text,
  answered_at timestamptz,
  answered_by_person_id uuid REFERENCES people (id),
  copied_from_id uuid REFERENCES risk_analyses (id),
  created_by_person_id uuid NOT NULL REFERENCES people (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((owner_party_id IS NULL) <> (owner_org_unit_id IS NULL))
);
CREATE INDEX risk_analyses_upcoming ON risk_analyses (tenant_id, starts_at, id);
CREATE INDEX risk_analyses_party ON risk_analyses (tenant_id, owner_party_id, starts_at);
CREATE INDEX risk_analyses_unit ON risk_analyses (tenant_id, owner_org_unit_id, starts_at);

-- The hazards in the analyst's order, rated before measures and residually after them.
CREATE TABLE risk_analysis_hazards (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id uuid NOT NULL REFERENCES tenants (id),
  risk_analysis_id uuid NOT NULL REFERENCES risk_analyses (id) ON DELETE CASCADE,
  position integer NOT NULL,
  hazard text NOT NULL,
  measure text NOT NULL DEFAULT '',
  likelihood smallint CHECK (likelihood BETWEEN 1 AND 5),
  consequence smallint CHECK (consequence BETWEEN 1 AND 5),
  residual_likelihood smallint CHECK (residual_likelihood BETWEEN 1 AND 5),
  residual_consequence smallint CHECK (residual_consequence BETWEEN 1 AND 5),
  UNIQUE (risk_analysis_id, position)
);

-- The analysis's measures with owners are the generic measures.
ALTER TABLE measures DROP CONSTRAINT measures_source_kind_check;
ALTER TABLE measures ADD CONSTRAINT measures_source_kind_check CHECK (source_kind IN ('incident', 'risk_analysis'));

-- Notifications now tell of an incident or of a risk analysis (its escalation and the answer).
ALTER TABLE notifications ALTER COLUMN incident_id DROP NOT NULL;
ALTER TABLE notifications ADD COLUMN risk_analysis_id uuid REFERENCES risk_analyses (id) ON DELETE CASCADE;
ALTER TABLE notifications ADD CONSTRAINT notifications_subject_check
  CHECK ((incident_id IS NULL) <> (risk_analysis_id IS NULL));
ALTER TABLE notifications DROP CONSTRAINT notifications_kind_check;
ALTER TABLE notifications ADD CONSTRAINT notifications_kind_check
  CHECK (kind IN ('incident_reported', 'incident_status_changed', 'incident_unacknowledged', 'incident_reported_on_behalf',
    'risk_analysis_escalated', 'risk_analysis_escalation_unanswered', 'risk_analysis_escalation_answered'));
