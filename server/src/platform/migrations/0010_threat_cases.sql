-- Threat cases (hotbildsbedömning): who is protected, against whom, and the assessments over time.
-- Need-to-know: besides the role's scope, a case is read only by the people on its access list.
CREATE TABLE threat_cases (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES tenants (id),
  -- The unit the case belongs to: whose managers and coordinators may be given access.
  unit_id uuid NOT NULL REFERENCES org_units (id),
  title text NOT NULL,
  protects text NOT NULL CHECK (protects IN ('persons', 'unit', 'site', 'official')),
  site_id uuid REFERENCES sites (id),
  official_person_id uuid REFERENCES people (id),
  summary text NOT NULL DEFAULT '',
  -- The level of the latest assessment, kept here so that lists need not read the versions.
  current_level text CHECK (current_level IN ('low', 'moderate', 'high', 'acute')),
  assessment_count integer NOT NULL DEFAULT 0,
  next_review_on date,
  review_reminded_on date,
  created_by_person_id uuid NOT NULL REFERENCES people (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (protects <> 'site' OR site_id IS NOT NULL),
  CHECK (protects <> 'official' OR official_person_id IS NOT NULL)
);
CREATE INDEX threat_cases_tenant_updated ON threat_cases (tenant_id, updated_at DESC, id DESC);
CREATE INDEX threat_cases_tenant_unit ON threat_cases (tenant_id, unit_id);

-- The people a case protects. The home address is AES-256-GCM ciphertext (platform/field-encryption.ts).
CREATE TABLE threat_case_protected_persons (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES tenants (id),
  case_id uuid NOT NULL REFERENCES threat_cases (id) ON DELETE CASCADE,
  position integer NOT NULL,
  name text NOT NULL,
  description text NOT NULL DEFAULT '',
  home_address_encrypted text
);
CREATE INDEX threat_case_protected_persons_case ON threat_case_protected_persons (case_id, position);

-- The persons behind the threat (GDPR art. 10); the home address is ciphertext as above.
CREATE TABLE threat_case_persons_of_concern (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES tenants (id),
  case_id uuid NOT NULL REFERENCES threat_cases (id) ON DELETE CASCADE,
  position integer NOT NULL,
  name text,
  relation text NOT NULL,
  gang_crime_link text NOT NULL CHECK (gang_crime_link IN ('unknown', 'suspected', 'confirmed')),
  violent_extremism_link text NOT NULL CHECK (violent_extremism_link IN ('unknown', 'suspected', 'confirmed')),
  description text NOT NULL DEFAULT '',
  home_address_encrypted text
);
CREATE INDEX threat_case_persons_of_concern_case ON threat_case_persons_of_concern (case_id, position);

CREATE TABLE threat_case_incidents (
  case_id uuid NOT NULL REFERENCES threat_cases (id) ON DELETE CASCADE,
  incident_id uuid NOT NULL REFERENCES incidents (id),
  tenant_id uuid NOT NULL REFERENCES tenants (id),
  PRIMARY KEY (case_id, incident_id)
);

-- Every assessment is a new version; none is ever overwritten.
CREATE TABLE threat_assessments (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES tenants (id),
  case_id uuid NOT NULL REFERENCES threat_cases (id) ON DELETE CASCADE,
  version integer NOT NULL,
  template_version integer NOT NULL,
  ratings jsonb NOT NULL,
  suggested_level text NOT NULL CHECK (suggested_level IN ('low', 'moderate', 'high', 'acute')),
  level text NOT NULL CHECK (level IN ('low', 'moderate', 'high', 'acute')),
  justification text NOT NULL,
  recommended_measures text NOT NULL DEFAULT '',
  next_review_on date,
  assessed_by_person_id uuid NOT NULL REFERENCES people (id),
  assessed_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (case_id, version)
);

CREATE TABLE threat_case_consultations (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES tenants (id),
  case_id uuid NOT NULL REFERENCES threat_cases (id) ON DELETE CASCADE,
  party text NOT NULL CHECK (party IN ('referring_district', 'bops', 'police', 'occupational_health', 'other')),
  consulted_on date NOT NULL,
  outcome text NOT NULL,
  recorded_by_person_id uuid NOT NULL REFERENCES people (id),
  recorded_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX threat_case_consultations_case ON threat_case_consultations (case_id, consulted_on);

-- The access list: the creator and the people added with a reason (each change is audited).
CREATE TABLE threat_case_access (
  case_id uuid NOT NULL REFERENCES threat_cases (id) ON DELETE CASCADE,
  person_id uuid NOT NULL REFERENCES people (id),
  tenant_id uuid NOT NULL REFERENCES tenants (id),
  reason text NOT NULL,
  added_by_person_id uuid REFERENCES people (id),
  added_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (case_id, person_id)
);
CREATE INDEX threat_case_access_person ON threat_case_access (tenant_id, person_id);

-- Before an individual with known links to criminal networks is taken into an operation (e.g. Jobbtorg):
-- the dialogue with the referring district and BOPS, the decision and the meetings' safety arrangements.
CREATE TABLE threat_case_pre_intake_assessments (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES tenants (id),
  case_id uuid NOT NULL REFERENCES threat_cases (id) ON DELETE CASCADE,
  referring_district_dialogue_on date,
  referring_district_outcome text NOT NULL DEFAULT '',
  bops_dialogue_on date,
  bops_outcome text NOT NULL DEFAULT '',
  decision text NOT NULL CHECK (decision IN ('take_in', 'take_in_with_arrangements', 'postpone', 'decline')),
  safety_arrangements text NOT NULL DEFAULT '',
  decided_by_person_id uuid NOT NULL REFERENCES people (id),
  decided_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX threat_case_pre_intake_assessments_case ON threat_case_pre_intake_assessments (case_id, decided_at);
