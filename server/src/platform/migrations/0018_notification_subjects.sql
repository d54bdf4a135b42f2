-- Notifications point at any record the recipient may open: one nullable reference per kind of
-- record, exactly one of them set (docs/decisions/2026-11-23-notification-subjects.md). Existing rows
-- point at an incident or a risk analysis and keep their columns, so they need no rewriting.
ALTER TABLE notifications ADD COLUMN threat_case_id uuid REFERENCES threat_cases (id) ON DELETE CASCADE;
ALTER TABLE notifications ADD COLUMN measure_id uuid REFERENCES measures (id) ON DELETE CASCADE;
ALTER TABLE notifications ADD COLUMN training_course_id uuid REFERENCES training_courses (id) ON DELETE CASCADE;
ALTER TABLE notifications ADD COLUMN protection_enrolment_id uuid
  REFERENCES protection_enrolments (id) ON DELETE CASCADE;
ALTER TABLE notifications DROP CONSTRAINT notifications_subject_check;
ALTER TABLE notifications ADD CONSTRAINT notifications_subject_check
  CHECK (num_nonnulls(incident_id, risk_analysis_id, threat_case_id, measure_id, training_course_id,
    protection_enrolment_id) = 1);

-- A reminder names the event it tells of (e.g. the measure, the kind and the due date): a job run
-- again after a crash or a retry finds the notification already there and neither writes nor mails.
-- NULLs are distinct, so notifications without a key are never held back.
ALTER TABLE notifications ADD COLUMN event_key text;
CREATE UNIQUE INDEX notifications_event_once ON notifications (recipient_person_id, event_key);

ALTER TABLE notifications DROP CONSTRAINT notifications_kind_check;
ALTER TABLE notifications ADD CONSTRAINT notifications_kind_check
  CHECK (kind IN ('incident_reported', 'incident_status_changed', 'incident_unacknowledged', 'incident_reported_on_behalf',
    'risk_analysis_escalated', 'risk_analysis_escalation_unanswered', 'risk_analysis_escalation_answered',
    'threat_case_review_due', 'measure_due_soon', 'measure_overdue', 'training_renewal_due',
    'protection_conversation_due'));
