// `npm run bench`: throughput, latency and memory of the real server on PGlite and PostgreSQL, and
// its start times. Loopback only, bounded in time (about 2 minutes). See docs/performance.md.
//
//   BENCH_DATABASE_URL / TEST_DATABASE_URL  PostgreSQL to create the bench database in (else PGlite only)
//   BENCH_DURATION=10  BENCH_CONNECTIONS=50  BENCH_PEOPLE=50000  BENCH_ONLY=pglite|postgres|start
//   BENCH_LOG_LEVEL=info   the server's LOG_LEVEL (info is what production runs with)
//   BENCH_SCENARIO=list|sign-in   run only one of the two load scenarios
//   BENCH_CPU_PROF=1       write a V8 CPU profile of each server to bench/results/profiles/
//   BENCH_NODE_ARGS='…'    node flags for the server (default: those of `npm start`)
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import autocannon, { type Result } from 'autocannon';
import { type SeededDatabase, seedBenchDatabase } from './seed.ts';
import { type ServerProcess, startServerProcess } from './server-process.ts';
import { signIn } from './sign-in.ts';

const duration = Number(process.env.BENCH_DURATION ?? 10);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 50);
const extraPeople = Number(process.env.BENCH_PEOPLE ?? 50_000);
const only = process.env.BENCH_ONLY;
const onlyScenario = process.env.BENCH_SCENARIO;
const logLevel = process.env.BENCH_LOG_LEVEL ?? 'info';
const postgresUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
const resultsDir = path.resolve(import.meta.dirname, 'results');
const profileDir = path.join(resultsDir, 'profiles');
mkdirSync(resultsDir, { recursive: true });
const logFile = path.join(resultsDir, 'server.log');
writeFileSync(logFile, '');
// By default the server runs with the flags of `npm start` (server/package.json): V8 sizes the young
// generation by the machine's memory, which on 24 GiB let the heap swell past 300 MB under load.
const serverFlags = process.env.BENCH_NODE_ARGS ?? '--max-semi-space-size=8';
const nodeArguments = [
  ...serverFlags.split(' ').filter(Boolean),
  ...(process.env.BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : []),
];

interface Row {
  database: string;
  scenario: string;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  errors: number;
  non2xx: number;
  peakRssMb: number;
}
const rows: Row[] = [];
const startTimes: { start: string; ms: number }[] = [];
const notes: string[] = [];

if (!postgresUrl && only !== 'pglite' && only !== 'start') {
  const message = 'BENCH_DATABASE_URL / TEST_DATABASE_URL not set: NO PostgreSQL figures, PGlite only.';
  console.warn(`\n!!! ${message}\n`);
  notes.push(message);
}

notes.push(`load average (1 min) at the start: ${loadavg()[0]?.toFixed(1)} on ${availableParallelism()} cores`);
const scratch = mkdtempSync(path.join(tmpdir(), 'varn-bench-'));
try {
  if (!only || only === 'start') await measureStartTimes();
  if (!only || only === 'pglite') await benchDatabase('PGlite');
  if (postgresUrl && (!only || only === 'postgres')) await benchDatabase('PostgreSQL');
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
report();

/** First start on an empty data directory (migrations, demo tenant), then later starts on it. */
async function measureStartTimes(): Promise<void> {
  const dataDir = path.join(scratch, 'start');
  const environment = { DATA_DIR: dataDir, LOG_LEVEL: 'warn' };
  for (const start of ['first start (empty data dir)', 'later start 1', 'later start 2', 'later start 3']) {
    const server = await startServerProcess({ environment, logFile });
    startTimes.push({ start, ms: server.readyAfterMs });
    console.log(`${start}: ready in ${(server.readyAfterMs / 1000).toFixed(2)} s`);
    await server.stop();
  }
}

async function benchDatabase(database: 'PGlite' | 'PostgreSQL'): Promise<void> {
  console.log(`\n--- ${database}: seeding the demo tenant and ${extraPeople} people`);
  const seeded = await seedBenchDatabase(
    database === 'PGlite'
      ? { kind: 'pglite', dataDir: path.join(scratch, 'pglite') }
      : { kind: 'postgres', adminUrl: postgresUrl as string },
    extraPeople,
  );
  console.log(`${seeded.people} people in ${(seeded.seedMs / 1000).toFixed(1)} s`);
  let server: ServerProcess | null = null;
  try {
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
      nodeArguments,
    });
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const idle = server.sampleMemory().stop();
    notes.push(`${database}: server RSS when ready, before any request: ${idle.toFixed(0)} MB`);
    await runScenarios(database, server, seeded);
    const rss = server.peakRssMb();
    notes.push(`${database}: server peak RSS over its whole run (VmHWM) ${rss.toFixed(0)} MB`);
  } finally {
    await server?.stop();
    await seeded.drop();
  }
}

async function runScenarios(database: string, server: ServerProcess, seeded: SeededDatabase): Promise<void> {
  const coordinator = seeded.demoLogins.find((login) => login.role === 'security_coordinator');
  const employee = seeded.demoLogins.find((login) => login.role === 'employee');
  if (!coordinator || !employee) throw new Error('demo log-ins are missing the coordinator or the employee');
  const { cookie } = await signIn(server.url, coordinator);
  const listUrl = `${server.url}/api/people?limit=50`;
  const check = await fetch(listUrl, { headers: { cookie } });
  const page = (await check.json()) as { items?: unknown[] };
  if (check.status !== 200 || page.items?.length !== 50) {
    throw new Error(`GET /api/people?limit=50 as the security coordinator: ${check.status} ${JSON.stringify(page)}`);
  }

  if (onlyScenario !== 'sign-in') {
    // Warm-up: lets V8 optimise and the database fill its caches before anything is measured.
    await autocannon({ url: listUrl, connections, duration: 3, headers: { cookie } });
    await measure(database, 'GET /api/people?limit=50 (security coordinator)', server, {
      url: listUrl,
      headers: { cookie },
    });
  }
  if (onlyScenario === 'list') return;
  await measure(database, 'POST /api/auth/sign-in (employee, argon2id)', server, {
    url: `${server.url}/api/auth/sign-in`,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: employee.email, password: employee.password }),
  });
}

async function measure(
  database: string,
  scenario: string,
  server: ServerProcess,
  request: { url: string; method?: 'GET' | 'POST'; headers: Record<string, string>; body?: string },
): Promise<void> {
  const memory = server.sampleMemory();
  const result: Result = await autocannon({ ...request, connections, duration, timeout: 10 });
  const row: Row = {
    database,
    scenario,
    requestsPerSecond: result.requests.average,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
    peakRssMb: memory.stop(),
  };
  rows.push(row);
  console.log(
    `${scenario}: ${row.requestsPerSecond.toFixed(0)} req/s, p50 ${row.p50Ms} ms, p99 ${row.p99Ms} ms, ` +
      `${row.errors} errors, ${row.non2xx} non-2xx, peak RSS ${row.peakRssMb.toFixed(0)} MB`,
  );
}

/** Password, then the TOTP code where the role asks for one; returns the Cookie header. */
function report(): void {
  const table = [
    '| database | scenario | req/s | p50 ms | p99 ms | errors | non-2xx | server peak RSS MB |',
    '|---|---|---:|---:|---:|---:|---:|---:|',
    ...rows.map(
      (row) =>
        `| ${row.database} | ${row.scenario} | ${row.requestsPerSecond.toFixed(0)} | ${row.p50Ms} | ${row.p99Ms} | ` +
        `${row.errors} | ${row.non2xx} | ${row.peakRssMb.toFixed(0)} |`,
    ),
  ];
  const starts = ['| start (PGlite, `node server/src/main.ts`) | until /readyz = 200 |', '|---|---:|'].concat(
    startTimes.map((entry) => `| ${entry.start} | ${(entry.ms / 1000).toFixed(2)} s |`),
  );
  const setting = `${connections} connections, ${duration} s per scenario, ${extraPeople} extra people, LOG_LEVEL=${logLevel}, node ${process.version}`;
  notes.push(`load average (1 min) at the end: ${loadavg()[0]?.toFixed(1)}`);
  const output = [`\n${setting}\n`, ...table, '', ...starts, '', ...notes.map((note) => `- ${note}`)].join('\n');
  console.log(output);

  const targets: string[] = [];
  const postgresList = rows.find((row) => row.database === 'PostgreSQL' && row.scenario.startsWith('GET'));
  if (postgresList) {
    const met = postgresList.requestsPerSecond >= 5000 && postgresList.p99Ms < 20;
    targets.push(`${met ? 'MET ' : 'MISSED'}  PostgreSQL list >= 5,000 req/s with p99 < 20 ms`);
  }
  if (rows.length > 0) {
    const peak = Math.max(...rows.map((row) => row.peakRssMb));
    targets.push(`${peak < 300 ? 'MET ' : 'MISSED'}  server RSS < 300 MB (peak ${peak.toFixed(0)} MB)`);
  }
  const first = startTimes[0];
  if (first) targets.push(`${first.ms < 10_000 ? 'MET ' : 'MISSED'}  first start < 10 s`);
  const later = startTimes.slice(1).map((entry) => entry.ms);
  if (later.length > 0) targets.push(`${Math.max(...later) < 3000 ? 'MET ' : 'MISSED'}  later starts < 3 s`);
  console.log(`\nTargets:\n${targets.map((line) => `  ${line}`).join('\n')}`);

  const file = path.join(resultsDir, `bench-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  writeFileSync(file, JSON.stringify({ date: new Date().toISOString(), setting, rows, startTimes, notes }, null, 2));
  console.log(`\nResults: ${path.relative(process.cwd(), file)}; server log: ${path.relative(process.cwd(), logFile)}`);
}
