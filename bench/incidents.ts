// `npm run bench:incidents`: the incidents benchmark (issue 3). Seeds 2,000 units and 1,000,000
// incidents (100,000 on PGlite), times the statistics service (`getIncidentStatistics`, what
// GET /api/incidents/statistics runs) directly against the database as the security coordinator and
// the manager, with EXPLAIN ANALYZE of its SQL, then, against the real server as a child process,
// measures the submission of a report, a manager's and a coordinator's filtered list and the
// coordinator's statistics endpoint with autocannon.
// Loopback only, a few minutes. See docs/performance.md, "Incidents (issue 3)".
//
//   BENCH_DATABASE_URL / TEST_DATABASE_URL  PostgreSQL to create the bench database in (else PGlite only)
//   BENCH_ONLY=pglite|postgres   BENCH_DURATION=10   BENCH_CONNECTIONS=50   BENCH_UNITS=2000
//   BENCH_INCIDENTS   incidents to seed (default 1,000,000 on PostgreSQL, 100,000 on PGlite)
//   BENCH_SCENARIO=list|statistics|submit|none   only the lists, only the statistics endpoint, only the
//                  submission, or no server (seed and the statistics service only)
//   BENCH_KEEP=1   keep the PostgreSQL database (its URL is printed) for EXPLAIN by hand; drop it yourself.
//                  What a later run needs to reuse it is written to bench/results/incidents-kept.json
//   BENCH_REUSE=bench/results/incidents-kept.json   run against that kept database instead of seeding
//                  (~60 s saved per run; the submissions it measures stay in the database)
//   BENCH_CPU_PROF=1   write a V8 CPU profile of the server to bench/results/profiles/ (see profile-summary.ts)
//   BENCH_LOG_LEVEL=info   BENCH_NODE_ARGS='…' (default: the flags of `npm start`)
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { statisticsPeriod } from '@varn/domain';
import autocannon, { type Options, type Result } from 'autocannon';
import { sql } from 'kysely';
import { listQuery } from '../server/src/incidents/read.ts';
import { getIncidentStatistics, groupsQuery, totalsQuery } from '../server/src/incidents/statistics.ts';
import type { Db } from '../server/src/platform/database.ts';
import { migrate } from '../server/src/platform/migrate.ts';
import { actorOf, openSeeded, type SeededDatabase, seedBenchDatabase } from './seed.ts';
import { seedIncidents } from './seed-incidents.ts';
import { type ServerProcess, startServerProcess } from './server-process.ts';
import { signIn } from './sign-in.ts';

const duration = Number(process.env.BENCH_DURATION ?? 10);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 50);
const statisticsConnections = Math.min(connections, 4);
const unitCount = Number(process.env.BENCH_UNITS ?? 2000);
const incidentsFor = (database: Database) =>
  Number(process.env.BENCH_INCIDENTS ?? (database === 'PostgreSQL' ? 1_000_000 : 100_000));
const only = process.env.BENCH_ONLY;
const onlyScenario = process.env.BENCH_SCENARIO;
const reuseFile = process.env.BENCH_REUSE;
const keepDatabase = process.env.BENCH_KEEP === '1' || reuseFile !== undefined;
const logLevel = process.env.BENCH_LOG_LEVEL ?? 'info';
const postgresUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
const serverFlags = process.env.BENCH_NODE_ARGS ?? '--max-semi-space-size=8';
const resultsDir = path.resolve(import.meta.dirname, 'results');
const keptFile = path.join(resultsDir, 'incidents-kept.json');
const profileDir = path.join(resultsDir, 'profiles');
mkdirSync(resultsDir, { recursive: true });
const logFile = path.join(resultsDir, 'server-incidents.log');
writeFileSync(logFile, '');
const stamp = new Date().toISOString().replace(/[:.]/g, '-');
const explainFile = path.join(resultsDir, `incidents-explain-${stamp}.txt`);
writeFileSync(explainFile, '');

type Database = 'PGlite' | 'PostgreSQL';
interface Row {
  database: string;
  scenario: string;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  errors: number;
  non2xx: number;
  peakRssMb: number;
  /** CPU time per answered request: less dependent on a shared machine's load than req/s. */
  serverCpuMsPerRequest: number;
  postgresCpuMsPerRequest: number;
}
interface Statistics {
  database: string;
  who: string;
  incidents: number;
  units: number;
  runsMs: number[];
}
const rows: Row[] = [];
/** The PostgreSQL database being measured, whose backends' CPU time is read; '' on PGlite. */
let databaseName = '';
const statistics: Statistics[] = [];
const notes: string[] = [];

if (!postgresUrl && only !== 'pglite') {
  const message = 'BENCH_DATABASE_URL / TEST_DATABASE_URL not set: NO PostgreSQL figures, PGlite only.';
  console.warn(`\n!!! ${message}\n`);
  notes.push(message);
}
notes.push(`load average (1 min) at the start: ${loadavg()[0]?.toFixed(1)} on ${availableParallelism()} cores`);
const scratch = mkdtempSync(path.join(tmpdir(), 'varn-bench-incidents-'));
try {
  if (postgresUrl && (!only || only === 'postgres')) await benchDatabase('PostgreSQL');
  if (!only || only === 'pglite') await benchDatabase('PGlite');
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
report();

async function benchDatabase(database: Database): Promise<void> {
  const incidentCount = incidentsFor(database);
  const reused = database === 'PostgreSQL' && reuseFile ? reuseKept(reuseFile) : null;
  if (!reused) {
    console.log(`\n--- ${database}: seeding the demo tenant, ${unitCount} units and ${incidentCount} incidents`);
  }
  const seeded =
    reused ??
    (await seedBenchDatabase(
      database === 'PGlite'
        ? { kind: 'pglite', dataDir: path.join(scratch, 'pglite') }
        : { kind: 'postgres', adminUrl: postgresUrl as string },
      0,
    ));
  let server: ServerProcess | null = null;
  databaseName = seeded.environment.DATABASE_URL ? new URL(seeded.environment.DATABASE_URL).pathname.slice(1) : '';
  try {
    let db = openSeeded(seeded);
    const tenant = await db.selectFrom('tenants').select('id').executeTakeFirstOrThrow();
    if (reused) {
      // Migrations added since it was kept (the server would apply them at start anyway).
      await migrate(db);
      notes.push(`${database}: reused the kept database ${seeded.environment.DATABASE_URL} (not seeded again)`);
    } else {
      const startedAt = performance.now();
      const counts = await seedIncidents(db, tenant.id, unitCount, incidentCount);
      const seedSeconds = (performance.now() - startedAt) / 1000;
      const seedNote =
        `${database}: seeded ${counts.units} units, ${counts.incidents} incidents, ` +
        `${counts.personsOfConcern} persons of concern in ${seedSeconds.toFixed(1)} s (with VACUUM ANALYZE)`;
      console.log(seedNote);
      notes.push(seedNote);
    }
    await timeStatistics(database, db, seeded);
    // Plans as the lists will be measured: before the submissions add incidents at the top.
    await explainLists(database, db, seeded);
    // PGlite's data directory can be open in one process only: the server's.
    await db.destroy();
    if (onlyScenario === 'none') return;

    server = await startServerProcess({
      environment: {
        ...seeded.environment,
        NODE_ENV: 'production',
        SECRET_KEY: seeded.secretKey,
        SEED_DEMO: 'never',
        LOG_LEVEL: logLevel,
        SIGN_IN_RATE_PER_MINUTE: '100000000',
      },
      logFile,
      nodeArguments: [
        ...serverFlags.split(' ').filter(Boolean),
        ...(process.env.BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : []),
      ],
    });
    await new Promise((resolve) => setTimeout(resolve, 1000));
    notes.push(`${database}: server RSS when ready, before any request: ${server.sampleMemory().stop().toFixed(0)} MB`);
    await runScenarios(database, server, seeded);
    notes.push(`${database}: server peak RSS over its whole run (VmHWM) ${server.peakRssMb().toFixed(0)} MB`);
    await server.stop();
    server = null;

    db = openSeeded(seeded);
    try {
      const written = await sql<{ incidents: number; notifications: number; audit: number }>`
        SELECT (SELECT count(*)::int FROM incidents) AS incidents,
          (SELECT count(*)::int FROM notifications) AS notifications,
          (SELECT count(*)::int FROM audit_entries WHERE action = 'incident.report') AS audit
      `.execute(db);
      const after = written.rows[0];
      if (after) {
        notes.push(
          `${database}: after the run ${after.incidents} incidents; the submissions wrote ` +
            `${after.notifications} notifications and ${after.audit} 'incident.report' audit entries`,
        );
      }
    } finally {
      await db.destroy();
    }
  } finally {
    await server?.stop();
    if (reused) {
      // Reused: kept for the next run as well.
    } else if (keepDatabase && seeded.environment.DATABASE_URL) {
      const { environment, secretKey, demoLogins } = seeded;
      writeFileSync(keptFile, JSON.stringify({ environment, secretKey, demoLogins }, null, 2));
      console.log(`kept the database: ${seeded.environment.DATABASE_URL} (reuse: BENCH_REUSE=${keptFile})`);
    } else {
      await seeded.drop();
    }
  }
}

/** A database kept by an earlier run with BENCH_KEEP=1: dropping it is left to whoever kept it. */
function reuseKept(file: string): SeededDatabase {
  const kept = JSON.parse(readFileSync(file, 'utf8')) as Pick<
    SeededDatabase,
    'environment' | 'secretKey' | 'demoLogins'
  >;
  return { ...kept, people: 0, seedMs: 0, drop: async () => {} };
}

/**
 * The statistics service behind GET /api/incidents/statistics (default period: the last 12 months),
 * timed in the bench process against the database as the coordinator (one administration) and the
 * manager (one unit), then its SQL under EXPLAIN ANALYZE.
 */
async function timeStatistics(database: Database, db: Db, seeded: SeededDatabase) {
  for (const [who, role] of [
    ['security coordinator, arbetsmarknadsförvaltningen', 'security_coordinator'],
    ['manager, one unit', 'manager'],
  ] as const) {
    const actor = await actorOf(db, seeded.demoLogins.find((entry) => entry.role === role)?.email as string);
    let answer: Awaited<ReturnType<typeof getIncidentStatistics>> | null = null;
    const runsMs: number[] = [];
    for (let run = 0; run < 6; run += 1) {
      const startedAt = performance.now();
      answer = await getIncidentStatistics(db, actor, {});
      const elapsed = performance.now() - startedAt;
      if (run > 0) runsMs.push(elapsed); // the first run warms the caches
    }
    const entry = { database, who, incidents: answer?.total ?? 0, units: answer?.byUnit.length ?? 0, runsMs };
    statistics.push(entry);
    console.log(
      `statistics (getIncidentStatistics) as the ${who}, last 12 months: ${entry.incidents} incidents in ` +
        `${entry.units} units, median ${median(runsMs).toFixed(0)} ms (runs ${runsMs.map((ms) => ms.toFixed(0)).join(', ')})`,
    );
    const period = statisticsPeriod({});
    for (const [part, query] of [
      ['totals', totalsQuery(db, actor, period, null, undefined)],
      ['by month, unit, context and types', groupsQuery(db, actor, period, null, undefined)],
    ] as const) {
      const compiled = query.compile();
      const plan = await sql
        .raw<{ 'QUERY PLAN': string }>(`EXPLAIN (ANALYZE, BUFFERS) ${inline(compiled.sql, compiled.parameters)}`)
        .execute(db);
      appendExplain(`${database}: statistics (${part}) as the ${role} (custom plan)`, compiled.sql, plan.rows);
      // The server runs it as a named prepared statement: after five runs PostgreSQL may keep a generic plan.
      await db.connection().execute(async (connection) => {
        await sql.raw(`PREPARE bench_statistics AS ${compiled.sql}`).execute(connection);
        await sql.raw('SET plan_cache_mode = force_generic_plan').execute(connection);
        const generic = await sql
          .raw<{ 'QUERY PLAN': string }>(
            `EXPLAIN (ANALYZE, BUFFERS) EXECUTE bench_statistics(${compiled.parameters.map(literal).join(', ')})`,
          )
          .execute(connection);
        await sql.raw('DEALLOCATE bench_statistics').execute(connection);
        await sql.raw('RESET plan_cache_mode').execute(connection);
        appendExplain(`${database}: statistics (${part}) as the ${role} (generic plan)`, compiled.sql, generic.rows);
      });
    }
  }
}

async function runScenarios(database: Database, server: ServerProcess, seeded: SeededDatabase): Promise<void> {
  const login = (role: string) => {
    const found = seeded.demoLogins.find((entry) => entry.role === role);
    if (!found) throw new Error(`no demo log-in with the role ${role}`);
    return found;
  };
  const manager = await signIn(server.url, login('manager'));
  const coordinator = await signIn(server.url, login('security_coordinator'));
  const employee = await signIn(server.url, login('employee'));
  const listPath = '/api/incidents?kind=incident&limit=50';

  if (!onlyScenario || onlyScenario === 'list') {
    for (const [who, session] of [
      ['manager, one unit', manager],
      ['security coordinator, arbetsmarknadsförvaltningen', coordinator],
    ] as const) {
      const check = await fetch(`${server.url}${listPath}`, { headers: { cookie: session.cookie } });
      const page = (await check.json()) as { items?: unknown[] };
      if (check.status !== 200 || page.items?.length !== 50) {
        throw new Error(`GET ${listPath} as the ${who}: ${check.status} ${JSON.stringify(page).slice(0, 500)}`);
      }
      const request = { url: `${server.url}${listPath}`, headers: { cookie: session.cookie } };
      await autocannon({ ...request, connections, duration: 3 }); // warm-up
      await measure(database, `GET ${listPath} (${who})`, server, request);
    }
  }
  if (!onlyScenario || onlyScenario === 'statistics') {
    const statisticsPath = '/api/incidents/statistics';
    const check = await fetch(`${server.url}${statisticsPath}`, { headers: { cookie: coordinator.cookie } });
    const answer = (await check.json()) as { total?: number };
    if (check.status !== 200 || !answer.total) {
      throw new Error(
        `GET ${statisticsPath} as the coordinator: ${check.status} ${JSON.stringify(answer).slice(0, 500)}`,
      );
    }
    // A page view now and then, not a crowd: a few connections, so latency is the query's, not a queue's.
    const request = { url: `${server.url}${statisticsPath}`, headers: { cookie: coordinator.cookie } };
    await autocannon({ ...request, connections: statisticsConnections, duration: 3 }); // warm-up
    await measure(
      database,
      `GET ${statisticsPath} (security coordinator, last 12 months, ${statisticsConnections} connections)`,
      server,
      { ...request, connections: statisticsConnections },
    );
  }
  if (onlyScenario && onlyScenario !== 'submit') return;

  let sequence = 0;
  const headers = { cookie: employee.cookie, 'x-csrf-token': employee.csrfToken, 'content-type': 'application/json' };
  const check = await fetch(`${server.url}/api/incidents`, { method: 'POST', headers, body: reportBody(0) });
  if (check.status !== 201) throw new Error(`POST /api/incidents: ${check.status} ${await check.text()}`);
  const submission: Options & { requests: unknown[] } = {
    url: server.url,
    headers,
    requests: [
      {
        method: 'POST',
        path: '/api/incidents',
        setupRequest: (request: Record<string, unknown>) => {
          sequence += 1;
          return { ...request, body: reportBody(sequence) };
        },
      },
    ],
  };
  await autocannon({ ...submission, connections, duration: 3 }); // warm-up
  await measure(database, 'POST /api/incidents (employee; 3-4 notifications, audit)', server, submission);
}

/**
 * A report as the form sends it, dated a minute ago at the moment it is sent. Every 10th has a person
 * of concern and a police report; every 25th involves a weapon (serious: the security department
 * is told as well).
 */
function reportBody(sequence: number): string {
  return JSON.stringify({
    kind: 'incident',
    types: sequence % 3 === 0 ? ['threat', 'harassment'] : ['threat'],
    occurredAt: new Date(Date.now() - 60_000).toISOString(),
    place: { kind: 'free', description: 'Receptionen' },
    context: 'drop_in',
    description: `Besökaren blev upprörd över ett beslut och hotade personalen (bench ${sequence}).`,
    isWeaponInvolved: sequence % 25 === 0,
    ...(sequence % 10 === 0
      ? {
          personOfConcern: { isKnown: true, relation: 'client' },
          policeReport: { status: 'made', reportedBy: 'manager', reportedOn: new Date().toISOString().slice(0, 10) },
        }
      : {}),
  });
}

async function measure(
  database: string,
  scenario: string,
  server: ServerProcess,
  request: Options & { requests?: unknown[] },
): Promise<void> {
  const memory = server.sampleMemory();
  const serverCpuBefore = cpuMs([server.pid]);
  const backendsBefore = cpuMs(postgresBackends(databaseName));
  const result: Result = await autocannon({ connections, ...request, duration, timeout: 10 } as Options);
  const answered = Math.max(1, result.requests.total);
  const row: Row = {
    database,
    scenario,
    requestsPerSecond: result.requests.average,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
    peakRssMb: memory.stop(),
    serverCpuMsPerRequest: (cpuMs([server.pid]) - serverCpuBefore) / answered,
    postgresCpuMsPerRequest: (cpuMs(postgresBackends(databaseName)) - backendsBefore) / answered,
  };
  rows.push(row);
  console.log(
    `${scenario}: ${row.requestsPerSecond.toFixed(0)} req/s, p50 ${row.p50Ms} ms, p99 ${row.p99Ms} ms, ` +
      `${row.errors} errors, ${row.non2xx} non-2xx, peak RSS ${row.peakRssMb.toFixed(0)} MB, ` +
      `CPU per request: server ${row.serverCpuMsPerRequest.toFixed(2)} ms, PostgreSQL backends ${row.postgresCpuMsPerRequest.toFixed(2)} ms`,
  );
}

/** User and system CPU time of processes so far, in ms (Linux /proc; 0 for a process gone). */
function cpuMs(pids: readonly number[]): number {
  let ticks = 0;
  for (const pid of pids) {
    try {
      // The fields after the command's closing parenthesis: utime and stime are the 12th and 13th.
      const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
      ticks += Number(fields[11]) + Number(fields[12]);
    } catch {
      // ended meanwhile
    }
  }
  return ticks * 10; // USER_HZ is 100 on Linux
}

/** The PostgreSQL backends serving the bench database (on this machine; none for PGlite). */
function postgresBackends(name: string): number[] {
  if (!databaseName) return [];
  const pids: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (readFileSync(`/proc/${entry}/cmdline`, 'utf8').includes(` ${name} `)) pids.push(Number(entry));
    } catch {
      // ended meanwhile
    }
  }
  return pids;
}

/**
 * EXPLAIN ANALYZE of the list query exactly as `findIncidents` builds it (`listQuery`) for the manager
 * and the coordinator, both with the parameters planned in (custom plan) and as the server's named
 * prepared statements may run it after their fifth execution (generic plan).
 */
async function explainLists(database: Database, db: Db, seeded: SeededDatabase) {
  for (const role of ['manager', 'security_coordinator'] as const) {
    const actor = await actorOf(db, seeded.demoLogins.find((entry) => entry.role === role)?.email as string);
    const query = await listQuery(db, actor, { kind: 'incident' }, { limit: 50 });
    if (!query) continue;
    const { sql: listSql, parameters } = query.compile();
    const custom = await sql
      .raw<{ 'QUERY PLAN': string }>(`EXPLAIN (ANALYZE, BUFFERS) ${inline(listSql, parameters)}`)
      .execute(db);
    appendExplain(`${database}: list as the ${role} (custom plan)`, listSql, custom.rows);
    await db.connection().execute(async (connection) => {
      await sql.raw(`PREPARE bench_list AS ${listSql}`).execute(connection);
      await sql.raw('SET plan_cache_mode = force_generic_plan').execute(connection);
      const generic = await sql
        .raw<{ 'QUERY PLAN': string }>(
          `EXPLAIN (ANALYZE, BUFFERS) EXECUTE bench_list(${parameters.map(literal).join(', ')})`,
        )
        .execute(connection);
      await sql.raw('DEALLOCATE bench_list').execute(connection);
      await sql.raw('RESET plan_cache_mode').execute(connection);
      appendExplain(`${database}: list as the ${role} (generic plan, as a prepared statement)`, listSql, generic.rows);
    });
  }
}

function literal(value: unknown): string {
  if (typeof value === 'number') return String(value);
  const text = Array.isArray(value)
    ? `{${value.map((item) => `"${String(item)}"`).join(',')}}`
    : value instanceof Date
      ? value.toISOString()
      : String(value);
  return `'${text.replace(/'/g, "''")}'`;
}

/** The query with its $n parameters written in, for EXPLAIN (bench-made values only). */
function inline(text: string, parameters: readonly unknown[]): string {
  return text.replace(/\$(\d+)/g, (_, index: string) => literal(parameters[Number(index) - 1]));
}

function appendExplain(title: string, text: string, plan: Record<string, unknown>[]): void {
  const lines = plan.map((row) => String(Object.values(row)[0]));
  const execution = lines.find((line) => line.startsWith('Execution Time'));
  console.log(`EXPLAIN ANALYZE ${title}: ${execution ?? '?'}`);
  writeFileSync(explainFile, `=== ${title}\n${text}\n\n${lines.join('\n')}\n\n`, { flag: 'a' });
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

function report(): void {
  const setting =
    `${connections} connections, ${duration} s per scenario after a 3 s warm-up, ${unitCount} extra units, ` +
    `LOG_LEVEL=${logLevel}, node ${process.version}`;
  const table = [
    '| database | scenario | req/s | p50 ms | p99 ms | errors | non-2xx | server peak RSS MB | CPU ms/request server, PostgreSQL |',
    '|---|---|---:|---:|---:|---:|---:|---:|---:|',
    ...rows.map(
      (row) =>
        `| ${row.database} | ${row.scenario} | ${row.requestsPerSecond.toFixed(0)} | ${row.p50Ms} | ${row.p99Ms} | ` +
        `${row.errors} | ${row.non2xx} | ${row.peakRssMb.toFixed(0)} | ` +
        `${row.serverCpuMsPerRequest.toFixed(2)}, ${row.postgresCpuMsPerRequest.toFixed(2)} |`,
    ),
  ];
  const statisticsTable = [
    '| database | statistics service (getIncidentStatistics), last 12 months | incidents in scope | units | median ms | min–max ms |',
    '|---|---|---:|---:|---:|---:|',
    ...statistics.map(
      (entry) =>
        `| ${entry.database} | as the ${entry.who} | ` +
        `${entry.incidents} | ${entry.units} | ${median(entry.runsMs).toFixed(0)} | ` +
        `${Math.min(...entry.runsMs).toFixed(0)}–${Math.max(...entry.runsMs).toFixed(0)} |`,
    ),
  ];
  notes.push(`load average (1 min) at the end: ${loadavg()[0]?.toFixed(1)}`);
  console.log([`\n${setting}\n`, ...table, '', ...statisticsTable, '', ...notes.map((note) => `- ${note}`)].join('\n'));

  const targets: string[] = [];
  const postgres = rows.filter((row) => row.database === 'PostgreSQL');
  const submit = postgres.find((row) => row.scenario.startsWith('POST'));
  if (submit) {
    const met = submit.requestsPerSecond >= 2000 && submit.p99Ms < 50 && submit.non2xx === 0;
    targets.push(`${met ? 'MET   ' : 'MISSED'}  PostgreSQL submission >= 2,000 req/s with p99 < 50 ms`);
  }
  for (const list of postgres.filter((row) => row.scenario.startsWith('GET /api/incidents?'))) {
    const met = list.p99Ms < 20 && list.non2xx === 0;
    targets.push(`${met ? 'MET   ' : 'MISSED'}  PostgreSQL list p99 < 20 ms: ${list.scenario}`);
  }
  const endpoint = postgres.find((row) => row.scenario.startsWith('GET /api/incidents/statistics'));
  if (endpoint) {
    const met = endpoint.p50Ms < 150 && endpoint.non2xx === 0;
    targets.push(`${met ? 'MET   ' : 'MISSED'}  PostgreSQL statistics endpoint p50 < 150 ms: ${endpoint.scenario}`);
  }
  for (const entry of statistics.filter((candidate) => candidate.database === 'PostgreSQL')) {
    const met = median(entry.runsMs) < 150;
    targets.push(
      `${met ? 'MET   ' : 'MISSED'}  PostgreSQL statistics < 150 ms (median of the service call) as the ${entry.who}`,
    );
  }
  console.log(`\nTargets:\n${targets.map((line) => `  ${line}`).join('\n')}`);

  const file = path.join(resultsDir, `incidents-${stamp}.json`);
  writeFileSync(file, JSON.stringify({ date: new Date().toISOString(), setting, rows, statistics, notes }, null, 2));
  console.log(
    `\nResults: ${path.relative(process.cwd(), file)}; EXPLAIN ANALYZE: ${path.relative(process.cwd(), explainFile)}; ` +
      `server log: ${path.relative(process.cwd(), logFile)}`,
  );
}
