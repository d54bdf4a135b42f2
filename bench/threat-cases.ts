// `npm run bench:threat-cases`: the threat-case benchmark (issue 4). Seeds 100,000 threat cases with
// five assessment versions each (10,000 on PGlite), then, against the real server as a child process,
// opens cases with their assessment history — GET /api/threat-cases/:id, an audited read — as the
// demo manager and security coordinator (both on the cases' access lists) with autocannon, over many
// different case ids taken round-robin. Target: p99 < 30 ms on PostgreSQL. EXPLAIN ANALYZE of the
// case read's queries goes to bench/results/. See docs/performance.md, "Threat cases (issue 4)".
//
//   BENCH_DATABASE_URL / TEST_DATABASE_URL  PostgreSQL to create the bench database in (else PGlite only)
//   BENCH_ONLY=pglite|postgres   BENCH_DURATION=10   BENCH_CONNECTIONS=50   BENCH_CASE_IDS=5000
//   BENCH_CASES   cases to seed (default 100,000 on PostgreSQL, 10,000 on PGlite)
//   BENCH_KEEP=1   keep the PostgreSQL database (its URL is printed); drop it yourself
//   BENCH_LOG_LEVEL=info   BENCH_NODE_ARGS='…' (default: the flags of `npm start`)
//   BENCH_POOL_SIZE   the server's DATABASE_POOL_SIZE (default: the server's, 10)
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import autocannon, { type Options, type Result } from 'autocannon';
import { CompiledQuery, type KyselyPlugin } from 'kysely';
import type { Actor } from '../server/src/access/authorize.ts';
import { auditContextOf } from '../server/src/audit/audit-log.ts';
import type { Db } from '../server/src/platform/database.ts';
import { getThreatCase } from '../server/src/threat-cases/read.ts';
import { actorOf, openSeeded, type SeededDatabase, seedBenchDatabase } from './seed.ts';
import { seedThreatCases } from './seed-threat-cases.ts';
import { type ServerProcess, startServerProcess } from './server-process.ts';
import { signIn } from './sign-in.ts';

const duration = Number(process.env.BENCH_DURATION ?? 10);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 50);
const caseIdCount = Number(process.env.BENCH_CASE_IDS ?? 5000);
const casesFor = (database: Database) =>
  Number(process.env.BENCH_CASES ?? (database === 'PostgreSQL' ? 100_000 : 10_000));
// Creators, assessors and second handlers of the cases, spread over the demo's units.
const benchStaff = 2000;
const targetP99Ms = 30;
const only = process.env.BENCH_ONLY;
const keepDatabase = process.env.BENCH_KEEP === '1';
const logLevel = process.env.BENCH_LOG_LEVEL ?? 'info';
const postgresUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
const serverFlags = process.env.BENCH_NODE_ARGS ?? '--max-semi-space-size=8';
// The server's database pool (DATABASE_POOL_SIZE); unset, the server's default (10).
const poolSize = process.env.BENCH_POOL_SIZE;
const resultsDir = path.resolve(import.meta.dirname, 'results');
mkdirSync(resultsDir, { recursive: true });
const logFile = path.join(resultsDir, 'server-threat-cases.log');
writeFileSync(logFile, '');
const stamp = new Date().toISOString().replace(/[:.]/g, '-');
const explainFile = path.join(resultsDir, `threat-cases-explain-${stamp}.txt`);
writeFileSync(explainFile, '');

type Database = 'PGlite' | 'PostgreSQL';
const readers = [
  ['manager', 'manager, one unit'],
  ['security_coordinator', 'security coordinator, arbetsmarknadsförvaltningen'],
] as const;
interface Row {
  database: string;
  scenario: string;
  caseIds: number;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  errors: number;
  non2xx: number;
  peakRssMb: number;
}
/** Thrown to roll back the transaction the case read is explained in. */
class RollBack extends Error {}
const rows: Row[] = [];
const notes: string[] = [];

if (!postgresUrl && only !== 'pglite') {
  const message = 'BENCH_DATABASE_URL / TEST_DATABASE_URL not set: NO PostgreSQL figures, PGlite only.';
  console.warn(`\n!!! ${message}\n`);
  notes.push(message);
}
notes.push(`load average (1 min) at the start: ${loadavg()[0]?.toFixed(1)} on ${availableParallelism()} cores`);
const scratch = mkdtempSync(path.join(tmpdir(), 'varn-bench-threat-cases-'));
try {
  if (postgresUrl && (!only || only === 'postgres')) await benchDatabase('PostgreSQL');
  if (!only || only === 'pglite') await benchDatabase('PGlite');
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
report();

async function benchDatabase(database: Database): Promise<void> {
  const caseCount = casesFor(database);
  console.log(`\n--- ${database}: seeding the demo tenant, ${benchStaff} staff and ${caseCount} threat cases`);
  const seeded = await seedBenchDatabase(
    database === 'PGlite'
      ? { kind: 'pglite', dataDir: path.join(scratch, 'pglite') }
      : { kind: 'postgres', adminUrl: postgresUrl as string },
    benchStaff,
  );
  let server: ServerProcess | null = null;
  try {
    const db = openSeeded(seeded);
    const addressKey = Buffer.from(seeded.secretKey, 'hex');
    const caseIds = new Map<string, string[]>();
    try {
      const tenant = await db.selectFrom('tenants').select('id').executeTakeFirstOrThrow();
      const startedAt = performance.now();
      const counts = await seedThreatCases(db, tenant.id, addressKey, caseCount);
      const seedNote =
        `${database}: seeded ${counts.cases} threat cases, ${counts.assessments} assessment versions, ` +
        `${counts.accessEntries} access-list entries in ${((performance.now() - startedAt) / 1000).toFixed(1)} s ` +
        '(with VACUUM ANALYZE)';
      console.log(seedNote);
      notes.push(seedNote);
      for (const [role] of readers) {
        const actor = await actorOf(db, loginOf(seeded, role).email);
        const ids = await openableCaseIds(db, actor);
        caseIds.set(role, ids);
        notes.push(`${database}: the ${role} is on the access list of ${ids.length} cases taken round-robin`);
        await explainCaseRead(database, db, addressKey, actor, role, ids);
      }
    } finally {
      // PGlite's data directory can be open in one process only: the server's.
      await db.destroy();
    }

    server = await startServerProcess({
      environment: {
        ...seeded.environment,
        NODE_ENV: 'production',
        SECRET_KEY: seeded.secretKey,
        SEED_DEMO: 'never',
        LOG_LEVEL: logLevel,
        SIGN_IN_RATE_PER_MINUTE: '100000000',
        ...(poolSize ? { DATABASE_POOL_SIZE: poolSize } : {}),
      },
      logFile,
      nodeArguments: serverFlags.split(' ').filter(Boolean),
    });
    await new Promise((resolve) => setTimeout(resolve, 1000));
    notes.push(`${database}: server RSS when ready, before any request: ${server.sampleMemory().stop().toFixed(0)} MB`);
    for (const [role, who] of readers) {
      await openCases(database, server, seeded, role, who, caseIds.get(role) ?? []);
    }
    notes.push(`${database}: server peak RSS over its whole run (VmHWM) ${server.peakRssMb().toFixed(0)} MB`);
  } finally {
    await server?.stop();
    if (keepDatabase && seeded.environment.DATABASE_URL) {
      console.log(`kept the database: ${seeded.environment.DATABASE_URL}`);
    } else {
      await seeded.drop();
    }
  }
}

function loginOf(seeded: SeededDatabase, role: string) {
  const found = seeded.demoLogins.find((entry) => entry.role === role);
  if (!found) throw new Error(`no demo log-in with the role ${role}`);
  return found;
}

/** Up to BENCH_CASE_IDS cases the actor is listed on, in a scattered order (by id), so reads hit cold pages. */
async function openableCaseIds(db: Db, actor: Actor): Promise<string[]> {
  const rows = await db
    .selectFrom('threatCaseAccess')
    .select('caseId')
    .where('tenantId', '=', actor.tenantId)
    .where('personId', '=', actor.personId)
    .orderBy('caseId')
    .limit(caseIdCount)
    .execute();
  return rows.map((row) => row.caseId);
}

/**
 * EXPLAIN (ANALYZE, BUFFERS) of every query `getThreatCase` runs, captured as it runs them for one
 * case (in a transaction rolled back, so no audit entry stays), each with its own parameters.
 */
async function explainCaseRead(
  database: Database,
  db: Db,
  addressKey: Buffer,
  actor: Actor,
  role: string,
  ids: readonly string[],
): Promise<void> {
  const id = ids[Math.floor(ids.length / 2)];
  if (!id) return;
  const captured: CompiledQuery[] = [];
  const recorder: KyselyPlugin = {
    transformQuery: (args) => {
      captured.push(db.getExecutor().compileQuery(args.node, args.queryId));
      return args.node;
    },
    transformResult: async (args) => args.result,
  };
  await db
    .withPlugin(recorder)
    .transaction()
    .execute(async (transaction) => {
      await getThreatCase(transaction, addressKey, actor, auditContextOf(actor, null), id);
      throw new RollBack();
    })
    .catch((error: unknown) => {
      if (!(error instanceof RollBack)) throw error;
    });
  for (const query of captured.filter((candidate) => /^\s*select/i.test(candidate.sql))) {
    const plan = await db.executeQuery<Record<string, unknown>>(
      CompiledQuery.raw(`EXPLAIN (ANALYZE, BUFFERS) ${query.sql}`, [...query.parameters]),
    );
    const lines = plan.rows.map((row) => String(Object.values(row)[0]));
    const execution = lines.find((line) => line.startsWith('Execution Time'));
    // The last FROM is the query's own table: the case query has the access list's EXISTS before it.
    const table = [...query.sql.matchAll(/from "(\w+)"/g)].at(-1)?.[1] ?? '?';
    console.log(`EXPLAIN ANALYZE ${database}, as the ${role}, ${table}: ${execution ?? '?'}`);
    writeFileSync(
      explainFile,
      `=== ${database}: case read as the ${role}, ${table}\n${query.sql}\n${JSON.stringify(query.parameters)}\n\n` +
        `${lines.join('\n')}\n\n`,
      { flag: 'a' },
    );
  }
}

async function openCases(
  database: Database,
  server: ServerProcess,
  seeded: SeededDatabase,
  role: string,
  who: string,
  ids: readonly string[],
): Promise<void> {
  if (ids.length === 0) throw new Error(`the ${role} is on no case's access list`);
  const session = await signIn(server.url, loginOf(seeded, role));
  const check = await fetch(`${server.url}/api/threat-cases/${ids[0]}`, { headers: { cookie: session.cookie } });
  const answer = (await check.json()) as { assessments?: unknown[]; protectedPersons?: { homeAddress?: string }[] };
  if (check.status !== 200 || answer.assessments?.length !== 5 || !answer.protectedPersons?.[0]?.homeAddress) {
    throw new Error(
      `GET /api/threat-cases/:id as the ${role}: ${check.status} ${JSON.stringify(answer).slice(0, 500)}`,
    );
  }
  let next = 0;
  const reads: Options & { requests: unknown[] } = {
    url: server.url,
    headers: { cookie: session.cookie },
    requests: [
      {
        method: 'GET',
        setupRequest: (request: Record<string, unknown>) => {
          const id = ids[next % ids.length];
          next += 1;
          return { ...request, path: `/api/threat-cases/${id}` };
        },
      },
    ],
  };
  await autocannon({ ...reads, connections, duration: 3 } as Options); // warm-up
  const memory = server.sampleMemory();
  const result: Result = await autocannon({ ...reads, connections, duration, timeout: 10 } as Options);
  const row: Row = {
    database,
    scenario: `GET /api/threat-cases/:id (${who})`,
    caseIds: ids.length,
    requestsPerSecond: result.requests.average,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
    peakRssMb: memory.stop(),
  };
  rows.push(row);
  console.log(
    `${row.scenario}: ${row.requestsPerSecond.toFixed(0)} req/s, p50 ${row.p50Ms} ms, p99 ${row.p99Ms} ms, ` +
      `${row.errors} errors, ${row.non2xx} non-2xx, peak RSS ${row.peakRssMb.toFixed(0)} MB`,
  );
}

function report(): void {
  const setting =
    `${connections} connections, ${duration} s per scenario after a 3 s warm-up, up to ${caseIdCount} case ids ` +
    `round-robin, database pool ${poolSize ?? 'default (10)'}, LOG_LEVEL=${logLevel}, node ${process.version}`;
  const table = [
    '| database | scenario | case ids | req/s | p50 ms | p99 ms | errors | non-2xx | server peak RSS MB |',
    '|---|---|---:|---:|---:|---:|---:|---:|---:|',
    ...rows.map(
      (row) =>
        `| ${row.database} | ${row.scenario} | ${row.caseIds} | ${row.requestsPerSecond.toFixed(0)} | ${row.p50Ms} | ` +
        `${row.p99Ms} | ${row.errors} | ${row.non2xx} | ${row.peakRssMb.toFixed(0)} |`,
    ),
  ];
  notes.push(`load average (1 min) at the end: ${loadavg()[0]?.toFixed(1)}`);
  console.log([`\n${setting}\n`, ...table, '', ...notes.map((note) => `- ${note}`)].join('\n'));

  const targets = rows
    .filter((row) => row.database === 'PostgreSQL')
    .map((row) => {
      const met = row.p99Ms < targetP99Ms && row.non2xx === 0 && row.errors === 0;
      return `${met ? 'MET   ' : 'MISSED'}  PostgreSQL case with its timeline p99 < ${targetP99Ms} ms: ${row.scenario}`;
    });
  if (targets.length > 0) console.log(`\nTargets:\n${targets.map((line) => `  ${line}`).join('\n')}`);

  const file = path.join(resultsDir, `threat-cases-${stamp}.json`);
  writeFileSync(file, JSON.stringify({ date: new Date().toISOString(), setting, rows, notes }, null, 2));
  console.log(
    `\nResults: ${path.relative(process.cwd(), file)}; EXPLAIN ANALYZE: ${path.relative(process.cwd(), explainFile)}; ` +
      `server log: ${path.relative(process.cwd(), logFile)}`,
  );
}
