import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, test } from 'node:test';
import { sql } from 'kysely';
import { createTestApp, type TestApp } from '../testing/test-app.ts';
import { countRows, describeEachDatabase } from '../testing/test-database.ts';
import { sealPendingEntries } from './sealer.ts';
import { verifyAuditChain } from './verify.ts';

describeEachDatabase('audit log', (kind) => {
  let harness: TestApp;
  before(async () => {
    harness = await createTestApp(kind);
  });
  after(() => harness.close());

  const entriesFor = (resourceId: string) =>
    harness.db.selectFrom('auditEntries').selectAll().where('resourceId', '=', resourceId).orderBy('id').execute();

  test('a change writes its entry, naming who did what to which record', async () => {
    const administrator = await harness.signIn('administrator');
    const party = await administrator.post('/api/parties', { name: 'Granskningspartiet', abbreviation: 'GP' });
    assert.equal(party.statusCode, 201);
    const [entry] = await entriesFor(party.json().id);
    assert.equal(entry?.action, 'party.create');
    const administratorLogin = harness.demoLogins.find((login) => login.role === 'administrator');
    const actor = await harness.db
      .selectFrom('people')
      .select('email')
      .where('id', '=', entry?.actorPersonId as string)
      .executeTakeFirst();
    assert.equal(actor?.email, administratorLogin?.email);
  });

  test('reading a person with protected identity is audited', async () => {
    const administrator = await harness.signIn('administrator');
    const units = (await administrator.get('/api/org-units')).json().items as { id: string; kind: string }[];
    const unitId = units.find((unit) => unit.kind === 'unit')?.id;
    const created = await administrator.post('/api/people', {
      kind: 'employee',
      givenName: 'Skyddad',
      familyName: 'Person',
      unitId,
      email: `${randomUUID()}@demo.varn.se`,
      hasProtectedIdentity: true,
    });
    const before = (await entriesFor(created.json().id)).length;
    await administrator.get(`/api/people/${created.json().id}`);
    const entries = await entriesFor(created.json().id);
    assert.equal(entries.length, before + 1);
    assert.equal(entries.at(-1)?.action, 'person.read');
  });

  test('the sealer links every entry into an intact chain per tenant', async () => {
    await sealPendingEntries(harness.db);
    assert.equal(await countRows(harness.db, 'audit_unsealed'), 0);
    const report = await verifyAuditChain(harness.db);
    assert.equal(report.isIntact, true, JSON.stringify(report));
    if (report.isIntact) assert.equal(report.sealedEntries, await countRows(harness.db, 'audit_entries'));
  });

  test('the app cannot update, delete or truncate audit rows', async () => {
    await assert.rejects(sql`UPDATE audit_entries SET action = 'nothing'`.execute(harness.db), /append-only/);
    await assert.rejects(sql`DELETE FROM audit_entries`.execute(harness.db), /append-only/);
    await assert.rejects(sql`DELETE FROM audit_seals`.execute(harness.db), /append-only/);
    await assert.rejects(sql`TRUNCATE audit_entries CASCADE`.execute(harness.db), /append-only/);
  });

  test('verification names the first broken link when an entry is changed behind the app', async () => {
    await sealPendingEntries(harness.db);
    const victim = await harness.db
      .selectFrom('auditSeals')
      .select(['entryId', 'sequence', 'tenantId'])
      .orderBy('entryId')
      .limit(1)
      .offset(3)
      .executeTakeFirstOrThrow();
    // An intruder with the owner's rights disables the guard, edits an entry, and restores the guard.
    await harness.db.connection().execute(async (connection) => {
      await sql`ALTER TABLE audit_entries DISABLE TRIGGER audit_entries_append_only`.execute(connection);
      await sql`UPDATE audit_entries SET action = 'person.read.hidden' WHERE id = ${victim.entryId}`.execute(
        connection,
      );
      await sql`ALTER TABLE audit_entries ENABLE TRIGGER audit_entries_append_only`.execute(connection);
    });
    const report = await verifyAuditChain(harness.db);
    assert.equal(report.isIntact, false);
    if (!report.isIntact) {
      assert.equal(report.entryId, victim.entryId);
      assert.equal(report.sequence, victim.sequence);
      assert.equal(report.tenantId, victim.tenantId);
    }
  });
});
