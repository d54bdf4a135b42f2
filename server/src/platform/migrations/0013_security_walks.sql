-- Security walks (skyddsronder): versioned checklist templates, walks of a site with their answers,
-- and deviations turned into measures (source_kind 'security_walk').

-- A template is a name that keeps its identity; its content lives in versions. Saving a template
-- appends a version and moves current_version; a walk points at the version it used, for ever.
CREATE TABLE checklist_templates (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES tenants (id),
  current_version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX checklist_templates_tenant ON checklist_templates (tenant_id);

CREATE TABLE checklist_template_versions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES tenants (id),
  template_id uuid NOT NULL REFERENCES checklist_templates (id),
  version integer NOT NULL CHECK (version >= 1),
  name text NOT NULL,
  description text NOT NULL DEFAULT '',
  -- Sections with their questions, as validated by the domain's checklistTemplateInputSchema.
  sections jsonb NOT NULL,
  -- Null for the templates every tenant starts with.
  created_by_person_id uuid REFERENCES people (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (template_id, version)
);

CREATE TABLE security_walks (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES tenants (id),
  site_id uuid NOT NULL REFERENCES sites (id),
  template_version_id uuid NOT NULL REFERENCES checklist_template_versions (id),
  walked_on date NOT NULL,
  -- Names and roles of who took part; outside people (the landlord) have no person row.
  participants jsonb NOT NULL,
  status text NOT NULL DEFAULT 'in_progress' CHECK (status IN ('in_progress', 'finished')),
  summary text NOT NULL DEFAULT '',
  created_by_person_id uuid NOT NULL REFERENCES people (id),
  finished_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX security_walks_site ON security_walks (tenant_id, site_id, walked_on DESC);

-- One answer per question of the walk's template version; saving again replaces it.
CREATE TABLE security_walk_answers (
  walk_id uuid NOT NULL REFERENCES security_walks (id) ON DELETE CASCADE,
  question_key text NOT NULL,
  tenant_id uuid NOT NULL REFERENCES tenants (id),
  result text CHECK (result IN ('ok', 'deviation', 'not_applicable')),
  number double precision,
  note text NOT NULL DEFAULT '',
  -- The measure a deviation became; one per deviation.
  measure_id uuid REFERENCES measures (id),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (walk_id, question_key)
);

ALTER TABLE measures DROP CONSTRAINT measures_source_kind_check;
ALTER TABLE measures ADD CONSTRAINT measures_source_kind_check
  CHECK (source_kind IN ('incident', 'risk_analysis', 'security_walk'));
