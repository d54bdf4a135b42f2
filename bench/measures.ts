// `npm run bench:measures`: the action plan benchmark (issue 5). Seeds 100 administrations with 20
// units each (2,000 units) and 200,000 measures over them, so one administration holds about 2,000;
// then, as the security department, times building one administration's action plan from the
// database (`buildActionPlan`, what GET /api/action-plans/administrations/:id runs) and rendering it
// to PDF (pdfkit, target < 2 s) and to Word (docx, target < 1 s). Prints the figures.
// See docs/performance.md, "Measures and action plans (issue 5)".
//
//   BENCH_DATABASE_URL / TEST_DATABASE_URL  PostgreSQL to create the bench database in (else PGlite)
//   BENCH_MEASURES=200000   BENCH_ADMINISTRATIONS=100   BENCH_UNITS_PER_ADMINISTRATION=20   BENCH_RUNS=5
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { measureCategories, measureStatuses } from '@varn/domain';
import { sql } from 'kysely';
import type { Actor } from '../server/src/access/authorize.ts';
import { auditContextOf } from '../server/src/audit/audit-log.ts';
import { actionPlanToPdf, actionPlanToWord } from '../server/src/measures/action-plan-documents.ts';
import { buildActionPlan } from '../server/src/measures/action-plans.ts';
import { openDatabase } from '../server/src/platform/database.ts';
import { seedBenchDatabase } from './seed.ts';

const measureCount = Number(process.env.BENCH_MEASURES ?? 200_000);
const administrationCount = Number(process.env.BENCH_ADMINISTRATIONS ?? 100);
const unitsPerAdministration = Number(process.env.BENCH_UNITS_PER_ADMINISTRATION ?? 20);
const runs = Number(process.env.BENCH_RUNS ?? 5);
const postgresUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
const textArray = (values: readonly string[]) => sql.raw(`ARRAY[${values.map((value) => `'${value}'`).join(',')}]`);

const scratch = mkdtempSync(path.join(tmpdir(), 'varn-bench-measures-'));
const seeded = await seedBenchDatabase(
  postgresUrl
    ? { kind: 'postgres', adminUrl: postgresUrl }
    : { kind: 'pglite', dataDir: path.join(scratch, 'pglite-data') },
  0,
);
const database = postgresUrl ? 'PostgreSQL' : 'PGlite';
const db = openDatabase(
  postgresUrl
    ? { kind: 'postgres', url: seeded.environment.DATABASE_URL as string, poolSize: 2 }
    : { kind: 'pglite', dataDir: `${seeded.environment.DATA_DIR}/pglite` },
);
try {
  const seedStart = performance.now();
  const tenant = await db.selectFrom('tenants').select('id').executeTakeFirstOrThrow();
  const board = await db
    .selectFrom('orgUnits')
    .select(['id', 'path'])
    .where('tenantId', '=', tenant.id)
    .where('kind', '=', 'board')
    .executeTakeFirstOrThrow();
  await sql`
    INSERT INTO org_units (id, tenant_id, parent_id, kind, name, code, path)
    SELECT id, ${tenant.id}, ${board.id}, 'administration', 'Bench-förvaltning ' || g, 'BENCH-ADM-' || g,
      ${board.path} || id || '/'
    FROM (SELECT gen_random_uuid() AS id, g FROM generate_series(1, ${administrationCount}::int) AS g) AS new
  `.execute(db);
  await sql`
    INSERT INTO org_units (id, tenant_id, parent_id, kind, name, code, path)
    SELECT new.id, ${tenant.id}, administration.id, 'unit', 'Bench-enhet ' || administration.code || '-' || g,
      administration.code || '-' || g, administration.path || new.id || '/'
    FROM org_units AS administration,
      LATERAL (SELECT gen_random_uuid() AS id, g FROM generate_series(1, ${unitsPerAdministration}::int) AS g) AS new
    WHERE administration.tenant_id = ${tenant.id} AND administration.code LIKE 'BENCH-ADM-%'
  `.execute(db);
  const department = await db
    .selectFrom('people')
    .innerJoin('roleGrants', 'roleGrants.personId', 'people.id')
    .select(['people.id as personId'])
    .where('roleGrants.role', '=', 'security_department')
    .executeTakeFirstOrThrow();
  // Spread over every bench unit; statuses and categories cycle, titles and texts of realistic length.
  await sql`
    WITH units AS (
      SELECT id, (row_number() OVER (ORDER BY id) - 1)::int AS n FROM org_units
      WHERE tenant_id = ${tenant.id} AND code LIKE 'BENCH-ADM-%-%'
    )
    INSERT INTO measures (tenant_id, source_kind, title, description, category, owner_person_id, org_unit_id,
      due_on, status, status_reason, estimated_cost_ore, created_by_person_id)
    SELECT ${tenant.id}, 'standalone', 'Åtgärd ' || g || ': lås och passersystem på entréplan',
      'Beslutad efter säkerhetsvandringen; omfattar personalingång, reception och mötesrum.',
      (${textArray(measureCategories)})[1 + g % ${measureCategories.length}],
      ${department.personId}, units.id, DATE '2026-01-01' + (g % 700),
      (${textArray(measureStatuses)})[1 + (g / 3) % ${measureStatuses.length}],
      CASE WHEN (${textArray(measureStatuses)})[1 + (g / 3) % ${measureStatuses.length}] IN ('postponed', 'cancelled')
        THEN 'Leverantören kan tidigast i vår' ELSE '' END,
      (g % 50) * 100000, ${department.personId}
    FROM generate_series(1, ${measureCount}::int) AS g
    JOIN units ON units.n = g % (SELECT count(*) FROM units)
  `.execute(db);
  await sql`ANALYZE`.execute(db);
  const seedMs = performance.now() - seedStart;

  const account = await db
    .selectFrom('accounts')
    .select('id')
    .where('personId', '=', department.personId)
    .executeTakeFirstOrThrow();
  const actor: Actor = {
    tenantId: tenant.id,
    personId: department.personId,
    accountId: account.id,
    grants: [{ role: 'security_department', scopeKind: 'tenant', orgUnitPath: null, partyId: null }],
  };
  const administration = await db
    .selectFrom('orgUnits')
    .select('id')
    .where('code', '=', 'BENCH-ADM-1')
    .executeTakeFirstOrThrow();
  const figures = { build: [] as number[], pdf: [] as number[], word: [] as number[] };
  let planned = 0;
  let sizes = { pdf: 0, word: 0 };
  for (let run = 0; run < runs; run += 1) {
    let started = performance.now();
    const plan = await buildActionPlan(
      db,
      actor,
      auditContextOf(actor, null),
      { kind: 'administration', id: administration.id },
      'pdf',
    );
    figures.build.push(performance.now() - started);
    planned = plan.counts.done + plan.counts.under_way + plan.counts.planned;
    started = performance.now();
    const pdf = await actionPlanToPdf(plan);
    figures.pdf.push(performance.now() - started);
    started = performance.now();
    const word = await actionPlanToWord(plan);
    figures.word.push(performance.now() - started);
    sizes = { pdf: pdf.byteLength, word: word.byteLength };
  }
  const summary = (values: number[]) => {
    const sorted = [...values].sort((a, b) => a - b);
    return `median ${sorted[Math.floor(sorted.length / 2)]?.toFixed(0)} ms, min ${sorted[0]?.toFixed(0)}, max ${sorted.at(-1)?.toFixed(0)}`;
  };
  console.log(`\nMeasures and action plans on ${database}`);
  console.log(`  load average (1 min): ${loadavg()[0]?.toFixed(1)} on ${availableParallelism()} cores`);
  console.log(
    `  seeded ${measureCount} measures over ${administrationCount * unitsPerAdministration} units in ${(seedMs / 1000).toFixed(1)} s`,
  );
  console.log(`  one administration's plan: ${planned} measures (cancelled left out), ${runs} runs`);
  console.log(`  build from the database: ${summary(figures.build)}`);
  console.log(`  render PDF (target < 2 s):  ${summary(figures.pdf)}, ${(sizes.pdf / 1024).toFixed(0)} KiB`);
  console.log(`  render Word (target < 1 s): ${summary(figures.word)}, ${(sizes.word / 1024).toFixed(0)} KiB`);
} finally {
  await db.destroy();
  await seeded.drop();
  rmSync(scratch, { recursive: true, force: true });
}
