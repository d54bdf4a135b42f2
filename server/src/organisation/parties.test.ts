import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Party, Person } from '@varn/domain';
import { createTestApp, type TestApp, type TestClient } from '../testing/test-app.ts';
import { describeEachDatabase } from '../testing/test-database.ts';

describeEachDatabase('party security contacts', (kind) => {
  let harness: TestApp;
  let administrator: TestClient;
  let parties: Party[];
  before(async () => {
    harness = await createTestApp(kind);
    administrator = await harness.signIn('administrator');
    parties = (await administrator.get('/api/parties')).json().items;
  });
  after(() => harness.close());

  const partyOf = (abbreviation: string) => parties.find((party) => party.abbreviation === abbreviation) as Party;
  const update = (party: Party, securityContactPersonId: string | null) =>
    administrator.patch(`/api/parties/${party.id}`, {
      name: party.name,
      abbreviation: party.abbreviation,
      officeEmail: party.officeEmail,
      securityContactPersonId,
    });

  test('the contact is one of the party, and the list names them', async () => {
    const moderates = partyOf('M');
    const official = (
      (await administrator.get(`/api/people?partyId=${moderates.id}&limit=1`)).json().items as Person[]
    )[0] as Person;
    const updated = await update(moderates, official.id);
    assert.equal(updated.statusCode, 200, updated.body);
    assert.equal(updated.json().securityContactName, `${official.givenName} ${official.familyName}`);
    const listed = (await administrator.get('/api/parties')).json().items as Party[];
    assert.equal(
      listed.find((party) => party.id === moderates.id)?.securityContactName,
      updated.json().securityContactName,
    );
  });

  test("another party's official, or a member of staff, cannot be the contact", async () => {
    const liberals = partyOf('L');
    const moderate = (
      (await administrator.get(`/api/people?partyId=${partyOf('M').id}&limit=1`)).json().items as Person[]
    )[0] as Person;
    const refused = await update(liberals, moderate.id);
    assert.equal(refused.statusCode, 400);
    assert.equal(refused.json().errors[0].code, 'not_of_party');
    const employee = (
      (await administrator.get('/api/people?kind=employee&limit=1')).json().items as Person[]
    )[0] as Person;
    assert.equal((await update(liberals, employee.id)).statusCode, 400);
  });
});
