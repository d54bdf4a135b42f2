// `npm run bench:training`: the coverage of training (issue 6) for a city of 50,000 employees and 20
// courses. Seeds a fresh database (PostgreSQL when BENCH_DATABASE_URL / TEST_DATABASE_URL is set, and
// PGlite), then times `computeCoverage`, the very function behind GET /api/training/coverage, for every
// course: city-wide as the security department, and for one administration as its coordinator.
// See docs/performance.md, "Training coverage (issue 6)".
//
//   BENCH_ONLY=pglite|postgres   BENCH_PEOPLE=50000   BENCH_COURSES=20   BENCH_EXPLAIN=1 (prints the plan)
//   BENCH_RUNS=3: timed runs per course; a course's time is their median, so that one scheduling stall
//   of a machine shared with other work does not stand for the query (every run is printed).

import { readFile } from 'node:fs/promises';
import { sql } from 'kysely';
import type { Actor } from '../server/src/access/authorize.ts';
import type { Db } from '../server/src/platform/database.ts';
import { createTestDatabase, type DatabaseKind } from '../server/src/testing/test-database.ts';
import { computeCoverage, explainCoverage } from '../server/src/training/coverage.ts';

const peopleCount = Number(process.env.BENCH_PEOPLE ?? 50_000);
const courseCount = Number(process.env.BENCH_COURSES ?? 20);
const runsPerCourse = Number(process.env.BENCH_RUNS ?? 3);
const only = process.env.BENCH_ONLY;
const postgresUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
if (postgresUrl) process.env.TEST_DATABASE_URL = postgresUrl;
const targetMs = 300;

type Result = {
  database: string;
  scope: string;
  medianMs: number;
  maxMs: number;
  target: number;
  /** Time on a core and time queued for one (Node's main thread and the database's backends). */
  medianCpuMs: number;
  medianWaitMs: number;
};
const results: Result[] = [];
if (postgresUrl && only !== 'pglite') await bench('postgres');
else if (!postgresUrl) console.warn('\n!!! BENCH_DATABASE_URL / TEST_DATABASE_URL not set: NO PostgreSQL figures.\n');
if (only !== 'postgres') await bench('pglite');

console.log(
  '\n| database | scope | target group (largest) | median per course | slowest course | median CPU | median queued for a core |',
);
console.log('|---|---|---|---|---|---|---|');
for (const row of results) {
  console.log(
    `| ${row.database} | ${row.scope} | ${row.target} | ${row.medianMs.toFixed(0)} ms | ${row.maxMs.toFixed(0)} ms | ${row.medianCpuMs.toFixed(0)} ms | ${row.medianWaitMs.toFixed(0)} ms |`,
  );
}
const slowest = Math.max(...results.map((row) => row.maxMs));
console.log(`\ncoverage of one course: slowest ${slowest.toFixed(0)} ms (target < ${targetMs} ms)`);
if (slowest >= targetMs) process.exitCode = 1;

async function bench(kind: DatabaseKind): Promise<void> {
  const database = kind === 'postgres' ? 'PostgreSQL' : 'PGlite';
  const { db, drop } = await createTestDatabase(kind);
  try {
    const startedAt = performance.now();
    const city = await seedCity(db);
    console.log(`${database}: seeded in ${((performance.now() - startedAt) / 1000).toFixed(1)} s`);
    const department: Actor = {
      tenantId: city.tenantId,
      personId: city.recorderId,
      accountId: city.recorderId,
      grants: [{ role: 'security_department', scopeKind: 'tenant', orgUnitPath: null, partyId: null }],
    };
    const coordinator: Actor = {
      ...department,
      grants: [
        { role: 'security_coordinator', scopeKind: 'org_unit', orgUnitPath: city.administrationPath, partyId: null },
      ],
    };
    if (process.env.BENCH_EXPLAIN === '1') {
      console.log(await explainCoverage(db, department, { courseId: city.courseIds[0] as string }));
      console.log(await explainCoverage(db, coordinator, { courseId: city.courseIds[0] as string }));
    }
    for (const [scope, actor] of [
      ['city (security department)', department],
      ['one administration (coordinator)', coordinator],
    ] as const) {
      const runs: number[] = [];
      const cpus: number[] = [];
      const waits: number[] = [];
      let target = 0;
      for (const courseId of city.courseIds) {
        await computeCoverage(db, actor, { courseId }); // warms the caches
        const threads = await threadsOf(db, kind);
        const times: number[] = [];
        for (let run = 0; run < runsPerCourse; run += 1) {
          const before = await schedulerTimes(threads);
          const started = performance.now();
          const coverage = await computeCoverage(db, actor, { courseId });
          times.push(performance.now() - started);
          const after = await schedulerTimes(threads);
          cpus.push(after.cpuMs - before.cpuMs);
          waits.push(after.waitMs - before.waitMs);
          target = Math.max(target, coverage.totals.targetCount);
        }
        times.sort((a, b) => a - b);
        console.log(`${database}, ${scope}: ${times.map((time) => time.toFixed(0)).join(' / ')} ms`);
        runs.push(median(times));
      }
      runs.sort((a, b) => a - b);
      results.push({
        database,
        scope,
        target,
        medianMs: runs[Math.floor(runs.length / 2)] ?? 0,
        maxMs: runs.at(-1) ?? 0,
        medianCpuMs: median(cpus),
        medianWaitMs: median(waits),
      });
    }
  } finally {
    await drop();
  }
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

/**
 * The threads that do a coverage's work: Node's main thread (PGlite runs in it) and, for PostgreSQL,
 * the backends of the pool's connections (the server runs on this machine).
 */
async function threadsOf(db: Db, kind: DatabaseKind): Promise<string[]> {
  if (kind === 'pglite') return ['/proc/self/schedstat'];
  const { rows } = await sql<{ pid: number }>`
    SELECT pid FROM pg_stat_activity WHERE datname = current_database()`.execute(db);
  return ['/proc/self/schedstat', ...rows.map((row) => `/proc/${row.pid}/schedstat`)];
}

/**
 * Nanoseconds on a core and queued for one, summed over the threads (/proc/…/schedstat): on a machine
 * shared with other work the CPU time says what the query costs, the queueing what the load adds.
 */
async function schedulerTimes(paths: readonly string[]): Promise<{ cpuMs: number; waitMs: number }> {
  let cpuMs = 0;
  let waitMs = 0;
  for (const path of paths) {
    const [onCpu = '0', queued = '0'] = (await readFile(path, 'utf8').catch(() => '0 0')).trim().split(' ');
    cpuMs += Number(onCpu) / 1e6;
    waitMs += Number(queued) / 1e6;
  }
  return { cpuMs, waitMs };
}

/** 10 administrations of 20 units, the employees spread over them, 20 courses, ~70 % completed. */
async function seedCity(db: Db) {
  const { id: tenantId } = await db
    .insertInto('tenants')
    .values({ slug: 'bench', name: 'Bench' })
    .returning('id')
    .executeTakeFirstOrThrow();
  const boardId = crypto.randomUUID();
  await db
    .insertInto('orgUnits')
    .values({ id: boardId, tenantId, parentId: null, kind: 'board', name: 'KS', code: 'KS', path: `/${boardId}/` })
    .execute();
  const unitIds: string[] = [];
  const administrationPaths: string[] = [];
  for (let administration = 0; administration < 10; administration += 1) {
    const id = crypto.randomUUID();
    const path = `/${boardId}/${id}/`;
    administrationPaths.push(path);
    const units = Array.from({ length: 20 }, (_, index) => {
      const unitId = crypto.randomUUID();
      unitIds.push(unitId);
      return {
        id: unitId,
        tenantId,
        parentId: id,
        kind: 'unit' as const,
        name: `Enhet ${administration}-${index}`,
        code: `E${administration}-${index}`,
        path: `${path}${unitId}/`,
      };
    });
    await db
      .insertInto('orgUnits')
      .values([
        {
          id,
          tenantId,
          parentId: boardId,
          kind: 'administration',
          name: `Förvaltning ${administration}`,
          code: `F${administration}`,
          path,
        },
        ...units,
      ])
      .execute();
  }
  for (let start = 0; start < peopleCount; start += 5000) {
    await db
      .insertInto('people')
      .values(
        Array.from({ length: Math.min(5000, peopleCount - start) }, (_, index) => ({
          tenantId,
          kind: 'employee' as const,
          givenName: `Person${start + index}`,
          familyName: `Efternamn${(start + index) % 977}`,
          unitId: unitIds[(start + index) % unitIds.length] as string,
          employeeNumber: `B${start + index}`,
        })),
      )
      .execute();
  }
  const recorder = await db
    .selectFrom('people')
    .select('id')
    .where('tenantId', '=', tenantId)
    .limit(1)
    .executeTakeFirstOrThrow();
  const courseIds: string[] = [];
  for (let course = 0; course < courseCount; course += 1) {
    // Half the courses are for everyone, the rest for one or two administrations.
    const targets =
      course % 2 === 0
        ? [boardId]
        : [administrationPaths[course % 10], administrationPaths[(course + 3) % 10]].map(
            (path) => path?.split('/')[2] as string,
          );
    const row = await db
      .insertInto('trainingCourses')
      .values({
        tenantId,
        name: `Kurs ${course}`,
        validityMonths: course % 5 === 0 ? null : 24,
        targetOrgUnitIds: targets,
        targetRoles: [],
        targetOfficialCategories: [],
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    courseIds.push(row.id);
  }
  // About 70 % of everyone has a completion of each course, spread over the last three years.
  await sql`
    INSERT INTO training_completions (tenant_id, course_id, person_id, completed_on, valid_until, source, recorded_by_person_id)
    SELECT ${tenantId}, course.id, person.id, day, CASE WHEN course.validity_months IS NULL THEN NULL
        ELSE (day + make_interval(months => course.validity_months) - interval '1 day')::date END,
      'import', ${recorder.id}
    FROM people AS person CROSS JOIN training_courses AS course
    CROSS JOIN LATERAL (SELECT (current_date - ((abs(hashtext(person.id::text || course.id::text)) % 1100)))::date AS day) AS picked
    WHERE person.tenant_id = ${tenantId} AND course.tenant_id = ${tenantId}
      AND abs(hashtext(course.id::text || person.id::text)) % 10 < 7`.execute(db);
  // As autovacuum leaves a live table: statistics and the visibility map (index-only scans).
  await sql`VACUUM ANALYZE`.execute(db);
  return { tenantId, recorderId: recorder.id, courseIds, administrationPath: administrationPaths[0] as string };
}
