-- Foundation: tenants, organisation, people, parties, access, sessions, audit log, idempotency.
-- Every domain table carries tenant_id so a national deployment can shard by tenant.
-- Column sensitivity is tagged beside each table's TypeScript definition (see `tables.ts` files).

CREATE TABLE tenants (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  slug text NOT NULL UNIQUE,
  name text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE org_units (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES tenants (id),
  parent_id uuid REFERENCES org_units (id),
  kind text NOT NULL CHECK (kind IN ('board', 'administration', 'department', 'unit')),
  name text NOT NULL,
  code text,
  -- Materialised path of ids, '/root/child/self/': a subtree is one indexed prefix match.
  path text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (tenant_id, code)
);
CREATE INDEX org_units_tenant_path ON org_units (tenant_id, path text_pattern_ops);
CREATE INDEX org_units_parent ON org_units (parent_id);

CREATE TABLE sites (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES tenants (id),
  unit_id uuid NOT NULL REFERENCES org_units (id),
  name text NOT NULL,
  street_address text NOT NULL,
  postal_code text NOT NULL,
  city text NOT NULL,
  description text NOT NULL DEFAULT '',
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX sites_tenant_unit ON sites (tenant_id, unit_id);

CREATE TABLE parties (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES tenants (id),
  name text NOT NULL,
  abbreviation text NOT NULL,
  office_email text,
  security_contact_person_id uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (tenant_id, abbreviation)
);

CREATE TABLE people (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES tenants (id),
  kind text NOT NULL CHECK (kind IN ('employee', 'elected_official', 'party_staff')),
  given_name text NOT NULL,
  family_name text NOT NULL,
  email text,
  phone text,
  employee_number text,
  title text,
  unit_id uuid REFERENCES org_units (id),
  party_id uuid REFERENCES parties (id),
  official_category text CHECK (official_category IN ('specially_remunerated', 'leisure')),
  has_protected_identity boolean NOT NULL DEFAULT false,
  is_active boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (tenant_id, employee_number),
  UNIQUE (tenant_id, email)
);
-- Keyset pagination orders people by (family_name, given_name, id).
CREATE INDEX people_tenant_name ON people (tenant_id, family_name, given_name, id);
CREATE INDEX people_tenant_unit ON people (tenant_id, unit_id);
CREATE INDEX people_tenant_party ON people (tenant_id, party_id);

ALTER TABLE parties
  ADD CONSTRAINT parties_security_contact_fk FOREIGN KEY (security_contact_person_id) REFERENCES people (id);

CREATE TABLE board_memberships (
  tenant_id uuid NOT NULL REFERENCES tenants (id),
  person_id uuid NOT NULL REFERENCES people (id) ON DELETE CASCADE,
  board_id uuid NOT NULL REFERENCES org_units (id),
  PRIMARY KEY (person_id, board_id)
);

CREATE TABLE role_grants (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES tenants (id),
  person_id uuid NOT NULL REFERENCES people (id) ON DELETE CASCADE,
  role text NOT NULL,
  scope_kind text NOT NULL CHECK (scope_kind IN ('tenant', 'org_unit', 'party', 'self')),
  org_unit_id uuid REFERENCES org_units (id),
  party_id uuid REFERENCES parties (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((scope_kind = 'org_unit') = (org_unit_id IS NOT NULL)),
  CHECK ((scope_kind = 'party') = (party_id IS NOT NULL))
);
CREATE INDEX role_grants_person ON role_grants (person_id);

CREATE TABLE accounts (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES tenants (id),
  person_id uuid NOT NULL UNIQUE REFERENCES people (id) ON DELETE CASCADE,
  -- Sign-in names are unique across the deployment, so sign-in needs no tenant picker.
  email text NOT NULL UNIQUE,
  password_hash text,
  totp_secret_encrypted text,
  totp_enabled_at timestamptz,
  failed_sign_ins integer NOT NULL DEFAULT 0,
  locked_until timestamptz,
  last_sign_in_at timestamptz,
  oidc_subject text UNIQUE,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE sessions (
  -- Only a hash of the cookie's token is stored: a leaked table does not give sessions away.
  token_hash text PRIMARY KEY,
  tenant_id uuid NOT NULL REFERENCES tenants (id),
  account_id uuid NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  person_id uuid NOT NULL REFERENCES people (id) ON DELETE CASCADE,
  csrf_token text NOT NULL,
  is_second_factor_verified boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now(),
  last_seen_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL
);
CREATE INDEX sessions_account ON sessions (account_id);

-- The audit log. Entries are written in the transaction of the change they record; a sealer links
-- them into a per-tenant hash chain in batches (audit_seals), so writers never queue behind one lock.
CREATE TABLE audit_entries (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id uuid NOT NULL REFERENCES tenants (id),
  occurred_at timestamptz NOT NULL DEFAULT now(),
  actor_person_id uuid,
  action text NOT NULL,
  resource_type text NOT NULL,
  resource_id text,
  reason text,
  details jsonb NOT NULL DEFAULT '{}',
  request_id text
);
CREATE INDEX audit_entries_tenant_resource ON audit_entries (tenant_id, resource_type, resource_id);

CREATE TABLE audit_seals (
  entry_id bigint PRIMARY KEY REFERENCES audit_entries (id),
  tenant_id uuid NOT NULL REFERENCES tenants (id),
  sequence bigint NOT NULL,
  previous_hash text NOT NULL,
  hash text NOT NULL,
  sealed_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (tenant_id, sequence)
);

-- The sealer's work queue: an entry's id stands here until it is sealed. Not part of the record.
CREATE TABLE audit_unsealed (
  entry_id bigint PRIMARY KEY REFERENCES audit_entries (id),
  tenant_id uuid NOT NULL
);

CREATE FUNCTION refuse_audit_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'the audit log is append-only: % on % is refused', TG_OP, TG_TABLE_NAME
    USING ERRCODE = 'insufficient_privilege';
END;
$$;
CREATE TRIGGER audit_entries_append_only BEFORE UPDATE OR DELETE ON audit_entries
  FOR EACH ROW EXECUTE FUNCTION refuse_audit_change();
CREATE TRIGGER audit_entries_no_truncate BEFORE TRUNCATE ON audit_entries
  FOR EACH STATEMENT EXECUTE FUNCTION refuse_audit_change();
CREATE TRIGGER audit_seals_append_only BEFORE UPDATE OR DELETE ON audit_seals
  FOR EACH ROW EXECUTE FUNCTION refuse_audit_change();
CREATE TRIGGER audit_seals_no_truncate BEFORE TRUNCATE ON audit_seals
  FOR EACH STATEMENT EXECUTE FUNCTION refuse_audit_change();

CREATE TABLE idempotency_keys (
  account_id uuid NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  key text NOT NULL,
  tenant_id uuid NOT NULL REFERENCES tenants (id),
  request_fingerprint text NOT NULL,
  status_code integer NOT NULL,
  response jsonb,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (account_id, key)
);
