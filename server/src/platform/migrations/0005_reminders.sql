-- Managers are reminded of reports that nobody has acknowledged in time.
ALTER TABLE notifications DROP CONSTRAINT notifications_kind_check;
ALTER TABLE notifications ADD CONSTRAINT notifications_kind_check
  CHECK (kind IN ('incident_reported', 'incident_status_changed', 'incident_unacknowledged'));
