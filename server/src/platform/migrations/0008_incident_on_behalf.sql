-- Reports made on someone's behalf: the reporter is the affected person, and who registered the
-- report is kept beside it (null when the reporter made it themself).
ALTER TABLE incidents ADD COLUMN registered_by_person_id uuid REFERENCES people (id);

-- The affected person is told that a report was made for them.
ALTER TABLE notifications DROP CONSTRAINT notifications_kind_check;
ALTER TABLE notifications ADD CONSTRAINT notifications_kind_check
  CHECK (kind IN ('incident_reported', 'incident_status_changed', 'incident_unacknowledged', 'incident_reported_on_behalf'));
