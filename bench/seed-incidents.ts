import { incidentContexts, incidentKinds, incidentTypes } from '@varn/domain';
import { sql } from 'kysely';
import type { Db } from '../server/src/platform/database.ts';

/** SQL array literal of the domain's enum values, so the seed follows the domain if it changes. */
const textArray = (values: readonly string[]) => sql.raw(`ARRAY[${values.map((value) => `'${value}'`).join(',')}]`);

/**
 * Adds `unitCount` units (kind 'unit', materialised paths '/…/<administration>/<id>/') spread over
 * the tenant's administrations, then `incidentCount` incidents over all the tenant's departments and
 * units (the demo's too, so the demo manager's unit has its share), the last two years, reporters
 * from the tenant's staff without a log-in; each by one INSERT … SELECT generate_series. Then VACUUM
 * ANALYZE: the visibility map autovacuum keeps in a running system, which index-only scans need.
 * The statistics rollup's triggers are off during the load and the rollup is rebuilt after it.
 */
export async function seedIncidents(
  db: Db,
  tenantId: string,
  unitCount: number,
  incidentCount: number,
): Promise<{ units: number; incidents: number; personsOfConcern: number }> {
  await sql`
    WITH administrations AS (
      SELECT id, path, row_number() OVER (ORDER BY code) - 1 AS n, count(*) OVER () AS total
      FROM org_units WHERE tenant_id = ${tenantId} AND kind = 'administration'
    ),
    new_units AS (
      SELECT gen_random_uuid() AS id, g FROM generate_series(1, ${unitCount}::int) AS g
    )
    INSERT INTO org_units (id, tenant_id, parent_id, kind, name, code, path)
    SELECT new_units.id, ${tenantId}, administrations.id, 'unit', 'Bench-enhet ' || g, 'BENCH-' || g,
      administrations.path || new_units.id || '/'
    FROM new_units JOIN administrations ON administrations.n = g % administrations.total
  `.execute(db);

  // The usual bulk load: the secondary indexes of incidents are dropped and built again afterwards,
  // from their own definitions, which is several times faster than maintaining them row by row.
  const indexes = await sql<{ name: string; definition: string }>`
    SELECT indexname AS name, indexdef AS definition FROM pg_indexes
    WHERE schemaname = current_schema() AND tablename = 'incidents' AND indexname <> 'incidents_pkey'
  `.execute(db);
  for (const index of indexes.rows) await sql`DROP INDEX ${sql.ref(index.name)}`.execute(db);
  // Likewise the statistics rollup: computed once at the end rather than upserted per row.
  await sql`ALTER TABLE incidents DISABLE TRIGGER incidents_statistics_written`.execute(db);
  await sql`ALTER TABLE incident_persons_of_concern DISABLE TRIGGER incident_concerns_statistics`.execute(db);

  // random() in the inner select list keeps the subquery from being pulled up, so each row's draws
  // are made once and agree with each other (an injury only on an incident, as the CHECK demands).
  await sql`
    WITH units AS (
      SELECT id, (row_number() OVER (ORDER BY path) - 1)::int AS n
      FROM org_units WHERE tenant_id = ${tenantId} AND kind IN ('department', 'unit')
    ),
    reporters AS (
      SELECT id, (row_number() OVER (ORDER BY id) - 1)::int AS n
      FROM people WHERE tenant_id = ${tenantId} AND kind = 'employee'
        -- not the demo log-ins: their own reports are in their read scope, which would hide the cost
        -- of a manager's scope of one unit among 2,000
        AND NOT EXISTS (SELECT 1 FROM accounts WHERE accounts.person_id = people.id)
    ),
    draws AS (
      SELECT g,
        g % (SELECT count(*)::int FROM units) AS unit_n,
        floor(random() * (SELECT count(*) FROM reporters))::int AS reporter_n,
        random() AS r_kind, random() AS r_type, random() AS r_second, random() AS r_context,
        random() AS r_serious, random() AS r_injury, random() AS r_police, random() AS r_status,
        now() - random() * interval '730 days' AS occurred_at
      FROM generate_series(1, ${incidentCount}::int) AS g
      OFFSET 0
    ),
    shaped AS (
      SELECT draws.*,
        (${textArray(incidentKinds)})[1 + (CASE WHEN r_kind < 0.7 THEN 0 WHEN r_kind < 0.9 THEN 1 ELSE 2 END)] AS kind,
        (${textArray(incidentTypes)})[1 + floor(r_type * ${incidentTypes.length})::int] AS first_type,
        (${textArray(incidentTypes)})[1 + floor(r_second * ${incidentTypes.length})::int] AS second_type,
        (${textArray(incidentContexts)})[1 + floor(r_context * ${incidentContexts.length})::int] AS context
      FROM draws
      OFFSET 0
    )
    INSERT INTO incidents (
      tenant_id, reporter_person_id, unit_id, place_description, kind, types, occurred_at,
      is_outside_working_hours, context, description, physical_injury, psychological_injury,
      injury_needing_care, sick_leave_days, property_damage, death, is_reporter_affected,
      other_affected_count, is_weapon_involved, is_threat_to_life, is_serious, police_report_status,
      police_reported_by, police_reason_not_made, crisis_support_status, is_occupational_health_contacted,
      requires_authority_notice, requires_work_injury_report, status, acknowledged_at, closed_at,
      created_at, updated_at
    )
    SELECT ${tenantId}, reporters.id, units.id, 'Receptionen', kind,
      CASE WHEN r_second < 0.3 AND second_type <> first_type THEN ARRAY[first_type, second_type]
           ELSE ARRAY[first_type] END,
      occurred_at,
      extract(hour FROM occurred_at) NOT BETWEEN 7 AND 17,
      context,
      'Besökaren blev upprörd över ett beslut, höjde rösten och hotade personalen. Incident ' || g || '.',
      kind = 'incident' AND r_injury < 0.10,
      kind = 'incident' AND r_injury < 0.20,
      kind = 'incident' AND r_injury < 0.02,
      CASE WHEN kind = 'incident' AND r_injury < 0.05 THEN 1 + (g % 10) END,
      r_injury > 0.95,
      false,
      true,
      CASE WHEN r_serious < 0.02 THEN 2 ELSE 0 END,
      r_serious >= 0.02 AND r_serious < 0.035,
      r_serious >= 0.035 AND r_serious < 0.045,
      -- isSerious(): injury needing care, a weapon, a threat to life or more than one affected
      (kind = 'incident' AND r_injury < 0.02) OR r_serious < 0.045,
      CASE WHEN r_police < 0.15 THEN 'made' WHEN r_police < 0.18 THEN 'planned' WHEN r_police < 0.28 THEN 'not_made' END,
      CASE WHEN r_police < 0.15 THEN 'manager' END,
      CASE WHEN r_police >= 0.18 AND r_police < 0.28 THEN 'Ingen brottslig handling' END,
      CASE WHEN r_injury < 0.20 THEN 'offered' ELSE 'not_offered' END,
      kind = 'incident' AND r_injury < 0.05,
      (kind = 'incident' AND (r_injury < 0.02 OR (r_injury < 0.20 AND r_serious < 0.02)))
        OR (kind = 'near_miss' AND r_serious >= 0.02 AND r_serious < 0.045),
      kind = 'incident' AND r_injury < 0.20,
      CASE WHEN occurred_at > now() - interval '14 days' THEN
             (ARRAY['reported','acknowledged','investigating'])[1 + floor(r_status * 3)::int]
           WHEN occurred_at > now() - interval '90 days' THEN
             (ARRAY['acknowledged','investigating','measures_decided','closed'])[1 + floor(r_status * 4)::int]
           ELSE CASE WHEN r_status < 0.95 THEN 'closed' ELSE 'measures_decided' END END,
      occurred_at + interval '1 day',
      CASE WHEN occurred_at <= now() - interval '90 days' AND r_status < 0.95 THEN occurred_at + interval '30 days' END,
      occurred_at + interval '2 hours',
      occurred_at + interval '2 hours'
    FROM shaped
    JOIN units ON units.n = unit_n
    JOIN reporters ON reporters.n = reporter_n
  `.execute(db);
  for (const index of indexes.rows) await sql.raw(index.definition).execute(db);
  // A person of concern on about 4 % of the incidents and threats.
  await sql`
    INSERT INTO incident_persons_of_concern (incident_id, tenant_id, is_known, relation, gang_crime_link,
      violent_extremism_link, description)
    SELECT id, tenant_id, true, 'client',
      CASE WHEN get_byte(uuid_send(id), 1) < 26 THEN 'suspected' ELSE 'unknown' END, 'unknown', ''
    FROM incidents
    WHERE tenant_id = ${tenantId} AND kind = 'incident' AND get_byte(uuid_send(id), 0) < 15
  `.execute(db);
  await sql`SELECT incident_statistics_rebuild()`.execute(db);
  await sql`ALTER TABLE incidents ENABLE TRIGGER incidents_statistics_written`.execute(db);
  await sql`ALTER TABLE incident_persons_of_concern ENABLE TRIGGER incident_concerns_statistics`.execute(db);
  await sql`VACUUM ANALYZE`.execute(db);
  const counted = await sql<{ units: number; incidents: number; concerns: number }>`
    SELECT (SELECT count(*)::int FROM org_units WHERE kind = 'unit') AS units,
      (SELECT count(*)::int FROM incidents) AS incidents,
      (SELECT count(*)::int FROM incident_persons_of_concern) AS concerns
  `.execute(db);
  const row = counted.rows[0];
  return { units: row?.units ?? 0, incidents: row?.incidents ?? 0, personsOfConcern: row?.concerns ?? 0 };
}
