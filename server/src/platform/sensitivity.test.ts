import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'kysely';
import '../platform/schema.ts';
import '../access/tables.ts';
import '../audit/tables.ts';
import '../auth/tables.ts';
import '../incidents/tables.ts';
import '../measures/tables.ts';
import '../notifications/tables.ts';
import '../organisation/tables.ts';
import '../threat-cases/tables.ts';
import '../risk-analyses/tables.ts';
import '../security-walks/tables.ts';
import '../protection-programme/tables.ts';
import '../drills/tables.ts';
import '../training/tables.ts';
import './tables.ts';
import { createTestDatabase } from '../testing/test-database.ts';
import type { Db } from './database.ts';
import { sensitivities, taggedTables } from './sensitivity.ts';

const camelCase = (name: string) => name.replace(/_([a-z])/g, (_match, letter: string) => letter.toUpperCase());

let db: Db;
let drop: () => Promise<void>;
before(async () => {
  ({ db, drop } = await createTestDatabase('pglite'));
});
after(() => drop());

test('every column of every table carries a sensitivity tag, and no tag names a missing column', async () => {
  const columns = await sql<{ tableName: string; columnName: string }>`
    SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = 'public'`.execute(db);
  const tagged = taggedTables();
  const untagged = columns.rows
    .filter((column) => !(camelCase(column.columnName) in (tagged.get(column.tableName) ?? {})))
    .map((column) => `${column.tableName}.${column.columnName}`);
  assert.deepEqual(untagged, []);
  const existing = new Set(columns.rows.map((column) => `${column.tableName}.${camelCase(column.columnName)}`));
  for (const [table, tags] of tagged) {
    for (const [column, sensitivity] of Object.entries(tags)) {
      assert.ok(existing.has(`${table}.${column}`), `${table}.${column} is tagged but does not exist`);
      assert.ok(sensitivities.includes(sensitivity));
    }
  }
});
