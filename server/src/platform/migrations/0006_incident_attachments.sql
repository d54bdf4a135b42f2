-- Attachments to incidents: photos, screenshots of threatening messages, PDFs. The incident lists the
-- metadata; the content has a table of its own, so reading or listing incidents never touches it,
-- and is encrypted by the application (AES-256-GCM under SECRET_KEY). See
-- docs/decisions/2026-11-23-attachments.md.
CREATE TABLE incident_attachments (
  -- Made by the application: the content's encryption is bound to it.
  id uuid PRIMARY KEY,
  tenant_id uuid NOT NULL REFERENCES tenants (id),
  incident_id uuid NOT NULL REFERENCES incidents (id) ON DELETE CASCADE,
  file_name text NOT NULL,
  -- Detected from the content's first bytes, never taken from the browser.
  media_type text NOT NULL CHECK (media_type IN
    ('image/jpeg', 'image/png', 'image/webp', 'image/heic', 'image/heif', 'image/gif', 'application/pdf')),
  byte_size integer NOT NULL CHECK (byte_size > 0),
  sha256 text NOT NULL,
  uploaded_by_person_id uuid NOT NULL REFERENCES people (id),
  -- The clock, not the transaction's start: files of one upload keep the order they were sent in.
  created_at timestamptz NOT NULL DEFAULT clock_timestamp()
);
CREATE INDEX incident_attachments_incident ON incident_attachments (tenant_id, incident_id, created_at);

CREATE TABLE attachment_contents (
  attachment_id uuid PRIMARY KEY REFERENCES incident_attachments (id) ON DELETE CASCADE,
  tenant_id uuid NOT NULL REFERENCES tenants (id),
  content bytea NOT NULL
);
-- Ciphertext does not compress: TOAST stores it out of line without trying to.
ALTER TABLE attachment_contents ALTER COLUMN content SET STORAGE EXTERNAL;
