-- In-app notifications, written in the transaction of the event they tell of.
CREATE TABLE notifications (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES tenants (id),
  recipient_person_id uuid NOT NULL REFERENCES people (id) ON DELETE CASCADE,
  kind text NOT NULL CHECK (kind IN ('incident_reported', 'incident_status_changed')),
  incident_id uuid NOT NULL REFERENCES incidents (id) ON DELETE CASCADE,
  status text,
  is_serious boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now(),
  read_at timestamptz
);
CREATE INDEX notifications_recipient ON notifications (tenant_id, recipient_person_id, created_at DESC, id DESC);
