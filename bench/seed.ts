import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { sql } from 'kysely';
import pg from 'pg';
import { type DemoLogin, seedDemoTenant } from '../server/src/demo/demo-tenant.ts';
import { loadConfig } from '../server/src/platform/config.ts';
import { type Db, openDatabase } from '../server/src/platform/database.ts';
import { migrate } from '../server/src/platform/migrate.ts';

export interface SeededDatabase {
  /** What the server process needs to open the same database: DATABASE_URL or DATA_DIR. */
  environment: Record<string, string>;
  secretKey: string;
  demoLogins: DemoLogin[];
  people: number;
  seedMs: number;
  drop(): Promise<void>;
}

/**
 * A fresh, migrated database with the demo tenant and `extraPeople` more staff spread over its
 * departments and units, inserted by one INSERT ... SELECT generate_series. Closed again before
 * returning: PGlite's data directory can be open in one process only.
 */
export async function seedBenchDatabase(
  target: { kind: 'pglite'; dataDir: string } | { kind: 'postgres'; adminUrl: string },
  extraPeople: number,
): Promise<SeededDatabase> {
  const startedAt = performance.now();
  const secretKey = randomBytes(32).toString('hex');
  let environment: Record<string, string>;
  let database: Parameters<typeof openDatabase>[0];
  let drop = async () => {};
  if (target.kind === 'pglite') {
    mkdirSync(target.dataDir, { recursive: true });
    environment = { DATA_DIR: target.dataDir };
    // The server's configuration keeps PGlite in <DATA_DIR>/pglite.
    database = { kind: 'pglite', dataDir: `${target.dataDir}/pglite` };
  } else {
    const name = `varn_bench_${randomBytes(6).toString('hex')}`;
    await withAdmin(target.adminUrl, (admin) => admin.query(`CREATE DATABASE ${name}`));
    const url = new URL(target.adminUrl);
    url.pathname = `/${name}`;
    environment = { DATABASE_URL: url.toString() };
    database = { kind: 'postgres', url: url.toString(), poolSize: 2 };
    drop = () => withAdmin(target.adminUrl, (admin) => admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
  }
  const config = { ...loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', SECRET_KEY: secretKey }), database };
  const db = openDatabase(database);
  try {
    await migrate(db);
    const demoLogins = await seedDemoTenant(db, config);
    const tenant = await db.selectFrom('tenants').select('id').executeTakeFirstOrThrow();
    await sql`
      WITH units AS (
        SELECT array_agg(id ORDER BY code) AS ids FROM org_units
        WHERE tenant_id = ${tenant.id} AND kind IN ('department', 'unit')
      ),
      names AS (
        SELECT
          ARRAY['Anna','Erik','Maria','Johan','Sara','Ali','Fatima','Lars','Elin','Mohammed','Karin','Oskar','Leila',
                'Nils','Ida','Hassan','Emma','Per','Amira','Gustav','Astrid','Yusuf','Linnea','Viktor','Noor'] AS given,
          ARRAY['Andersson','Berg','Carlsson','Dahl','Ek','Forsberg','Gustafsson','Holm','Ibrahim','Jonsson',
                'Karlsson','Lindqvist','Mohammadi','Nyström','Olsson','Persson','Qureshi','Richter','Sandberg','Tran',
                'Ulriksson','Virtanen','Wallin','Yilmaz','Åberg','Öberg','Nguyen','Hussein','Lund','Strand'] AS family
      )
      INSERT INTO people (tenant_id, kind, given_name, family_name, email, employee_number, title, unit_id)
      SELECT ${tenant.id}, 'employee',
        names.given[1 + g % array_length(names.given, 1)],
        names.family[1 + (g / 7) % array_length(names.family, 1)],
        'bench.' || g || '@demo.varn.se',
        'B' || g,
        'Handläggare',
        units.ids[1 + g % array_length(units.ids, 1)]
      FROM generate_series(1, ${extraPeople}::int) AS g, units, names
    `.execute(db);
    await sql`ANALYZE`.execute(db);
    const counted = await sql<{ count: number }>`SELECT count(*)::int AS count FROM people`.execute(db);
    return {
      environment,
      secretKey,
      demoLogins,
      people: counted.rows[0]?.count ?? 0,
      seedMs: performance.now() - startedAt,
      drop,
    };
  } catch (error) {
    await db.destroy().catch(() => {});
    await drop();
    throw error;
  } finally {
    await db.destroy().catch(() => {});
  }
}

async function withAdmin(url: string, action: (admin: pg.Client) => Promise<unknown>): Promise<void> {
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    await action(admin);
  } finally {
    await admin.end();
  }
}

/** The database as the bench opens it next to the server: a small pool, or the PGlite directory. */
export function openSeeded(seeded: SeededDatabase): Db {
  return seeded.environment.DATABASE_URL
    ? openDatabase({ kind: 'postgres', url: seeded.environment.DATABASE_URL, poolSize: 2 })
    : openDatabase({ kind: 'pglite', dataDir: `${seeded.environment.DATA_DIR}/pglite` });
}

/** The actor a demo log-in acts as (shared with the server's tests). */
export { actorOf } from '../server/src/testing/actors.ts';
