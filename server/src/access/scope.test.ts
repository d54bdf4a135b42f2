import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Person } from '@varn/domain';
import { createTestApp, type TestApp } from '../testing/test-app.ts';
import { describeEachDatabase } from '../testing/test-database.ts';

/** Each role sees its own part of the organisation; everything else answers 404, as if absent. */
describeEachDatabase('scopes', (kind) => {
  let harness: TestApp;
  let everyone: Person[];
  let unitNames: Map<string, string>;
  before(async () => {
    harness = await createTestApp(kind);
    const administrator = await harness.signIn('administrator');
    everyone = (await administrator.get('/api/people?limit=200')).json().items;
    const units = (await administrator.get('/api/org-units')).json().items as { id: string; name: string }[];
    unitNames = new Map(units.map((unit) => [unit.id, unit.name]));
  });
  after(() => harness.close());

  const personIn = (unitName: string) =>
    everyone.find((person) => person.unitId && unitNames.get(person.unitId) === unitName) as Person;

  test('a manager lists only the people of their own unit', async () => {
    const manager = await harness.signIn('manager');
    const listed = (await manager.get('/api/people?limit=200')).json().items as Person[];
    assert.ok(listed.length > 0);
    assert.ok(listed.every((person) => unitNames.get(person.unitId as string) === 'Jobbtorg City'));
  });

  test("another unit's person, and another tenant's, answer 404 to the manager", async () => {
    const manager = await harness.signIn('manager');
    assert.equal((await manager.get(`/api/people/${personIn('Jobbtorg City').id}`)).statusCode, 200);
    const otherUnit = await manager.get(`/api/people/${personIn('Jobbtorg Järva').id}`);
    assert.equal(otherUnit.statusCode, 404);
    assert.equal(otherUnit.json().code, 'not_found');
    const otherTenantAdministrator = await harness.signIn('administrator', 'other');
    const stranger = (await otherTenantAdministrator.get('/api/people?limit=1')).json().items[0] as Person;
    assert.equal((await manager.get(`/api/people/${stranger.id}`)).statusCode, 404);
  });

  test('the security coordinator sees the whole administration, not the city executive office', async () => {
    const coordinator = await harness.signIn('security_coordinator');
    const listed = (await coordinator.get('/api/people?limit=200')).json().items as Person[];
    const names = new Set(listed.map((person) => unitNames.get(person.unitId as string)));
    assert.ok(names.has('Jobbtorg Järva') && names.has('SFI Stockholm'));
    assert.ok(!names.has('Säkerhetsavdelningen'));
    assert.equal((await coordinator.get(`/api/people/${personIn('Säkerhetsavdelningen').id}`)).statusCode, 404);
  });

  test('a party office sees its own party only', async () => {
    const partyOffice = await harness.signIn('party_security_contact');
    const parties = (await partyOffice.get('/api/parties')).json().items as { id: string; abbreviation: string }[];
    assert.deepEqual(
      parties.map((party) => party.abbreviation),
      ['S'],
    );
    const listed = (await partyOffice.get('/api/people?limit=200')).json().items as Person[];
    assert.ok(listed.length >= 8);
    assert.ok(listed.every((person) => person.partyId === parties[0]?.id));
    const administrator = await harness.signIn('administrator');
    const allParties = (await administrator.get('/api/parties')).json().items as { id: string; abbreviation: string }[];
    const moderates = allParties.find((party) => party.abbreviation === 'M') as { id: string };
    assert.equal((await partyOffice.get(`/api/parties/${moderates.id}`)).statusCode, 404);
    const moderateOfficial = everyone.find((person) => person.partyId === moderates.id) as Person;
    assert.equal((await partyOffice.get(`/api/people/${moderateOfficial.id}`)).statusCode, 404);
  });

  test('sites follow the unit scope', async () => {
    const safetyRepresentative = await harness.signIn('safety_representative');
    const sites = (await safetyRepresentative.get('/api/sites')).json().items as { name: string }[];
    assert.deepEqual(sites.map((site) => site.name).sort(), ['Jobbtorg City', 'Jobbtorg Järva', 'Jobbtorg Söderort']);
  });

  test('tenants never see each other: the other tenant lists only its own people', async () => {
    const otherAdministrator = await harness.signIn('administrator', 'other');
    const theirs = (await otherAdministrator.get('/api/people?limit=200')).json().items as Person[];
    const ours = new Set(everyone.map((person) => person.id));
    assert.ok(theirs.length > 0);
    assert.ok(theirs.every((person) => !ours.has(person.id)));
  });
});
