-- Measures of every source (åtgärder): categories, postponing and cancelling with reasons, costs,
-- evidence of completion, standalone measures and board assignments, a history of status changes,
-- and reminders before and after the due date.

-- Every source kind, including those other migrations add (security walks, risk analyses), so the
-- constraint allows all of them whichever migration runs last.
ALTER TABLE measures DROP CONSTRAINT IF EXISTS measures_source_kind_check;
ALTER TABLE measures ADD CONSTRAINT measures_source_kind_check CHECK (source_kind IN ('incident', 'threat_case',
  'risk_analysis', 'security_walk', 'drill', 'board_assignment', 'standalone'));
-- Standalone measures and board assignments have no source record in Värn.
ALTER TABLE measures ALTER COLUMN source_id DROP NOT NULL;
ALTER TABLE measures ADD COLUMN source_reference text NOT NULL DEFAULT '';

ALTER TABLE measures DROP CONSTRAINT IF EXISTS measures_status_check;
ALTER TABLE measures ADD CONSTRAINT measures_status_check
  CHECK (status IN ('planned', 'in_progress', 'done', 'postponed', 'cancelled'));

ALTER TABLE measures ADD COLUMN category text NOT NULL DEFAULT 'routine' CHECK (category IN ('training',
  'perimeter_protection', 'routine', 'alarm', 'safety_app', 'camera', 'lock', 'access_control', 'role_staffing',
  'information'));
ALTER TABLE measures ADD COLUMN site_id uuid REFERENCES sites (id);
-- Why it was postponed or cancelled (the latest change; the history keeps every one).
ALTER TABLE measures ADD COLUMN status_reason text NOT NULL DEFAULT '';
ALTER TABLE measures ADD COLUMN completion_note text NOT NULL DEFAULT '';
-- Whole öre (1/100 SEK).
ALTER TABLE measures ADD COLUMN estimated_cost_ore bigint CHECK (estimated_cost_ore >= 0);
ALTER TABLE measures ADD COLUMN actual_cost_ore bigint CHECK (actual_cost_ore >= 0);
ALTER TABLE measures ADD CONSTRAINT measures_postponed_has_reason
  CHECK (status NOT IN ('postponed', 'cancelled') OR status_reason <> '');

-- Lists of a unit or an administration: a subtree of responsible units, by due date.
CREATE INDEX measures_unit_due ON measures (tenant_id, org_unit_id, due_on, id);
CREATE INDEX measures_site ON measures (tenant_id, site_id) WHERE site_id IS NOT NULL;

CREATE TABLE measure_status_changes (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES tenants (id),
  measure_id uuid NOT NULL REFERENCES measures (id),
  from_status text,
  to_status text NOT NULL,
  due_on date NOT NULL,
  reason text NOT NULL DEFAULT '',
  changed_by_person_id uuid NOT NULL REFERENCES people (id),
  changed_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX measure_status_changes_measure ON measure_status_changes (tenant_id, measure_id, changed_at);

-- A reminder fires once per measure, kind and due date: the unique key makes a second run a no-op.
CREATE TABLE measure_reminders (
  tenant_id uuid NOT NULL REFERENCES tenants (id),
  measure_id uuid NOT NULL REFERENCES measures (id),
  kind text NOT NULL CHECK (kind IN ('before_due', 'overdue')),
  due_on date NOT NULL,
  reminded_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, measure_id, kind, due_on)
);
