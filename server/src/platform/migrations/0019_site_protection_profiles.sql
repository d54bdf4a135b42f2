-- Sites' protection profiles (issue 5): locks, access control, alarms and their alarm centre, cameras,
-- reception, guards, blackout, evacuation and lockdown routes, rooms for risky meetings, lone working.
-- Every save appends a version; the newest is the profile, the earlier ones are its history
-- (who changed what, when). Versions are never updated or deleted.
CREATE TABLE site_protection_profiles (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES tenants (id),
  site_id uuid NOT NULL REFERENCES sites (id),
  version integer NOT NULL CHECK (version >= 1),
  -- One { state, note } per element, as validated by the domain's siteProtectionInputSchema.
  elements jsonb NOT NULL,
  alarm_centre text NOT NULL DEFAULT '',
  note text NOT NULL DEFAULT '',
  changed_by_person_id uuid NOT NULL REFERENCES people (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (site_id, version)
);

-- A photo per answer of a security walk (the door that does not lock). One per question; a new
-- photo replaces the old. The content is encrypted by the application (AES-256-GCM under
-- SECRET_KEY, the photo's id as associated data), like incidents' attachments; listing a walk's
-- photos never selects it.
CREATE TABLE security_walk_photos (
  -- Made by the application: the content's encryption is bound to it.
  id uuid PRIMARY KEY,
  tenant_id uuid NOT NULL REFERENCES tenants (id),
  walk_id uuid NOT NULL REFERENCES security_walks (id) ON DELETE CASCADE,
  question_key text NOT NULL,
  file_name text NOT NULL,
  -- Detected from the content's first bytes, never taken from the browser.
  media_type text NOT NULL CHECK (media_type IN
    ('image/jpeg', 'image/png', 'image/webp', 'image/heic', 'image/heif', 'image/gif')),
  byte_size integer NOT NULL CHECK (byte_size > 0),
  sha256 text NOT NULL,
  content bytea NOT NULL,
  uploaded_by_person_id uuid NOT NULL REFERENCES people (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (walk_id, question_key)
);
-- Ciphertext does not compress: TOAST stores it out of line without trying to.
ALTER TABLE security_walk_photos ALTER COLUMN content SET STORAGE EXTERNAL;
