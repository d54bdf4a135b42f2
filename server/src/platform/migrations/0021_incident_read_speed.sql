-- Lists and statistics of incidents at 1,000,000 rows (issue 3 benchmark, docs/performance.md).
--
-- Lists: the list reads one page per part of the reader's scope (read.ts, `findIncidents`). Each
-- index a part walks carries the columns a list row shows and filters on, so the page is read from
-- the index alone (no heap page per row: the rows of one unit are scattered over the whole table),
-- and one's own reports are walked newest first instead of being collected and sorted: as a prepared
-- statement's generic plan, which cannot see how many reports a reporter has, the old (tenant,
-- reporter) index lost to a walk of the whole tenant's time index (18 s at 1,000,000 incidents).
-- The per-unit index now carries the statistics' columns too, so `incidents_statistics` goes.
DROP INDEX incidents_tenant_unit;
DROP INDEX incidents_statistics;
DROP INDEX incidents_reporter;
DROP INDEX incidents_tenant_occurred;
CREATE INDEX incidents_tenant_unit ON incidents (tenant_id, unit_id, occurred_at DESC, id DESC)
  INCLUDE (party_id, kind, types, context, status, is_serious, police_report_status, acknowledged_at, created_at);
CREATE INDEX incidents_tenant_occurred ON incidents (tenant_id, occurred_at DESC, id DESC)
  INCLUDE (unit_id, party_id, kind, types, context, status, is_serious, police_report_status);
CREATE INDEX incidents_tenant_reporter ON incidents (tenant_id, reporter_person_id, occurred_at DESC, id DESC);

-- The statistics page reads a monthly rollup instead of counting the incidents again on every view
-- (docs/decisions/2026-11-23-incident-statistics.md). One row per tenant, unit, party, Stockholm
-- month and kind, with the counts the page shows; maintained by triggers in the transaction of every
-- write to incidents and persons of concern, so it is never behind and never counts a rolled-back
-- report. Derived data: no foreign keys (they would only add checks to every report's upsert), and
-- `incident_statistics_rebuild()` computes it again from the incidents.
CREATE TABLE incident_statistics_months (
  tenant_id uuid NOT NULL,
  unit_id uuid,
  party_id uuid,
  -- The first day of the Stockholm calendar month the incidents occurred in.
  month date NOT NULL,
  kind text NOT NULL,
  total integer NOT NULL DEFAULT 0,
  police_report_made integer NOT NULL DEFAULT 0,
  gang_crime_link integer NOT NULL DEFAULT 0,
  violent_extremism_link integer NOT NULL DEFAULT 0,
  acknowledged integer NOT NULL DEFAULT 0,
  -- One column per context and per type of the domain (packages/domain/src/incidents.ts): summed
  -- as plain columns, which is several times cheaper than unnesting arrays or JSON per row.
  context_drop_in integer NOT NULL DEFAULT 0,
  context_booked_visit integer NOT NULL DEFAULT 0,
  context_outreach integer NOT NULL DEFAULT 0,
  context_school integer NOT NULL DEFAULT 0,
  context_home_visit integer NOT NULL DEFAULT 0,
  context_phone integer NOT NULL DEFAULT 0,
  context_digital_channel integer NOT NULL DEFAULT 0,
  context_public_appearance integer NOT NULL DEFAULT 0,
  context_meeting integer NOT NULL DEFAULT 0,
  context_travel integer NOT NULL DEFAULT 0,
  context_other integer NOT NULL DEFAULT 0,
  type_threat integer NOT NULL DEFAULT 0,
  type_violence integer NOT NULL DEFAULT 0,
  type_harassment integer NOT NULL DEFAULT 0,
  type_property_damage integer NOT NULL DEFAULT 0,
  type_other integer NOT NULL DEFAULT 0
);
-- Unit first: the statistics scope is a set of units, each read as a range of months.
CREATE UNIQUE INDEX incident_statistics_months_key
  ON incident_statistics_months (tenant_id, unit_id, month, kind, party_id) NULLS NOT DISTINCT;

-- The median days to acknowledgement cannot be summed: a histogram of the acknowledged incidents
-- by days from report to acknowledgement, rounded to a tenth of a day (the precision shown).
CREATE TABLE incident_acknowledgement_days (
  tenant_id uuid NOT NULL,
  unit_id uuid,
  party_id uuid,
  month date NOT NULL,
  kind text NOT NULL,
  tenths integer NOT NULL,
  count integer NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX incident_acknowledgement_days_key
  ON incident_acknowledgement_days (tenant_id, unit_id, month, kind, party_id, tenths) NULLS NOT DISTINCT;

-- The Stockholm month of an instant, and the days to acknowledgement in tenths: shared by the
-- triggers, the rebuild and the statistics service's count of the period's partial months.
CREATE FUNCTION incident_statistics_month(occurred_at timestamptz) RETURNS date
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  RETURN date_trunc('month', occurred_at AT TIME ZONE 'Europe/Stockholm')::date;

CREATE FUNCTION incident_acknowledgement_tenths(acknowledged_at timestamptz, created_at timestamptz) RETURNS integer
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  RETURN round(extract(epoch FROM acknowledged_at - created_at) / 8640)::integer;

-- Adds (sign 1) or takes away (sign -1) one incident's share of the rollup. A new incident has no
-- person of concern yet (it is inserted after the incident, and its own trigger counts its links);
-- an incident that changes or goes takes its person of concern's links with it.
CREATE FUNCTION incident_statistics_apply(incident incidents, sign integer, with_links boolean) RETURNS void
  LANGUAGE plpgsql AS $$
DECLARE
  concern incident_persons_of_concern;
  gang integer := 0;
  extremism integer := 0;
  month_start date := incident_statistics_month(incident.occurred_at);
BEGIN
  IF with_links THEN
    SELECT * INTO concern FROM incident_persons_of_concern WHERE incident_id = incident.id;
  END IF;
  IF with_links AND FOUND THEN
    gang := (concern.gang_crime_link IN ('suspected', 'confirmed'))::integer;
    extremism := (concern.violent_extremism_link IN ('suspected', 'confirmed'))::integer;
  END IF;
  INSERT INTO incident_statistics_months AS rollup (
    tenant_id, unit_id, party_id, month, kind, total, police_report_made, gang_crime_link,
    violent_extremism_link, acknowledged, context_drop_in, context_booked_visit, context_outreach,
    context_school, context_home_visit, context_phone, context_digital_channel, context_public_appearance,
    context_meeting, context_travel, context_other, type_threat, type_violence, type_harassment,
    type_property_damage, type_other
  ) VALUES (
    incident.tenant_id, incident.unit_id, incident.party_id, month_start, incident.kind, sign,
    sign * (incident.police_report_status IS NOT DISTINCT FROM 'made')::integer,
    sign * gang, sign * extremism, sign * (incident.acknowledged_at IS NOT NULL)::integer,
    sign * (incident.context = 'drop_in')::integer, sign * (incident.context = 'booked_visit')::integer,
    sign * (incident.context = 'outreach')::integer, sign * (incident.context = 'school')::integer,
    sign * (incident.context = 'home_visit')::integer, sign * (incident.context = 'phone')::integer,
    sign * (incident.context = 'digital_channel')::integer,
    sign * (incident.context = 'public_appearance')::integer, sign * (incident.context = 'meeting')::integer,
    sign * (incident.context = 'travel')::integer, sign * (incident.context = 'other')::integer,
    sign * ('threat' = ANY(incident.types))::integer, sign * ('violence' = ANY(incident.types))::integer,
    sign * ('harassment' = ANY(incident.types))::integer,
    sign * ('property_damage' = ANY(incident.types))::integer, sign * ('other' = ANY(incident.types))::integer
  )
  ON CONFLICT (tenant_id, unit_id, month, kind, party_id) DO UPDATE SET
    total = rollup.total + excluded.total,
    police_report_made = rollup.police_report_made + excluded.police_report_made,
    gang_crime_link = rollup.gang_crime_link + excluded.gang_crime_link,
    violent_extremism_link = rollup.violent_extremism_link + excluded.violent_extremism_link,
    acknowledged = rollup.acknowledged + excluded.acknowledged,
    context_drop_in = rollup.context_drop_in + excluded.context_drop_in,
    context_booked_visit = rollup.context_booked_visit + excluded.context_booked_visit,
    context_outreach = rollup.context_outreach + excluded.context_outreach,
    context_school = rollup.context_school + excluded.context_school,
    context_home_visit = rollup.context_home_visit + excluded.context_home_visit,
    context_phone = rollup.context_phone + excluded.context_phone,
    context_digital_channel = rollup.context_digital_channel + excluded.context_digital_channel,
    context_public_appearance = rollup.context_public_appearance + excluded.context_public_appearance,
    context_meeting = rollup.context_meeting + excluded.context_meeting,
    context_travel = rollup.context_travel + excluded.context_travel,
    context_other = rollup.context_other + excluded.context_other,
    type_threat = rollup.type_threat + excluded.type_threat,
    type_violence = rollup.type_violence + excluded.type_violence,
    type_harassment = rollup.type_harassment + excluded.type_harassment,
    type_property_damage = rollup.type_property_damage + excluded.type_property_damage,
    type_other = rollup.type_other + excluded.type_other;
  IF incident.acknowledged_at IS NOT NULL THEN
    INSERT INTO incident_acknowledgement_days AS histogram (tenant_id, unit_id, party_id, month, kind, tenths, count)
    VALUES (incident.tenant_id, incident.unit_id, incident.party_id, month_start, incident.kind,
      incident_acknowledgement_tenths(incident.acknowledged_at, incident.created_at), sign)
    ON CONFLICT (tenant_id, unit_id, month, kind, party_id, tenths) DO UPDATE SET
      count = histogram.count + excluded.count;
  END IF;
END;
$$;

-- Inserts and updates when the transaction commits (deferred): the rollup row of a unit's month is
-- then locked for the commit only, not for the rest of the report's transaction, so concurrent
-- reports to one unit do not queue behind each other's notifications and audit. A delete before the
-- row goes, while its person of concern (deleted by the cascade) can still be read. The counts are
-- sums of +1/-1, so the order in which the triggers fire does not change them.
CREATE FUNCTION incidents_statistics_changed() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND (OLD.tenant_id, OLD.unit_id, OLD.party_id, OLD.occurred_at, OLD.kind, OLD.context,
      OLD.types, OLD.police_report_status, OLD.acknowledged_at, OLD.created_at)
    IS NOT DISTINCT FROM (NEW.tenant_id, NEW.unit_id, NEW.party_id, NEW.occurred_at, NEW.kind, NEW.context,
      NEW.types, NEW.police_report_status, NEW.acknowledged_at, NEW.created_at) THEN
    RETURN NULL;
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    PERFORM incident_statistics_apply(OLD, -1, true);
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    PERFORM incident_statistics_apply(NEW, 1, TG_OP = 'UPDATE');
  END IF;
  RETURN OLD;
END;
$$;
CREATE CONSTRAINT TRIGGER incidents_statistics_written AFTER INSERT OR UPDATE ON incidents
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION incidents_statistics_changed();
CREATE TRIGGER incidents_statistics_deleted BEFORE DELETE ON incidents
  FOR EACH ROW EXECUTE FUNCTION incidents_statistics_changed();

-- A person of concern added, changed or removed moves the incident's link counts (at commit, after
-- the incident's own deferred trigger has made its row). When the incident itself is being deleted
-- it is no longer found, and its delete trigger has taken them away already. (An incident whose
-- unit, month or kind changes in the same transaction as its person of concern would be counted
-- with the links under the new key only; the app changes neither: corrections are appended.)
CREATE FUNCTION incident_concerns_statistics_changed() RETURNS trigger
  LANGUAGE plpgsql AS $$
DECLARE
  incident incidents;
  gang integer := 0;
  extremism integer := 0;
BEGIN
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    gang := (NEW.gang_crime_link IN ('suspected', 'confirmed'))::integer;
    extremism := (NEW.violent_extremism_link IN ('suspected', 'confirmed'))::integer;
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    gang := gang - (OLD.gang_crime_link IN ('suspected', 'confirmed'))::integer;
    extremism := extremism - (OLD.violent_extremism_link IN ('suspected', 'confirmed'))::integer;
  END IF;
  IF gang = 0 AND extremism = 0 THEN
    RETURN NULL;
  END IF;
  SELECT * INTO incident FROM incidents
    WHERE id = (CASE WHEN TG_OP = 'DELETE' THEN OLD.incident_id ELSE NEW.incident_id END);
  IF NOT FOUND THEN
    RETURN NULL;
  END IF;
  UPDATE incident_statistics_months SET
    gang_crime_link = gang_crime_link + gang,
    violent_extremism_link = violent_extremism_link + extremism
  WHERE tenant_id = incident.tenant_id AND unit_id IS NOT DISTINCT FROM incident.unit_id
    AND month = incident_statistics_month(incident.occurred_at) AND kind = incident.kind
    AND party_id IS NOT DISTINCT FROM incident.party_id;
  RETURN NULL;
END;
$$;
CREATE CONSTRAINT TRIGGER incident_concerns_statistics AFTER INSERT OR UPDATE OR DELETE
  ON incident_persons_of_concern DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW EXECUTE FUNCTION incident_concerns_statistics_changed();

-- The rollup computed from scratch: for the incidents already there, and after a bulk load that ran
-- with the triggers disabled (the benchmark's seed).
CREATE FUNCTION incident_statistics_rebuild() RETURNS void
  LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM incident_statistics_months;
  DELETE FROM incident_acknowledgement_days;
  INSERT INTO incident_statistics_months (
    tenant_id, unit_id, party_id, month, kind, total, police_report_made, gang_crime_link,
    violent_extremism_link, acknowledged, context_drop_in, context_booked_visit, context_outreach,
    context_school, context_home_visit, context_phone, context_digital_channel, context_public_appearance,
    context_meeting, context_travel, context_other, type_threat, type_violence, type_harassment,
    type_property_damage, type_other
  )
  SELECT incident.tenant_id, incident.unit_id, incident.party_id, incident_statistics_month(incident.occurred_at),
    incident.kind, count(*),
    count(*) FILTER (WHERE incident.police_report_status = 'made'),
    count(*) FILTER (WHERE concern.gang_crime_link IN ('suspected', 'confirmed')),
    count(*) FILTER (WHERE concern.violent_extremism_link IN ('suspected', 'confirmed')),
    count(incident.acknowledged_at),
    count(*) FILTER (WHERE incident.context = 'drop_in'), count(*) FILTER (WHERE incident.context = 'booked_visit'),
    count(*) FILTER (WHERE incident.context = 'outreach'), count(*) FILTER (WHERE incident.context = 'school'),
    count(*) FILTER (WHERE incident.context = 'home_visit'), count(*) FILTER (WHERE incident.context = 'phone'),
    count(*) FILTER (WHERE incident.context = 'digital_channel'),
    count(*) FILTER (WHERE incident.context = 'public_appearance'),
    count(*) FILTER (WHERE incident.context = 'meeting'), count(*) FILTER (WHERE incident.context = 'travel'),
    count(*) FILTER (WHERE incident.context = 'other'),
    count(*) FILTER (WHERE 'threat' = ANY(incident.types)), count(*) FILTER (WHERE 'violence' = ANY(incident.types)),
    count(*) FILTER (WHERE 'harassment' = ANY(incident.types)),
    count(*) FILTER (WHERE 'property_damage' = ANY(incident.types)),
    count(*) FILTER (WHERE 'other' = ANY(incident.types))
  FROM incidents AS incident
  LEFT JOIN incident_persons_of_concern AS concern ON concern.incident_id = incident.id
  GROUP BY 1, 2, 3, 4, 5;
  INSERT INTO incident_acknowledgement_days (tenant_id, unit_id, party_id, month, kind, tenths, count)
  SELECT tenant_id, unit_id, party_id, incident_statistics_month(occurred_at), kind,
    incident_acknowledgement_tenths(acknowledged_at, created_at), count(*)
  FROM incidents
  WHERE acknowledged_at IS NOT NULL
  GROUP BY 1, 2, 3, 4, 5, 6;
END;
$$;
SELECT incident_statistics_rebuild();
