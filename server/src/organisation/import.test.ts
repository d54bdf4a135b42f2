import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createTestApp, type TestApp, type TestClient } from '../testing/test-app.ts';
import { countRows, describeEachDatabase } from '../testing/test-database.ts';

const header =
  'kind,given_name,family_name,email,phone,employee_number,title,unit_code,unit_name,parent_unit_code,unit_kind,party_abbreviation,official_category';

describeEachDatabase('CSV import of people and units', (kind) => {
  let harness: TestApp;
  let administrator: TestClient;
  before(async () => {
    harness = await createTestApp(kind);
    administrator = await harness.signIn('administrator');
  });
  after(() => harness.close());

  const upload = (csv: string) =>
    administrator.request({
      method: 'POST',
      url: '/api/people/import',
      payload: csv,
      headers: { 'content-type': 'text/csv' },
    });

  test('creates new units under existing ones and the people in them, in one go', async () => {
    const csv = [
      header,
      'employee,Lina,Ahmed,lina.ahmed@demo.varn.se,08-123 456,H2001,Studievägledare,AMF-VUX,Vuxenutbildning Väst,AMF-UJC,department,,',
      'employee,Jonas,Ek,,,H2002,Lärare,AMF-VUX-SFI,SFI Väst,AMF-VUX,unit,,',
      'elected_official,Eva,Holm,eva.holm@demo.varn.se,,,,,,,,M,leisure',
    ].join('\n');
    const response = await upload(csv);
    assert.equal(response.statusCode, 200, response.body);
    assert.deepEqual(response.json(), { units: 2, people: 3 });
    const units = (await administrator.get('/api/org-units')).json().items as {
      id: string;
      parentId: string;
      code: string;
    }[];
    const department = units.find((unit) => unit.code === 'AMF-VUX');
    const unit = units.find((candidate) => candidate.code === 'AMF-VUX-SFI');
    assert.equal(unit?.parentId, department?.id);
    const people = (await administrator.get('/api/people?search=Jonas')).json().items;
    assert.equal(people[0]?.unitId, unit?.id);
  });

  test('importing the same rows again updates instead of duplicating (matched on employee number)', async () => {
    const before = await countRows(harness.db, 'people');
    const csv = [header, 'employee,Jonas,Ek,,,H2002,Förstelärare,AMF-VUX-SFI,,,,,'].join('\n');
    assert.equal((await upload(csv)).statusCode, 200);
    assert.equal(await countRows(harness.db, 'people'), before);
    const jonas = (await administrator.get('/api/people?search=Jonas')).json().items[0];
    assert.equal(jonas.title, 'Förstelärare');
  });

  test('semicolon-separated files with a BOM, as spreadsheet programs write them, are read', async () => {
    const csv = `\uFEFF${header.replaceAll(',', ';')}\nemployee;Kim;Lund;;;H2003;;AMF-JT-CITY;;;;;`;
    assert.equal((await upload(csv)).statusCode, 200);
  });

  test('one bad row fails the whole import, every bad row is reported, and nothing is written', async () => {
    const people = await countRows(harness.db, 'people');
    const units = await countRows(harness.db, 'org_units');
    const csv = [
      header,
      'employee,Ny,Enhet,,,H3001,,AMF-NY,Ny enhet,AMF-JT,unit,,',
      'employee,Utan,Enhet,,,H3002,,,,,,,',
      'robot,Fel,Typ,inte-en-adress,,H3003,,AMF-JT-CITY,,,,,',
      'elected_official,Okänt,Parti,,,H3004,,,,,,XYZ,leisure',
      'employee,Dubbel,Nummer,,,H3001,,AMF-JT-CITY,,,,,',
    ].join('\n');
    const response = await upload(csv);
    assert.equal(response.statusCode, 422);
    assert.equal(response.json().code, 'import_failed');
    const paths = (response.json().errors as { path: string }[]).map((error) => error.path);
    assert.ok(paths.includes('row 3.unit_code'), paths.join());
    assert.ok(paths.includes('row 4.kind') && paths.includes('row 4.email'), paths.join());
    assert.ok(paths.includes('row 5.party_abbreviation'), paths.join());
    assert.ok(paths.includes('row 6.employee_number'), paths.join());
    assert.equal(await countRows(harness.db, 'people'), people);
    assert.equal(await countRows(harness.db, 'org_units'), units, 'the valid row 2 did not create its unit either');
  });

  test('unknown columns are refused before any row is read', async () => {
    const response = await upload('förnamn,efternamn\nAnna,Berg');
    assert.equal(response.statusCode, 422);
    assert.equal(response.json().errors[0].path, 'header');
  });

  test('only the administrator may import', async () => {
    const coordinator = await harness.signIn('security_coordinator');
    const response = await coordinator.request({
      method: 'POST',
      url: '/api/people/import',
      payload: `${header}\n`,
      headers: { 'content-type': 'text/csv' },
    });
    assert.equal(response.statusCode, 403);
  });
});
