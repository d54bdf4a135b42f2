import { type FactorRating, factorRatings, threatAssessmentTemplate, threatLevels } from '@varn/domain';
import { sql } from 'kysely';
import type { Db } from '../server/src/platform/database.ts';
import { encryptField } from '../server/src/platform/field-encryption.ts';
import type { StoredRating } from '../server/src/threat-cases/tables.ts';

const caseTables = [
  'threat_cases',
  'threat_case_protected_persons',
  'threat_case_persons_of_concern',
  'threat_assessments',
  'threat_case_consultations',
  'threat_case_access',
];
export const assessmentVersions = 5;
/** Real ciphertexts made with the server's key, reused across rows: decrypting is part of the read. */
const addressPoolSize = 256;
const ratingVariants = 8;

export interface SeededThreatCases {
  cases: number;
  assessments: number;
  accessEntries: number;
}

/**
 * `caseCount` threat cases spread evenly over the tenant's departments and units, each with a
 * protected person and a person of concern (home addresses encrypted with `addressKey`, the key the
 * server decrypts them with), five assessment versions whose ratings are stored as the real table
 * stores them (every factor of the template), a consultation, and an access list: the creator, the
 * security coordinator of the case's administration and the manager of the case's unit where the
 * demo has one (so the demo's coordinator and manager are listed on every case in their scope), and
 * a second handler. Each table by one INSERT … SELECT; the secondary indexes that back no constraint
 * are dropped and built again around the load, then VACUUM ANALYZE.
 */
export async function seedThreatCases(
  db: Db,
  tenantId: string,
  addressKey: Buffer,
  caseCount: number,
): Promise<SeededThreatCases> {
  const addresses = JSON.stringify(
    Array.from({ length: addressPoolSize }, (_, n) =>
      encryptField(
        addressKey,
        `Exempelgatan ${1 + (n % 120)}, lgh ${1000 + n}, 1${String(n).padStart(2, '0')} 45 Stockholm`,
      ),
    ),
  );
  const ratings = JSON.stringify(Array.from({ length: ratingVariants }, (_, variant) => ratingsOf(variant)));
  const levels = sql.raw(`ARRAY[${threatLevels.map((level) => `'${level}'`).join(',')}]`);

  const indexes = await sql<{ name: string; definition: string }>`
    SELECT index_class.relname AS name, pg_get_indexdef(index_.indexrelid) AS definition
    FROM pg_index AS index_
    JOIN pg_class AS index_class ON index_class.oid = index_.indexrelid
    JOIN pg_class AS table_class ON table_class.oid = index_.indrelid
    WHERE table_class.relname IN (${sql.join(caseTables)})
      AND table_class.relnamespace = current_schema()::regnamespace
      AND NOT EXISTS (SELECT 1 FROM pg_constraint WHERE pg_constraint.conindid = index_.indexrelid)
  `.execute(db);
  for (const index of indexes.rows) await sql`DROP INDEX ${sql.ref(index.name)}`.execute(db);

  // Creators, assessors and second handlers: staff without a log-in (the demo's and the bench's).
  await sql`
    WITH units AS (
      SELECT id, (row_number() OVER (ORDER BY path) - 1)::int AS n
      FROM org_units WHERE tenant_id = ${tenantId} AND kind IN ('department', 'unit')
    ),
    staff AS (
      SELECT id, (row_number() OVER (ORDER BY id) - 1)::int AS n
      FROM people WHERE tenant_id = ${tenantId} AND kind = 'employee'
        AND NOT EXISTS (SELECT 1 FROM accounts WHERE accounts.person_id = people.id)
    ),
    draws AS (
      SELECT g, g % (SELECT count(*)::int FROM units) AS unit_n,
        g % (SELECT count(*)::int FROM staff) AS staff_n,
        now() - (g % 700) * interval '1 day' - interval '160 days' AS created_at
      FROM generate_series(1, ${caseCount}::int) AS g
    )
    INSERT INTO threat_cases (tenant_id, unit_id, title, protects, summary, current_level, assessment_count,
      next_review_on, created_by_person_id, created_at, updated_at)
    SELECT ${tenantId}, units.id, 'Hot mot handläggare efter avslag ' || g, 'persons',
      'En klient har vid upprepade tillfällen hotat handläggaren efter ett avslagsbeslut, både vid besök och '
        || 'per telefon. Hoten har blivit mer konkreta och klienten har nämnt handläggarens bostadsområde. '
        || 'Polisanmälan är gjord. Ärende ' || g || '.',
      (${levels})[1 + g % 4], ${assessmentVersions},
      (created_at + interval '180 days')::date, staff.id, created_at, created_at + interval '150 days'
    FROM draws JOIN units ON units.n = unit_n JOIN staff ON staff.n = staff_n
  `.execute(db);

  await sql`
    INSERT INTO threat_case_protected_persons (tenant_id, case_id, position, name, description, home_address_encrypted)
    SELECT tenant_id, id, 0, 'Handläggare ' || left(id::text, 8),
      'Handläggare på enheten; har skyddad adress sedan förra året.',
      ${addresses}::jsonb ->> (get_byte(uuid_send(id), 0) % ${addressPoolSize})
    FROM threat_cases WHERE tenant_id = ${tenantId}
  `.execute(db);
  await sql`
    INSERT INTO threat_case_persons_of_concern (tenant_id, case_id, position, name, relation, gang_crime_link,
      violent_extremism_link, description, home_address_encrypted)
    SELECT tenant_id, id, 0, 'Klient ' || left(id::text, 8), 'client',
      CASE WHEN get_byte(uuid_send(id), 1) < 40 THEN 'suspected' ELSE 'unknown' END, 'unknown',
      'Känd sedan tidigare av enheten; har uttryckt missnöje med beslut vid flera tillfällen.',
      ${addresses}::jsonb ->> (get_byte(uuid_send(id), 2) % ${addressPoolSize})
    FROM threat_cases WHERE tenant_id = ${tenantId}
  `.execute(db);
  await sql`
    INSERT INTO threat_assessments (tenant_id, case_id, version, template_version, ratings, suggested_level, level,
      justification, recommended_measures, next_review_on, assessed_by_person_id, assessed_at)
    SELECT tenant_id, id, version, ${threatAssessmentTemplate.version},
      ${ratings}::jsonb -> ((get_byte(uuid_send(id), 3) + version) % ${ratingVariants}),
      (${levels})[1 + (get_byte(uuid_send(id), 4) + version) % 4],
      (${levels})[1 + (get_byte(uuid_send(id), 4) + version) % 4],
      'Hotet är riktat och upprepat; personen har kännedom om den hotades vardag men saknar känd tillgång '
        || 'till vapen. Nivån bedöms utifrån faktorerna och samtal med polisens kontaktperson. Version ' || version || '.',
      'Besök endast med två handläggare, larmknapp i mötesrummet, ingen publicering av namn på webben.',
      (created_at + version * interval '30 days' + interval '30 days')::date,
      created_by_person_id, created_at + version * interval '30 days'
    FROM threat_cases, generate_series(1, ${assessmentVersions}::int) AS version
    WHERE tenant_id = ${tenantId}
  `.execute(db);
  await sql`
    INSERT INTO threat_case_consultations (tenant_id, case_id, party, consulted_on, outcome, recorded_by_person_id,
      recorded_at)
    SELECT tenant_id, id, 'police', (created_at + interval '3 days')::date,
      'Polisen känner till personen; ingen pågående utredning om våld.', created_by_person_id,
      created_at + interval '3 days'
    FROM threat_cases WHERE tenant_id = ${tenantId}
  `.execute(db);

  // The access list: the creator (no reason: creating the case is the reason), then the log-ins
  // whose grant's unit contains the case's unit (the demo's coordinator, manager and security
  // department), then a second handler of the unit.
  await sql`
    INSERT INTO threat_case_access (case_id, person_id, tenant_id, reason, added_by_person_id, added_at)
    SELECT id, created_by_person_id, tenant_id, '', NULL, created_at FROM threat_cases WHERE tenant_id = ${tenantId}
  `.execute(db);
  await sql`
    INSERT INTO threat_case_access (case_id, person_id, tenant_id, reason, added_by_person_id, added_at)
    SELECT DISTINCT ON (threat_case.id, grant_.person_id) threat_case.id, grant_.person_id, threat_case.tenant_id,
      'Leder arbetet med ärendet på enheten', threat_case.created_by_person_id,
      threat_case.created_at + interval '1 hour'
    FROM threat_cases AS threat_case
    JOIN org_units AS unit ON unit.id = threat_case.unit_id
    JOIN role_grants AS grant_ ON grant_.role IN ('security_coordinator', 'manager')
    JOIN org_units AS scope ON scope.id = grant_.org_unit_id AND unit.path LIKE scope.path || '%'
    WHERE threat_case.tenant_id = ${tenantId} AND grant_.person_id <> threat_case.created_by_person_id
  `.execute(db);
  await sql`
    WITH staff AS (
      SELECT id, (row_number() OVER (ORDER BY id) - 1)::int AS n, count(*) OVER ()::int AS total
      FROM people WHERE tenant_id = ${tenantId} AND kind = 'employee'
        AND NOT EXISTS (SELECT 1 FROM accounts WHERE accounts.person_id = people.id)
    )
    INSERT INTO threat_case_access (case_id, person_id, tenant_id, reason, added_by_person_id, added_at)
    SELECT threat_case.id, staff.id, threat_case.tenant_id, 'Ansvarig handläggare för personen',
      threat_case.created_by_person_id, threat_case.created_at + interval '2 hours'
    FROM threat_cases AS threat_case
    JOIN staff ON staff.n = (get_byte(uuid_send(threat_case.id), 5) * 256 + get_byte(uuid_send(threat_case.id), 6))
      % staff.total
    WHERE threat_case.tenant_id = ${tenantId}
    ON CONFLICT DO NOTHING
  `.execute(db);

  for (const index of indexes.rows) await sql.raw(index.definition).execute(db);
  await sql`VACUUM ANALYZE`.execute(db);
  const counted = await sql<SeededThreatCases>`
    SELECT (SELECT count(*)::int FROM threat_cases) AS cases,
      (SELECT count(*)::int FROM threat_assessments) AS assessments,
      (SELECT count(*)::int FROM threat_case_access) AS "accessEntries"
  `.execute(db);
  return counted.rows[0] as SeededThreatCases;
}

/** Every factor of the template rated, a note on every third, as the assessment form stores them. */
function ratingsOf(variant: number): StoredRating[] {
  const factors = threatAssessmentTemplate.groups.flatMap((group) => group.factors.map((factor) => factor.id));
  return factors.map((factorId, n) => ({
    factorId,
    rating: factorRatings[(n + variant) % factorRatings.length] as FactorRating,
    note: n % 3 === 0 ? 'Framkom vid samtal med handläggaren och i polisens underlag.' : '',
  }));
}
