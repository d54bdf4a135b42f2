-- Evidence of completion of a measure as files (issue 5): photos and PDFs beside the completion note.
-- The content is encrypted by the application (AES-256-GCM under SECRET_KEY, the file's id as
-- associated data), like incidents' attachments and walk photos; listing never selects it.
CREATE TABLE measure_evidence_files (
  -- Made by the application: the content's encryption is bound to it.
  id uuid PRIMARY KEY,
  tenant_id uuid NOT NULL REFERENCES tenants (id),
  measure_id uuid NOT NULL REFERENCES measures (id) ON DELETE CASCADE,
  file_name text NOT NULL,
  -- Detected from the content's first bytes, never taken from the browser.
  media_type text NOT NULL CHECK (media_type IN
    ('image/jpeg', 'image/png', 'image/webp', 'image/heic', 'image/heif', 'image/gif', 'application/pdf')),
  byte_size integer NOT NULL CHECK (byte_size > 0),
  sha256 text NOT NULL,
  content bytea NOT NULL,
  uploaded_by_person_id uuid NOT NULL REFERENCES people (id),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX measure_evidence_files_measure ON measure_evidence_files (measure_id, created_at);
-- Ciphertext does not compress: TOAST stores it out of line without trying to.
ALTER TABLE measure_evidence_files ALTER COLUMN content SET STORAGE EXTERNAL;
