import { createHash } from 'node:crypto';
import { PGlite } from '@electric-sql/pglite';
import { CamelCasePlugin, Kysely, PostgresDialect, type PostgresPool, type PostgresPoolClient } from 'kysely';
import pg from 'pg';
import type { Config } from './config.ts';
import type { Database } from './schema.ts';

export type Db = Kysely<Database>;

// Both drivers return the same JavaScript values: counts as numbers, dates (without time) as
// 'YYYY-MM-DD' strings rather than Dates at local midnight, numerics as strings.
const int8 = 20;
const numeric = 1700;
const date = 1082;
pg.types.setTypeParser(int8, Number);
pg.types.setTypeParser(date, (value: string) => value);

/**
 * How the job queue reaches the same database: PostgreSQL through its own connection string, PGlite
 * through a facade that takes the one connection's lock, so that no job query ever lands inside a
 * transaction of the app's.
 */
export type JobDatabase =
  | { kind: 'postgres'; url: string }
  | {
      kind: 'pglite';
      pglite: {
        query<Row>(text: string, values?: unknown[]): Promise<{ rows: Row[] }>;
        exec(text: string): Promise<{ rows: unknown[] }[]>;
      };
    };
const jobDatabases = new WeakMap<Db, JobDatabase>();

export function jobDatabaseOf(db: Db): JobDatabase {
  const jobDatabase = jobDatabases.get(db);
  if (!jobDatabase) throw new Error('not a database opened by openDatabase');
  return jobDatabase;
}

/** Opens the database the configuration names: PostgreSQL through a pool, or embedded PGlite. */
export function openDatabase(database: Config['database']): Db {
  if (database.kind === 'postgres') {
    const pool = new pg.Pool({ connectionString: database.url, max: database.poolSize, Client: PreparingClient });
    // An idle pooled connection that the server ends (restart, failover) emits 'error'; without a
    // listener that would crash the process. The pool replaces the connection on next use.
    pool.on('error', (error) => process.emitWarning(`idle database connection lost: ${error.message}`));
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }), plugins: [new CamelCasePlugin()] });
    jobDatabases.set(db, { kind: 'postgres', url: database.url });
    return db;
  }
  const pglite = new PGlite(database.dataDir ?? undefined, {
    parsers: { [int8]: Number, [numeric]: (value: string) => value, [date]: (value: string) => value },
  });
  const { pool, withConnection } = pgliteAsPool(pglite);
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }), plugins: [new CamelCasePlugin()] });
  jobDatabases.set(db, {
    kind: 'pglite',
    pglite: {
      query: <Row>(text: string, values?: unknown[]) =>
        withConnection(() => pglite.query<Row>(text, values, { rowMode: 'object' })),
      exec: (text) => withConnection(() => pglite.exec(text)),
    },
  });
  return db;
}

/**
 * Runs every parameterised query as a named prepared statement, so each pooled connection parses and
 * plans a query shape once instead of on every request. Kysely emits the same text for the same shape.
 */
class PreparingClient extends pg.Client {
  // biome-ignore lint/suspicious/noExplicitAny: pg's query() has many overloads; only one is changed
  override query(config: any, values?: any, callback?: any): any {
    if (typeof config === 'string' && Array.isArray(values) && values.length > 0 && callback === undefined) {
      return super.query({ name: statementName(config), text: config, values });
    }
    return super.query(config, values, callback);
  }
}

const statementNames = new Map<string, string>();
function statementName(text: string): string {
  let name = statementNames.get(text);
  if (!name) {
    name = `varn_${createHash('sha1').update(text).digest('hex').slice(0, 20)}`;
    statementNames.set(text, name);
  }
  return name;
}

/**
 * PGlite is a single connection. Kysely's PostgresDialect wants a pool; this one hands the one
 * connection to one borrower at a time, so a transaction never interleaves with another query.
 */
function pgliteAsPool(pglite: PGlite): { pool: PostgresPool; withConnection<T>(work: () => Promise<T>): Promise<T> } {
  let queue: Promise<void> = Promise.resolve();
  async function acquire(): Promise<() => void> {
    let release!: () => void;
    const previous = queue;
    queue = new Promise<void>((resolve) => {
      release = resolve;
    });
    await previous;
    return release;
  }
  const pool: PostgresPool = {
    options: {},
    async connect(): Promise<PostgresPoolClient> {
      const release = await acquire();
      return {
        async query(sql: string, parameters: readonly unknown[]) {
          // Without parameters the simple protocol runs several statements (migrations), as pg does.
          const result =
            parameters.length === 0
              ? (await pglite.exec(sql)).at(-1)
              : await pglite.query(sql, parameters as unknown[], { rowMode: 'object' });
          const rows = result?.rows ?? [];
          return { command: commandOf(sql), rowCount: result?.affectedRows ?? rows.length, rows };
        },
        release,
      } as unknown as PostgresPoolClient;
    },
    async end() {
      await queue;
      await pglite.close();
    },
  };
  return {
    pool,
    async withConnection(work) {
      const release = await acquire();
      try {
        return await work();
      } finally {
        release();
      }
    },
  };
}

function commandOf(sql: string): 'SELECT' | 'INSERT' | 'UPDATE' | 'DELETE' | 'MERGE' {
  const verb = /^\s*(?:with\b[\s\S]*?\)\s*)?(\w+)/i.exec(sql)?.[1]?.toUpperCase();
  return verb === 'INSERT' || verb === 'UPDATE' || verb === 'DELETE' || verb === 'MERGE' ? verb : 'SELECT';
}
