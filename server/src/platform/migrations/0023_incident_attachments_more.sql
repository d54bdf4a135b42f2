-- The timeline records removed attachments (by file name), so a removal stays visible on the incident
-- although the file itself is gone. See docs/decisions/2026-11-23-attachments.md.
ALTER TABLE incident_events DROP CONSTRAINT incident_events_kind_check;
ALTER TABLE incident_events ADD CONSTRAINT incident_events_kind_check CHECK (kind IN ('reported', 'status_changed',
  'comment', 'investigation_updated', 'correction', 'measure_added', 'measure_status_changed', 'authority_notified',
  'work_injury_reported', 'attachment_removed'));
